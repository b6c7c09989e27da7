"""Reads of the analytics room: the summary tables, never the appeals.

A period is read once: its whole years from year rows, the other whole
months from month rows and the days at its ends from day rows
(``period_q``), so ten years cost a few hundred rows per combination of
dimensions, not 3,650 days of them. Public pages pass ``public_only=True``
and get public appeals' figures only (DOMAIN.md APL-18).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final

from django.db.models import Q, QuerySet, Sum

from hromada.analytics.figures import Figures
from hromada.analytics.models import (
    CELL_LAT_DEGREES,
    CELL_LON_DEGREES,
    FIGURE_FIELDS,
    AppealCellStat,
    AppealClassifierStat,
    AppealStat,
    Span,
    StatsRefresh,
)
from hromada.appeals.models import AuthorCategory, Category, TopicCode
from hromada.gis import selectors as gis_selectors
from hromada.gis.models import District
from hromada.org.models import OrgUnit

# A map cell is drawn only with this many appeals in it, so that no single
# appeal's place can be told from the map.
CELL_MIN_APPEALS: Final = 3
APPEALS_KEY: Final = "appeals"
SUMS: Final = {f"total_{name}": Sum(name) for name in FIGURE_FIELDS}


@dataclass(frozen=True, kw_only=True, slots=True)
class StatsQuery:
    """What a statistics page asks for: a period and optional filters.

    ``category_ids`` is a category with every category under it.
    """

    date_from: date
    date_to: date
    category_ids: frozenset[int] | None = None
    district_id: int | None = None
    unit_id: int | None = None
    public_only: bool = True


@dataclass(frozen=True, kw_only=True, slots=True)
class StatGroup:
    """The figures of one category, district and unit over the period."""

    category_id: int
    district_id: int | None
    unit_id: int | None
    figures: Figures


@dataclass(frozen=True, kw_only=True, slots=True)
class PeriodCount:
    """Appeals of one category registered in one summary row's period."""

    period_start: date
    category_id: int
    registered: int


@dataclass(frozen=True, kw_only=True, slots=True)
class Cell:
    """A map cell with at least ``CELL_MIN_APPEALS`` public appeals."""

    south: float
    west: float
    north: float
    east: float
    appeals: int


def summed(row: dict[str, Any]) -> dict[str, int]:
    """A row annotated with ``SUMS`` by the figures' own names."""
    return {name: int(row[f"total_{name}"] or 0) for name in FIGURE_FIELDS}


def month_start(day: date) -> date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def next_month(day: date) -> date:
    """The first day of the month after ``day``'s."""
    return (month_start(day) + timedelta(days=32)).replace(day=1)


def year_start(day: date) -> date:
    """The first day of ``day``'s year."""
    return day.replace(month=1, day=1)


def period_q(date_from: date, date_to: date, *, coarsest: Span = Span.YEAR) -> Q:
    """Summary rows that cover ``[date_from, date_to]`` exactly once: year
    rows for the years wholly inside (unless ``coarsest`` is the month),
    month rows for the other months wholly inside, day rows for the rest."""
    if coarsest == Span.YEAR:
        first_year = year_start(date_from)
        if first_year != date_from:
            first_year = first_year.replace(year=first_year.year + 1)
        end_year = year_start(date_to + timedelta(days=1))
        if first_year < end_year:
            rows = Q(
                span=Span.YEAR, period_start__gte=first_year, period_start__lt=end_year
            )
            if date_from < first_year:
                rows |= period_q(
                    date_from, first_year - timedelta(days=1), coarsest=Span.MONTH
                )
            if end_year <= date_to:
                rows |= period_q(end_year, date_to, coarsest=Span.MONTH)
            return rows
    first_month = date_from if date_from.day == 1 else next_month(date_from)
    end_month = month_start(date_to + timedelta(days=1))
    days = Q(span=Span.DAY, period_start__gte=date_from, period_start__lte=date_to)
    if first_month >= end_month:
        return days
    months = Q(
        span=Span.MONTH, period_start__gte=first_month, period_start__lt=end_month
    )
    edges = Q(period_start__lt=first_month) | Q(period_start__gte=end_month)
    return days & edges | months


def _filters(query: StatsQuery, *, coarsest: Span = Span.YEAR) -> Q:
    where = period_q(query.date_from, query.date_to, coarsest=coarsest)
    if query.category_ids is not None:
        where &= Q(category_id__in=sorted(query.category_ids))
    if query.district_id is not None:
        where &= Q(district_id=query.district_id)
    if query.unit_id is not None:
        where &= Q(unit_id=query.unit_id)
    return where


def _stats(query: StatsQuery, *, coarsest: Span = Span.YEAR) -> QuerySet[AppealStat]:
    rows = AppealStat.objects.filter(_filters(query, coarsest=coarsest))
    if query.public_only:
        rows = rows.filter(is_public=True)
    return rows


