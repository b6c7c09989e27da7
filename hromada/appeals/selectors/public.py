"""What anyone may read of appeals: public ones, without their authors.

Every public page, feed, export and Open311 read goes through here; none
of these querysets reaches ``Applicant`` (tests check the SQL).
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID

from django.db.models import Avg, Count, F, Min, QuerySet
from django.db.models.functions import Floor
from django.utils import timezone

from hromada.appeals import permissions, privacy
from hromada.appeals.models import (
    PRIVATE_EVENT_KINDS,
    AnswerStatus,
    Appeal,
    AppealAttachment,
    AppealEvent,
    AttachmentRole,
)

# Columns a public read may load; the applicant and the owner are not
# among them.
PUBLIC_FIELDS = (
    "id",
    "public_id",
    "number",
    "registered_at",
    "kind",
    "category",
    "public_title",
    "public_description",
    "status",
    "lon",
    "lat",
    "address",
    "district",
    "unit",
    "due_on",
    "public_answer",
    "answered_at",
    "outcome",
    "reopened_count",
    "closed_at",
    "forward_to",
    "follower_count",
    "duplicate_of",
    "updated_at",
)


def appeal_list_public() -> QuerySet[Appeal]:
    """Public appeals, newest first, with what their pages name."""
    return (
        Appeal.objects.filter(permissions.public_appeals_q())
        .only(*PUBLIC_FIELDS)
        .select_related("category", "district", "unit", "address__street")
        .order_by("-registered_at", "-id")
    )


def appeal_get_public(*, public_id: UUID | str) -> Appeal | None:
    """One public appeal, or ``None`` (a confidential one looks missing)."""
    return appeal_list_public().filter(public_id=public_id).first()


def appeal_events_public(*, appeal: Appeal) -> QuerySet[AppealEvent]:
    """The public timeline: what happened, when, on which unit's desk."""
    return (
        AppealEvent.objects.filter(appeal=appeal)
        .exclude(kind__in=PRIVATE_EVENT_KINDS)
        .only("kind", "at", "unit", "note", "appeal_id")
        .select_related("unit")
        .order_by("at", "pk")
    )


def appeal_events_public_between(
    *, start: datetime, end: datetime
) -> QuerySet[AppealEvent]:
    """Timeline steps of public appeals in [start, end), oldest first."""
    return (
        AppealEvent.objects.filter(appeal__is_public=True, at__gte=start, at__lt=end)
        .exclude(kind__in=PRIVATE_EVENT_KINDS)
        .only("kind", "at", "unit", "note", "appeal__public_id", "appeal__status")
        .select_related("appeal", "unit")
        .order_by("at", "pk")
    )


def appeal_events_public_list(
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    appeal_ids: Collection[int] | None = None,
) -> QuerySet[AppealEvent]:
    """Timeline steps of public appeals, each with its own public id (an
    Open311 update's id), oldest first; in [start, end) and of
    ``appeal_ids`` when given. The appeal itself is not joined: read it
    through ``appeal_list_public``."""
    events = AppealEvent.objects.filter(
        appeal__in=Appeal.objects.filter(permissions.public_appeals_q())
    ).exclude(kind__in=PRIVATE_EVENT_KINDS)
    if start is not None:
        events = events.filter(at__gte=start)
    if end is not None:
        events = events.filter(at__lt=end)
    if appeal_ids is not None:
        events = events.filter(appeal_id__in=appeal_ids)
    return (
        events.only("public_id", "updated_at", "kind", "at", "unit", "note", "appeal")
        .select_related("unit")
        .order_by("at", "pk")
    )


def appeal_answers_public(
    *, appeal_ids: Collection[int]
) -> dict[int, dict[str, object]]:
    """The answers to their categories' questions of the public appeals
    among ``appeal_ids``, by appeal id; one query. Free-text answers may
    hold anything a person typed: redact them before showing."""
    rows = Appeal.objects.filter(
        permissions.public_appeals_q(), pk__in=appeal_ids
    ).values_list("pk", "answers")
    return {pk: dict(answers or {}) for pk, answers in rows}


