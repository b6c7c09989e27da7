"""Writes of the analytics room: the summary tables of appeals.

**Which day counts.** An appeal counts on the day it was registered (Kyiv
time), and so does everything that happens to it later: its answer, the
answer's timeliness, the days it took, the rating, the closing. A day's
row is that day's cohort as it stands at the last refresh, so "of the
appeals registered in March, 92 % were answered on time" reads straight
from March's rows, and a quarter's report never changes its count of
registered appeals as answers come in.

**Which days are recomputed.** A cohort settles within about 75 days: the
term is 45 days at most (Закон «Про звернення громадян», ст. 20) and the
applicant rates or reopens the answer within 30 days of it
(``appeals.services.feedback.REOPEN_DAYS``). Each night the refresh
recomputes the last ``REFRESH_DAYS`` (90) days, plus the registration days
of older appeals changed since the previous refresh (every write to an
appeal sets its ``updated_at``), so a late answer to an old appeal is
counted the next morning. ``appeal_stats_rebuild`` recomputes the whole
history (``manage.py appeal_stats_rebuild``), after an import or a change
of these rules.

**How.** Appeals are read in spans of up to ``SPAN_DAYS`` days, one
aggregate query per table and span (``appeals.selectors.stats``). Each
day is then rewritten in its own transaction — delete its rows, insert the
new ones — so a refresh is idempotent and a failure loses at most the day
it was writing; the months touched are then added up again from their
days, and their years from their months.

No audit event: the summaries are derived data that the system rewrites
from the appeals, which carry their own audit trail; no person acts.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Final

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from hromada.analytics.models import (
    CELL_LAT_DEGREES,
    CELL_LON_DEGREES,
    COUNT_FIELDS,
    DAYS_BUCKETS,
    DAYS_FIELDS,
    AppealCellStat,
    AppealClassifierStat,
    AppealStat,
    ClassifierAttribute,
    Span,
    StatsRefresh,
)
from hromada.analytics.selectors import (
    APPEALS_KEY,
    SUMS,
    month_start,
    next_month,
    summed,
    year_start,
)
from hromada.appeals.selectors import stats as appeal_stats

REFRESH_DAYS: Final = 90
# A quarter: the nightly window is read in one pass per table (the appeals
# have no index on the registration time, so each pass reads them all).
SPAN_DAYS: Final = 92
BATCH_SIZE: Final = 1000
# Single-valued attributes of the classifier, as the selector names them.
CLASSIFIER_FIELDS: Final = (
    ClassifierAttribute.RECEIPT_FORM,
    ClassifierAttribute.RECEIPT_ATTRIBUTE,
    ClassifierAttribute.KIND,
    ClassifierAttribute.AUTHOR_GENDER,
    ClassifierAttribute.SUBJECT,
    ClassifierAttribute.APPEAL_FORM,
    ClassifierAttribute.SOCIAL_STATUS,
    ClassifierAttribute.OUTCOME,
)
STAT_DIMENSIONS: Final = (
    "category_id",
    "district_id",
    "unit_id",
    "channel",
    "kind",
    "is_public",
)
CELL_DIMENSIONS: Final = ("category_id", "district_id", "unit_id", "cell_x", "cell_y")


@dataclass(frozen=True, kw_only=True, slots=True)
class RefreshResult:
    """What a refresh rewrote: how many days and months."""

    days: int
    months: int


@dataclass(kw_only=True, slots=True)
class _DayRows:
    stats: list[AppealStat] = field(default_factory=list)
    cells: list[AppealCellStat] = field(default_factory=list)
    classifier: dict[tuple[str, str], int] = field(
        default_factory=lambda: defaultdict(int)
    )


def appeal_stats_refresh(
    *, days: int = REFRESH_DAYS, today: date | None = None
) -> RefreshResult:
    """Recompute the last ``days`` days and the days of older appeals
    changed since the previous refresh; the nightly task calls this.

    Idempotent: running it twice leaves the same rows.
    """
    started = timezone.now()
    today = today or timezone.localdate()
    first = today - timedelta(days=days - 1)
    stale = set(_days_between(first, today))
    previous = StatsRefresh.objects.filter(key=APPEALS_KEY).first()
    if previous is not None and previous.started_at is not None:
        stale.update(
            appeal_stats.appeal_registration_days_changed(
                since=previous.started_at, before=day_start(first)
            )
        )
    return _recompute(sorted(stale), today=today, started=started)


def appeal_stats_rebuild(*, today: date | None = None) -> RefreshResult:
    """Recompute every day from the first appeal's to ``today`` and drop
    rows outside that range; for history, imports and changed rules."""
    started = timezone.now()
    today = today or timezone.localdate()
    first_at = appeal_stats.appeal_first_registered_at()
    first = timezone.localdate(first_at) if first_at is not None else today
    _drop_outside(first, today)
    return _recompute(list(_days_between(first, today)), today=today, started=started)


def day_start(day: date) -> datetime:
    """Midnight of ``day`` in Kyiv, where a registration day begins."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())


