"""Reads of Open311: the service catalogue, public requests and their
updates, the tokens of accepted requests, the clients' keys.

Requests and updates come only from the appeals room's public selectors,
so a confidential appeal is missing here exactly as on the public pages;
the one exception is the applicant's own, to which a client may POST the
applicant's update (``request_for_update``).
"""

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db.models import Max, Q, QuerySet

from hromada.api.models import Open311Client, Open311Update
from hromada.api.open311 import statuses
from hromada.api.open311.params import Page, Window
from hromada.appeals import permissions as appeal_permissions
from hromada.appeals.models import (
    OPEN_STATUSES,
    Appeal,
    AppealChannel,
    AppealEvent,
    AppealIntake,
    Category,
    CategoryQuestion,
)
from hromada.appeals.selectors import categories as category_selectors
from hromada.appeals.selectors import public as public_selectors
from hromada.gis.models import Address


@dataclass(frozen=True, kw_only=True, slots=True)
class Service:
    """A category citizens may choose, as the service list shows it."""

    category: Category
    group: str
    has_questions: bool


@dataclass(frozen=True, kw_only=True, slots=True)
class RequestFilter:
    """What ``GET requests`` asks for; ``ids`` overrides everything else."""

    ids: Sequence[str] = ()
    codes: Sequence[str] = ()
    statuses: frozenset[str] = frozenset()
    window: Window | None = None
    page: Page | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class RequestExtras:
    """What ``extensions=true`` adds to a page of requests, read at once."""

    answers: dict[int, dict[str, object]]
    questions: dict[tuple[int, str], CategoryQuestion]
    events: dict[int, list[AppealEvent]]


def service_list() -> list[Service]:
    """The leaves citizens may choose, grouped; two queries in all."""
    choices = category_selectors.category_choices()
    asking = set(
        CategoryQuestion.objects.filter(
            category__in=[choice.category.pk for choice in choices]
        ).values_list("category_id", flat=True)
    )
    return [
        Service(
            category=choice.category,
            group=choice.group,
            has_questions=choice.category.pk in asking,
        )
        for choice in choices
    ]


def service_changeset() -> datetime | None:
    """When the catalogue last changed: the latest change of an active
    category or of one of its questions (discovery's ``changeset``)."""
    active = category_selectors.category_list_active()
    latest = [
        active.aggregate(latest=Max("updated_at"))["latest"],
        CategoryQuestion.objects.filter(category__in=active).aggregate(
            latest=Max("updated_at")
        )["latest"],
    ]
    return max((moment for moment in latest if moment is not None), default=None)


def service_get(*, code: str) -> Category | None:
    """The active leaf category with ``code``, its questions prefetched;
    ``None`` for an unknown code or a group of categories."""
    category = category_selectors.category_get(code=code)
    if category is None or category.children.filter(is_active=True).exists():
        return None
    return category


def request_list(*, filters: RequestFilter) -> list[Appeal]:
    """Public appeals as ``GET requests`` selects them, newest first.

    One query. Ids that are not UUIDs cannot name an appeal and match
    nothing.
    """
    appeals = public_selectors.appeal_list_public()
    if filters.ids:
        return list(appeals.filter(public_id__in=_uuids(filters.ids)))
    if filters.codes:
        appeals = appeals.filter(category__code__in=filters.codes)
    if filters.statuses == {statuses.OPEN}:
        appeals = appeals.filter(status__in=OPEN_STATUSES)
    elif filters.statuses == {statuses.CLOSED}:
        appeals = appeals.exclude(status__in=OPEN_STATUSES)
    if filters.window is not None:
        appeals = appeals.filter(
            registered_at__gte=filters.window.start,
            registered_at__lt=filters.window.end,
        )
    if filters.page is not None:
        start = filters.page.offset
        appeals = appeals[start : start + filters.page.size]
    return list(appeals)


def request_get(*, public_id: str) -> Appeal | None:
    """One public appeal by its id; ``None`` for any other id."""
    ids = _uuids([public_id])
    return public_selectors.appeal_get_public(public_id=ids[0]) if ids else None


def token_get(*, token: str) -> AppealIntake | None:
    """The appeal accepted through Open311 whose receipt ``token`` is, with
    its registered appeal's id once there is one; ``None`` for any other
    text. One query; the input kept for registration is never read."""
    ids = _uuids([token])
    if not ids:
        return None
    return (
        AppealIntake.objects.filter(public_id=ids[0], channel=AppealChannel.OPEN311)
        .select_related("appeal")
        .only("public_id", "updated_at", "appeal__public_id")
        .first()
    )