def appeal_answer_files_public(*, appeal: Appeal) -> QuerySet[AppealAttachment]:
    """The files of the appeal's accepted answers: published with it.

    The applicant's own files are never public (faces, documents, homes).
    """
    return (
        AppealAttachment.objects.filter(
            appeal=appeal,
            appeal__is_public=True,
            role=AttachmentRole.ANSWER,
            answer__status=AnswerStatus.ACCEPTED,
        )
        .select_related("stored_file")
        .order_by("pk")
    )


@dataclass(frozen=True, kw_only=True)
class PublicFilters:
    """What the public list and map are narrowed to; empty means all."""

    category_ids: frozenset[int] = frozenset()
    district_id: int | None = None
    statuses: frozenset[str] = frozenset()
    start: date | None = None
    end: date | None = None


def _filtered(appeals: QuerySet[Appeal], filters: PublicFilters) -> QuerySet[Appeal]:
    if filters.category_ids:
        appeals = appeals.filter(category_id__in=filters.category_ids)
    if filters.district_id is not None:
        appeals = appeals.filter(district_id=filters.district_id)
    if filters.statuses:
        appeals = appeals.filter(status__in=filters.statuses)
    if filters.start is not None:
        appeals = appeals.filter(registered_at__gte=_day_start(filters.start))
    if filters.end is not None:
        appeals = appeals.filter(
            registered_at__lt=_day_start(filters.end + timedelta(days=1))
        )
    return appeals


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def appeal_list_public_filtered(*, filters: PublicFilters) -> QuerySet[Appeal]:
    """The public list narrowed by ``filters``, newest first."""
    return _filtered(appeal_list_public(), filters)


@dataclass(frozen=True, kw_only=True, slots=True)
class MapCell:
    """Public appeals in one square of the map grid: their count, their
    mean point (rounded to about 100 m), and the appeal when alone."""

    lon: float
    lat: float
    count: int
    public_id: str = ""
    title: str = ""


MAP_CELLS_MAX = 2000


def appeal_map_cells(
    *,
    filters: PublicFilters,
    bbox: tuple[float, float, float, float],
    cell_degrees: float,
) -> list[MapCell]:
    """Public appeals inside ``bbox`` grouped into square cells of
    ``cell_degrees``: the clusters of the public map, counted by the
    database (two queries, whatever the number of appeals)."""
    min_lon, min_lat, max_lon, max_lat = bbox
    inside = _filtered(
        Appeal.objects.filter(
            permissions.public_appeals_q(),
            lon__gte=min_lon,
            lon__lte=max_lon,
            lat__gte=min_lat,
            lat__lte=max_lat,
        ),
        filters,
    )
    cells = list(
        inside.annotate(
            cell_x=Floor(F("lon") / cell_degrees), cell_y=Floor(F("lat") / cell_degrees)
        )
        .values("cell_x", "cell_y")
        .annotate(
            count=Count("id"), mean_lon=Avg("lon"), mean_lat=Avg("lat"), one=Min("id")
        )
        .order_by("-count")[:MAP_CELLS_MAX]
    )
    singles = {cell["one"] for cell in cells if cell["count"] == 1}
    titles = {
        pk: (str(public_id), title)
        for pk, public_id, title in Appeal.objects.filter(pk__in=singles).values_list(
            "pk", "public_id", "public_title"
        )
    }
    result = []
    for cell in cells:
        point = privacy.public_point(cell["mean_lon"], cell["mean_lat"])
        if point is None:
            continue
        public_id, title = (
            titles.get(cell["one"], ("", "")) if cell["count"] == 1 else ("", "")
        )
        result.append(
            MapCell(
                lon=point[0],
                lat=point[1],
                count=cell["count"],
                public_id=public_id,
                title=title,
            )
        )
    return result