def _days_between(first: date, last: date) -> Iterable[date]:
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def _spans(days: Sequence[date]) -> list[list[date]]:
    """``days`` (sorted) in groups read together: each group lies within
    ``SPAN_DAYS`` days of its first day."""
    spans: list[list[date]] = []
    for day in days:
        if spans and (day - spans[-1][0]).days < SPAN_DAYS:
            spans[-1].append(day)
        else:
            spans.append([day])
    return spans


def _recompute(
    days: Sequence[date], *, today: date, started: datetime
) -> RefreshResult:
    for span in _spans(days):
        rows = _read(span[0], span[-1], today=today)
        for day in span:
            _day_write(day, rows.get(day, _DayRows()))
    months = sorted({month_start(day) for day in days})
    for month in months:
        _rollup_write(Span.MONTH, month)
    for year in sorted({year_start(day) for day in days}):
        _rollup_write(Span.YEAR, year)
    _mark_done(started=started, days=len(days))
    return RefreshResult(days=len(days), months=len(months))


def _read(first: date, last: date, *, today: date) -> dict[date, _DayRows]:
    start, end = day_start(first), day_start(last + timedelta(days=1))
    rows: dict[date, _DayRows] = defaultdict(_DayRows)
    for cohort in appeal_stats.appeal_cohort_counts(
        start=start, end=end, today=today, buckets=DAYS_BUCKETS
    ):
        rows[cohort.day].stats.append(_stat_row(cohort))
    for cell in appeal_stats.appeal_cell_counts(
        start=start, end=end, cell_lon=CELL_LON_DEGREES, cell_lat=CELL_LAT_DEGREES
    ):
        rows[cell.day].cells.append(_cell_row(cell))
    for combination in appeal_stats.appeal_classifier_counts(start=start, end=end):
        counts = rows[combination.day].classifier
        for attribute in CLASSIFIER_FIELDS:
            counts[attribute.value, getattr(combination, attribute.value)] += (
                combination.appeals
            )
        counts[ClassifierAttribute.TOPIC.value, combination.topic_code or ""] += (
            combination.appeals
        )
    for named in appeal_stats.appeal_author_category_counts(start=start, end=end):
        key = (ClassifierAttribute.AUTHOR_CATEGORY.value, named.code)
        rows[named.day].classifier[key] += named.appeals
    return rows


def _stat_row(cohort: appeal_stats.CohortCounts) -> AppealStat:
    counts = {name: getattr(cohort, name) for name in COUNT_FIELDS}
    histogram = dict(zip(DAYS_FIELDS, cohort.days, strict=True))
    return AppealStat(
        span=Span.DAY,
        period_start=cohort.day,
        category_id=cohort.category_id,
        district_id=cohort.district_id,
        unit_id=cohort.unit_id,
        channel=cohort.channel,
        kind=cohort.kind,
        is_public=cohort.is_public,
        **counts,
        **histogram,
    )