def request_for_update(*, public_id: str, email: str) -> Appeal | None:
    """The appeal a client's update is for: a public one, or a
    confidential one whose applicant's e-mail address is ``email`` (the
    client vouches for its user, STANDARDS §1.10); ``None`` otherwise."""
    ids = _uuids([public_id])
    if not ids:
        return None
    # Applicants' addresses are kept in lower case (the filing service).
    email = email.strip().lower()
    visible = appeal_permissions.public_appeals_q()
    if email:
        visible |= Q(applicant__email=email)
    return (
        Appeal.objects.select_related("applicant")
        .filter(visible, public_id=ids[0])
        .first()
    )


def is_applicant(appeal: Appeal, *, email: str) -> bool:
    """Whether ``email`` is the applicant's own address (any case)."""
    email = email.strip().lower()
    own = appeal.applicant.email.strip().lower() if appeal.applicant_id else ""
    return bool(email) and email == own


def update_get(
    *, client: Open311Client, appeal: Appeal, client_update_id: str
) -> AppealEvent | None:
    """The step a client's earlier update with this id became, if any."""
    earlier = (
        Open311Update.objects.select_related("event")
        .filter(client=client, appeal=appeal, client_update_id=client_update_id)
        .first()
    )
    return earlier.event if earlier is not None else None


def request_extras(*, appeals: Sequence[Appeal]) -> RequestExtras:
    """Answers, their questions and the timelines of ``appeals`` (the
    steps published as updates); three queries, whatever their number."""
    ids = [appeal.pk for appeal in appeals]
    questions = CategoryQuestion.objects.filter(
        category__in={appeal.category_id for appeal in appeals}
    )
    events: dict[int, list[AppealEvent]] = defaultdict(list)
    timeline = public_selectors.appeal_events_public_list(appeal_ids=ids).filter(
        kind__in=statuses.UPDATE_KINDS
    )
    for event in timeline:
        events[event.appeal_id].append(event)
    return RequestExtras(
        answers=public_selectors.appeal_answers_public(appeal_ids=ids),
        questions={(q.category_id, q.code): q for q in questions},
        events=dict(events),
    )


def update_list(*, window: Window, page: Page) -> list[tuple[AppealEvent, Appeal]]:
    """The updates of public appeals in ``window``, oldest first, each
    with its appeal; two queries. Ratings and joinings are not updates."""
    events = list(
        public_selectors.appeal_events_public_list(
            start=window.start, end=window.end
        ).filter(kind__in=statuses.UPDATE_KINDS)[page.offset : page.offset + page.size]
    )
    appeals = public_selectors.appeal_list_public().filter(
        pk__in={event.appeal_id for event in events}
    )
    by_id = {appeal.pk: appeal for appeal in appeals}
    return [
        (event, by_id[event.appeal_id]) for event in events if event.appeal_id in by_id
    ]


def address_get(*, public_id: str) -> Address | None:
    """A registry address by its public id (Open311's ``address_id``)."""
    ids = _uuids([public_id])
    if not ids:
        return None
    return (
        Address.objects.select_related("street", "district")
        .filter(public_id=ids[0])
        .first()
    )


def open311_client_key_hash(key: str) -> str:
    """The stored form of a key: SHA-256 of its text, in hex."""
    return hashlib.sha256(key.encode()).hexdigest()


def open311_client_get_active(*, key: str) -> Open311Client | None:
    """The unrevoked client whose key this is; ``None`` for any other."""
    if not key:
        return None
    return Open311Client.objects.filter(
        key_hash=open311_client_key_hash(key), revoked_at__isnull=True
    ).first()


def open311_client_list() -> QuerySet[Open311Client]:
    """Every client, newest first, revoked ones too, with who issued it."""
    return Open311Client.objects.select_related("owner").order_by("-created_at", "-pk")


def open311_client_get(*, public_id: UUID) -> Open311Client:
    """One client; ``Open311Client.DoesNotExist`` if there is none."""
    return open311_client_list().get(public_id=public_id)


def _uuids(values: Iterable[str]) -> list[UUID]:
    found = []
    for value in values:
        try:
            found.append(UUID(value))
        except ValueError:
            continue
    return found