def appeal_stat_groups(*, query: StatsQuery) -> list[StatGroup]:
    """The period's figures per category, district and unit; one query.

    Totals and the tables by category, district and unit add these up.
    """
    rows = (
        _stats(query)
        .values("category_id", "district_id", "unit_id")
        .annotate(**SUMS)
        .order_by()
    )
    return [
        StatGroup(
            category_id=row["category_id"],
            district_id=row["district_id"],
            unit_id=row["unit_id"],
            figures=Figures.from_row(summed(row)),
        )
        for row in rows
    ]


def appeal_stat_periods(
    *, query: StatsQuery, coarsest: Span = Span.YEAR
) -> list[PeriodCount]:
    """Appeals registered per summary row's period and category; the
    caller groups the periods into months, quarters or years, and says
    ``coarsest=Span.MONTH`` unless its columns are whole years."""
    rows = (
        _stats(query, coarsest=coarsest)
        .values("period_start", "category_id")
        .annotate(total=Sum("registered"))
        .order_by("period_start")
    )
    return [
        PeriodCount(
            period_start=row["period_start"],
            category_id=row["category_id"],
            registered=int(row["total"] or 0),
        )
        for row in rows
    ]


def appeal_stat_channels(*, query: StatsQuery) -> dict[str, Figures]:
    """The period's figures per channel of receipt; one query."""
    rows = _stats(query).values("channel").annotate(**SUMS).order_by("channel")
    return {row["channel"]: Figures.from_row(summed(row)) for row in rows}


def appeal_cells(*, query: StatsQuery) -> list[Cell]:
    """Map cells of the period's public appeals, each with at least
    ``CELL_MIN_APPEALS`` of them after the filters; one query."""
    rows = (
        AppealCellStat.objects.filter(_filters(query))
        .values("cell_x", "cell_y")
        .annotate(total=Sum("appeals"))
        .filter(total__gte=CELL_MIN_APPEALS)
        .order_by("cell_y", "cell_x")
    )
    return [
        Cell(
            south=round(row["cell_y"] * CELL_LAT_DEGREES, 6),
            west=round(row["cell_x"] * CELL_LON_DEGREES, 6),
            north=round((row["cell_y"] + 1) * CELL_LAT_DEGREES, 6),
            east=round((row["cell_x"] + 1) * CELL_LON_DEGREES, 6),
            appeals=int(row["total"]),
        )
        for row in rows
    ]


def classifier_counts(*, date_from: date, date_to: date) -> dict[tuple[str, str], int]:
    """Appeals registered in ``[date_from, date_to]`` per classifier
    attribute and value; one query over at most a quarter's days."""
    rows = (
        AppealClassifierStat.objects.filter(day__gte=date_from, day__lte=date_to)
        .values("attribute", "value")
        .annotate(total=Sum("appeals"))
        .order_by()
    )
    return {(row["attribute"], row["value"]): int(row["total"]) for row in rows}


def stats_refreshed_at() -> datetime | None:
    """When the summaries of appeals were last refreshed, or ``None``."""
    finished: datetime | None = (
        StatsRefresh.objects.filter(key=APPEALS_KEY)
        .values_list("finished_at", flat=True)
        .first()
    )
    return finished


# Names for the tables: small dictionaries, read whole. ----------------------


def category_list() -> QuerySet[Category]:
    """Every category, active or not (old figures name old categories)."""
    return Category.objects.only(
        "pk", "parent_id", "code", "name", "position"
    ).order_by("position", "name", "pk")


def district_list() -> QuerySet[District]:
    """Every district, by name, without its boundary."""
    return gis_selectors.district_list().only("pk", "code", "name")


def unit_list() -> QuerySet[OrgUnit]:
    """Every org unit, active or not, in the org tree's order."""
    return OrgUnit.objects.only(
        "pk", "public_id", "name", "short_name", "is_active", "sort_order"
    ).order_by("sort_order", "name", "pk")


def _valid_between(date_from: date, date_to: date) -> Q:
    return Q(valid_from__lte=date_to) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=date_from)
    )


def author_category_list_valid(
    *, date_from: date, date_to: date
) -> QuerySet[AuthorCategory]:
    """Categories of authors of the classifier's editions in force at any
    time in ``[date_from, date_to]``, by code, older editions first."""
    return AuthorCategory.objects.filter(_valid_between(date_from, date_to)).order_by(
        "code", "valid_from"
    )


def topic_list_valid(*, date_from: date, date_to: date) -> QuerySet[TopicCode]:
    """Topics (858 §II) in force at any time in ``[date_from, date_to]``,
    by code, older editions first."""
    return TopicCode.objects.filter(_valid_between(date_from, date_to)).order_by(
        "code", "valid_from"
    )
