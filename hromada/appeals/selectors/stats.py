"""Aggregate reads of appeals for the analytics room's summary tables.

Plain ``GROUP BY`` queries over ``Appeal``: counts per registration day
(Kyiv time) and attribute, never a row of one appeal, never the applicant
(``Applicant`` is not joined). Registration in ``[start, end)``: the
caller passes the Kyiv midnights that bound whole days.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final

from django.db.models import Count, F, IntegerField, Min, Q, Sum
from django.db.models.functions import Cast, Coalesce, Floor, TruncDate
from django.utils import timezone

from hromada.appeals.models import OPEN_STATUSES, Appeal, AppealStatus

# An answer in force: answered, or answered and closed. A reopened appeal
# is back in progress and waits for a new answer.
ANSWERED_STATUSES: Final = (AppealStatus.ANSWERED, AppealStatus.CLOSED)
# Whole 24-hour days from registration to the answer, as histogram buckets
# (lower, upper), both inclusive; None: no upper bound.
DayBuckets = tuple[tuple[int, int | None], ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class CohortCounts:
    """The counts of appeals registered on ``day`` with one set of
    dimensions; ``days`` holds the histogram's counts in bucket order."""

    day: date
    category_id: int
    district_id: int | None
    unit_id: int | None
    channel: str
    kind: str
    is_public: bool
    registered: int
    answered: int
    answered_on_time: int
    forwarded: int
    not_considered: int
    open: int
    overdue_open: int
    closed: int
    reopened: int
    rating_sum: int
    rating_count: int
    rating_high: int
    days: tuple[int, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class CellCounts:
    """Public appeals with a point, registered on ``day``, in one cell."""

    day: date
    category_id: int
    district_id: int | None
    unit_id: int | None
    cell_x: int
    cell_y: int
    appeals: int


@dataclass(frozen=True, kw_only=True, slots=True)
class ClassifierCounts:
    """Appeals registered on ``day`` with one combination of the КМУ №858
    attributes (section I items 1–6 and 8, section II) and the outcome."""

    day: date
    receipt_form: str
    receipt_attribute: str
    kind: str
    author_gender: str
    subject: str
    appeal_form: str
    social_status: str
    topic_code: str | None
    outcome: str
    appeals: int


@dataclass(frozen=True, kw_only=True, slots=True)
class AuthorCategoryCounts:
    """Appeals registered on ``day`` naming the category of authors
    ``code`` (858 section I, item 7)."""

    day: date
    code: str
    appeals: int


def _registered_day() -> TruncDate:
    return TruncDate("registered_at", tzinfo=timezone.get_default_timezone())


def _registered_between(start: datetime, end: datetime) -> Q:
    return Q(registered_at__gte=start, registered_at__lt=end)


def _bucket_key(index: int) -> str:
    return f"days_{index}"


def _elapsed_q(lower: int, upper: int | None) -> Q:
    after_registration = F("registered_at")
    bucket = Q(status__in=ANSWERED_STATUSES)
    if lower > 0:
        bucket &= Q(answered_at__gte=after_registration + timedelta(days=lower))
    if upper is not None:
        bucket &= Q(answered_at__lt=after_registration + timedelta(days=upper + 1))
    return bucket


def appeal_cohort_counts(
    *, start: datetime, end: datetime, today: date, buckets: DayBuckets
) -> list[CohortCounts]:
    """Counts of the appeals registered in ``[start, end)`` by registration
    day, category, district, unit, channel, kind and publicity.

    Timeliness compares the answer's Kyiv date with the due date; the
    histogram counts whole 24-hour days from registration to the answer
    in force. ``open`` and ``overdue_open`` are as of ``today``. Each
    ``days_<i>`` key counts bucket ``i`` of ``buckets``.
    """
    answered = Q(status__in=ANSWERED_STATUSES)
    is_open = Q(status__in=OPEN_STATUSES)
    histogram = {
        _bucket_key(index): Count("id", filter=_elapsed_q(lower, upper))
        for index, (lower, upper) in enumerate(buckets)
    }
    rows = (
        Appeal.objects.filter(_registered_between(start, end))
        .annotate(day=_registered_day())
        .values(
            "day",
            "category_id",
            "district_id",
            "unit_id",
            "channel",
            "kind",
            "is_public",
        )
        .annotate(
            registered=Count("id"),
            answered=Count("id", filter=answered),
            answered_on_time=Count(
                "id", filter=answered & Q(answered_at__date__lte=F("due_on"))
            ),
            forwarded=Count("id", filter=Q(status=AppealStatus.FORWARDED)),
            not_considered=Count("id", filter=Q(status=AppealStatus.NOT_CONSIDERED)),
            open=Count("id", filter=is_open),
            overdue_open=Count("id", filter=is_open & Q(due_on__lt=today)),
            closed=Count("id", filter=Q(status=AppealStatus.CLOSED)),
            reopened=Count("id", filter=Q(reopened_count__gt=0)),
            rating_sum=Coalesce(Sum("rating"), 0),
            rating_count=Count("rating"),
            rating_high=Count("id", filter=Q(rating__gte=4)),
            **histogram,
        )
        .order_by("day")
    )
    return [_cohort(row, list(histogram)) for row in rows]


def _cohort(row: dict[str, Any], bucket_keys: list[str]) -> CohortCounts:
    days = tuple(row.pop(key) for key in bucket_keys)
    return CohortCounts(**row, days=days)


def appeal_cell_counts(
    *, start: datetime, end: datetime, cell_lon: float, cell_lat: float
) -> list[CellCounts]:
    """Public appeals with a point registered in ``[start, end)``, counted
    per registration day, category, district, unit and grid cell.

    A cell is ``cell_lon`` × ``cell_lat`` degrees; its column and row are
    the point's longitude and latitude divided by those, rounded down.
    Confidential appeals are left out (DOMAIN.md APL-18).
    """
    rows = (
        Appeal.objects.filter(
            _registered_between(start, end),
            is_public=True,
            lon__isnull=False,
            lat__isnull=False,
        )
        .annotate(
            day=_registered_day(),
            cell_x=Cast(Floor(F("lon") / cell_lon), IntegerField()),
            cell_y=Cast(Floor(F("lat") / cell_lat), IntegerField()),
        )
        .values("day", "category_id", "district_id", "unit_id", "cell_x", "cell_y")
        .annotate(appeals=Count("id"))
        .order_by("day")
    )
    return [CellCounts(**row) for row in rows]


def appeal_classifier_counts(
    *, start: datetime, end: datetime
) -> list[ClassifierCounts]:
    """Appeals registered in ``[start, end)`` per day and combination of
    the classifier's single-valued attributes, the topic's code and the
    outcome; the caller adds each attribute up on its own."""
    rows = (
        Appeal.objects.filter(_registered_between(start, end))
        .annotate(day=_registered_day(), topic_code=F("topic__code"))
        .values(
            "day",
            "receipt_form",
            "receipt_attribute",
            "kind",
            "author_gender",
            "subject",
            "appeal_form",
            "social_status",
            "topic_code",
            "outcome",
        )
        .annotate(appeals=Count("id"))
        .order_by("day")
    )
    return [ClassifierCounts(**row) for row in rows]


def appeal_author_category_counts(
    *, start: datetime, end: datetime
) -> list[AuthorCategoryCounts]:
    """Appeals registered in ``[start, end)`` per day and code of a
    category of authors they name; an appeal counts once per code."""
    rows = (
        Appeal.objects.filter(
            _registered_between(start, end), author_categories__isnull=False
        )
        .annotate(day=_registered_day(), code=F("author_categories__code"))
        .values("day", "code")
        .annotate(appeals=Count("id", distinct=True))
        .order_by("day")
    )
    return [AuthorCategoryCounts(**row) for row in rows]


def appeal_registration_days_changed(
    *, since: datetime, before: datetime
) -> list[date]:
    """Registration days (Kyiv) of appeals registered before ``before``
    that changed since ``since``: answered, rated, closed, reopened."""
    days = (
        Appeal.objects.filter(updated_at__gte=since, registered_at__lt=before)
        .annotate(day=_registered_day())
        .values_list("day", flat=True)
        .distinct()
        .order_by("day")
    )
    return list(days)


def appeal_first_registered_at() -> datetime | None:
    """When the oldest appeal was registered, or ``None`` with none."""
    first: datetime | None = Appeal.objects.aggregate(first=Min("registered_at"))[
        "first"
    ]
    return first


@dataclass(frozen=True, kw_only=True, slots=True)
class UnitLoad:
    """Open appeals of one unit now, and how many of them are overdue."""

    unit_id: int | None
    open: int
    overdue: int


def appeal_open_by_unit(*, today: date) -> list[UnitLoad]:
    """Open appeals per responsible unit now, with those past their due
    date; ``unit_id`` is ``None`` for appeals not routed yet.

    Read live: the (unit, status, due_on) index answers it without the
    rest of the table.
    """
    rows = (
        Appeal.objects.filter(status__in=OPEN_STATUSES)
        .values("unit_id")
        .annotate(open=Count("id"), overdue=Count("id", filter=Q(due_on__lt=today)))
        .order_by()
    )
    return [UnitLoad(**row) for row in rows]