def _cell_row(cell: appeal_stats.CellCounts) -> AppealCellStat:
    return AppealCellStat(
        span=Span.DAY,
        period_start=cell.day,
        category_id=cell.category_id,
        district_id=cell.district_id,
        unit_id=cell.unit_id,
        cell_x=cell.cell_x,
        cell_y=cell.cell_y,
        appeals=cell.appeals,
    )


def _lock() -> None:
    """Take the refresh mark's row lock: refreshes take turns per day."""
    StatsRefresh.objects.select_for_update().get_or_create(key=APPEALS_KEY)


@transaction.atomic
def _day_write(day: date, rows: _DayRows) -> None:
    _lock()
    AppealStat.objects.filter(span=Span.DAY, period_start=day).delete()
    AppealCellStat.objects.filter(span=Span.DAY, period_start=day).delete()
    AppealClassifierStat.objects.filter(day=day).delete()
    AppealStat.objects.bulk_create(rows.stats, batch_size=BATCH_SIZE)
    AppealCellStat.objects.bulk_create(rows.cells, batch_size=BATCH_SIZE)
    AppealClassifierStat.objects.bulk_create(
        [
            AppealClassifierStat(day=day, attribute=attribute, value=value, appeals=n)
            for (attribute, value), n in sorted(rows.classifier.items())
        ],
        batch_size=BATCH_SIZE,
    )


def _rollup_write(span: Span, start: date) -> None:
    """Add up the rows of the period ``span`` starting ``start`` from the
    next finer span's rows: a month from its days, a year from its months."""
    finer, end = (
        (Span.DAY, next_month(start))
        if span == Span.MONTH
        else (Span.MONTH, start.replace(year=start.year + 1))
    )
    parts = Q(span=finer, period_start__gte=start, period_start__lt=end)
    with transaction.atomic():
        _lock()
        AppealStat.objects.filter(span=span, period_start=start).delete()
        AppealCellStat.objects.filter(span=span, period_start=start).delete()
        _stats_rollup(parts, span=span, start=start)
        _cells_rollup(parts, span=span, start=start)


def _stats_rollup(parts: Q, *, span: Span, start: date) -> None:
    rows = AppealStat.objects.filter(parts).values(*STAT_DIMENSIONS).annotate(**SUMS)
    AppealStat.objects.bulk_create(
        [
            AppealStat(
                span=span,
                period_start=start,
                **{name: row[name] for name in STAT_DIMENSIONS},
                **summed(row),
            )
            for row in rows.order_by()
        ],
        batch_size=BATCH_SIZE,
    )


def _cells_rollup(parts: Q, *, span: Span, start: date) -> None:
    rows = (
        AppealCellStat.objects.filter(parts)
        .values(*CELL_DIMENSIONS)
        .annotate(total=Sum("appeals"))
    )
    AppealCellStat.objects.bulk_create(
        [
            AppealCellStat(
                span=span,
                period_start=start,
                **{name: row[name] for name in CELL_DIMENSIONS},
                appeals=row["total"],
            )
            for row in rows.order_by()
        ],
        batch_size=BATCH_SIZE,
    )


@transaction.atomic
def _drop_outside(first: date, last: date) -> None:
    """Delete summary rows of periods outside ``[first, last]``."""
    _lock()
    outside = (
        Q(span=Span.DAY) & (Q(period_start__lt=first) | Q(period_start__gt=last))
        | Q(span=Span.MONTH)
        & (
            Q(period_start__lt=month_start(first))
            | Q(period_start__gt=month_start(last))
        )
        | Q(span=Span.YEAR)
        & (Q(period_start__lt=year_start(first)) | Q(period_start__gt=year_start(last)))
    )
    AppealStat.objects.filter(outside).delete()
    AppealCellStat.objects.filter(outside).delete()
    AppealClassifierStat.objects.filter(Q(day__lt=first) | Q(day__gt=last)).delete()


@transaction.atomic
def _mark_done(*, started: datetime, days: int) -> None:
    StatsRefresh.objects.update_or_create(
        key=APPEALS_KEY,
        defaults={"started_at": started, "finished_at": timezone.now(), "days": days},
    )
