"""The rows of the "Today" sections that the page and the menu's badge share.

The page lists the first rows of each section (``control_inbox``); the
badge counts them (``counters``). Both build these sections from here, so
they cannot disagree on what waits for a person. The task sections are
counted by cheaper queries of the same rows (``counters``).
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from hromada.accounts import permissions as account_permissions
from hromada.accounts.models import User
from hromada.documents.models import (
    DeadlineChange,
    DeadlineChangeStatus,
    Document,
    DocumentAccessGrant,
    DocumentAddressee,
    DocumentStatus,
    Resolution,
    ResolutionStatus,
)
from hromada.documents.permissions import control as control_permissions
from hromada.documents.permissions import visibility
from hromada.documents.selectors.control_tasks import OPEN_STATUSES
from hromada.org import selectors as org_selectors


def to_register_rows(user: User) -> QuerySet[Document] | None:
    """Drafts the registrar may see: e-mailed letters, cards begun.

    None for anyone else: only registrars register.
    """
    if not visibility.is_registrar(user):
        return None
    return Document.objects.filter(
        visibility.visible_documents_q(user), status=DocumentStatus.DRAFT
    )


def to_resolve_rows(user: User, people: frozenset[int]) -> QuerySet[Document] | None:
    """Cards waiting for ``user``'s resolution: to them or to their units.

    Addressed to ``user`` or to ``people`` they act for, or to a unit they
    head. They start from the addressee rows that wait (kept by
    services/awaiting.py, reached through partial indexes): a unit's
    resolved cards, nearly all it ever received, are never read. Each row
    is one ``user`` may open (``visibility.can_view``), by the rule's
    shortest paths: a card addressed to a person is theirs; a card
    addressed to a unit is its head's when open (public or internal), or,
    if ДСК or restricted, when it is on their desk or access was granted to
    them. The full visibility filter cost the badge, on every page of a
    large unit's head, 11 ms to build (bench/edms.py, E3).
    None for someone who heads nothing and holds no head's role.
    """
    if not account_permissions.can_use_cabinet(user):
        return None
    headed = org_selectors.org_unit_ids_headed_by(user=user)
    if not headed and not control_permissions.is_head(user):
        return None
    waiting = DocumentAddressee.objects.filter(awaiting_resolution=True)
    # One lookup per partial index, rather than one OR that the planner
    # may answer by reading every waiting row of the council.
    addressed = waiting.filter(user__in=people).values("document_id")
    if headed:
        granted = DocumentAccessGrant.objects.filter(
            document=OuterRef("document_id"), user__in=people
        )
        to_units = (
            waiting.filter(org_unit__in=headed)
            .filter(
                Q(document__access_level__in=visibility.OPEN_LEVELS)
                | Q(document__holder__in=people)
                | Q(Exists(granted))
            )
            .values("document_id")
        )
        addressed = to_units.union(addressed, all=True)
    return Document.objects.filter(status=DocumentStatus.REGISTERED, pk__in=addressed)


def extensions_to_decide_rows(people: frozenset[int]) -> QuerySet[DeadlineChange]:
    """Requests for more time on open tasks of resolutions by ``people``."""
    return DeadlineChange.objects.filter(
        decider__in=people,
        status=DeadlineChangeStatus.REQUESTED,
        task__status__in=OPEN_STATUSES,
    )


def drafts_rows(people: frozenset[int]) -> QuerySet[Resolution]:
    """Draft resolutions by ``people``, entered on their behalf to approve."""
    return Resolution.objects.filter(author__in=people, status=ResolutionStatus.DRAFT)
