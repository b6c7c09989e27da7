"""What a statistics page of appeals shows, built from the summary tables.

A fixed number of queries whatever the history: the groups by category,
district and unit (one), the counts per period (one), the map cells
(one); totals and every table are added up here, in Python, from rows
that number at most categories × districts × units.
"""

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from hromada.analytics import selectors
from hromada.analytics.figures import Figures
from hromada.analytics.lookups import Lookups
from hromada.analytics.models import Span
from hromada.analytics.selectors import StatGroup, StatsQuery
from hromada.appeals.models import AppealChannel
from hromada.appeals.selectors import stats as appeal_stats

# Up to this many months, one column a month; up to this many quarters,
# one a quarter; beyond, one a year. Charts stay readable.
MONTH_COLUMNS_MAX: Final = 14
QUARTER_COLUMNS_MAX: Final = 16
# The heat map's shades: a cell with at least this many appeals is drawn
# in the shade of its place in the list.
HEAT_LEVELS: Final = (3, 5, 10, 20, 50)
ROMAN: Final = ("I", "II", "III", "IV")


@dataclass(kw_only=True, slots=True)
class FiguresRow:
    """One line of a table of figures: a category, a district, a unit."""

    label: str
    figures: Figures = field(default_factory=Figures)


@dataclass(kw_only=True, slots=True)
class PeriodRow:
    """A category's appeals per column of the period table."""

    label: str
    counts: list[int]

    @property
    def total(self) -> int:
        """The row's appeals over the whole period."""
        return sum(self.counts)


@dataclass(kw_only=True, slots=True)
class PeriodTable:
    """Categories × months (quarters, years) of the period."""

    columns: list[str]
    rows: list[PeriodRow]

    @property
    def totals(self) -> list[int]:
        """Each column's appeals, all categories together."""
        totals = [0] * len(self.columns)
        for row in self.rows:
            totals = [
                total + count for total, count in zip(totals, row.counts, strict=True)
            ]
        return totals


@dataclass(kw_only=True, slots=True)
class HeatLevel:
    """A shade of the heat map's legend and the counts it stands for."""

    level: int
    label: str


@dataclass(kw_only=True, slots=True)
class Dashboard:
    """Everything a statistics page shows."""

    totals: Figures
    by_category: list[FiguresRow]
    by_district: list[FiguresRow]
    by_unit: list[FiguresRow]
    by_period: PeriodTable
    cells: list[selectors.Cell]

    @property
    def cells_data(self) -> str:
        """The map cells as the heat map reads them from a data attribute:
        ``[[south, west, north, east, appeals, level], …]``."""
        return json.dumps(
            [
                [
                    cell.south,
                    cell.west,
                    cell.north,
                    cell.east,
                    cell.appeals,
                    heat_level(cell.appeals),
                ]
                for cell in self.cells
            ]
        )


def heat_level(appeals: int) -> int:
    """The shade of a cell with ``appeals`` appeals: 0 to 4."""
    return max(i for i, low in enumerate(HEAT_LEVELS) if appeals >= low)


def heat_legend() -> list[HeatLevel]:
    """The heat map's legend: "3–4", "5–9", …, "50 and more"."""
    legend = []
    for level, low in enumerate(HEAT_LEVELS):
        if level + 1 < len(HEAT_LEVELS):
            label = f"{low}–{HEAT_LEVELS[level + 1] - 1}"
        else:
            label = _("%(count)d and more") % {"count": low}
        legend.append(HeatLevel(level=level, label=label))
    return legend


def appeal_dashboard(
    *, query: StatsQuery, lookups: Lookups, shown_under: int | None = None
) -> Dashboard:
    """The page of ``query``; category rows stand for the children of
    ``shown_under`` (the chosen category) or for the tree's roots."""
    groups = selectors.appeal_stat_groups(query=query)
    totals = Figures()
    for group in groups:
        totals.add(group.figures)
    return Dashboard(
        totals=totals,
        by_category=_by_category(groups, lookups, shown_under),
        by_district=_by_key(
            groups,
            key=lambda group: group.district_id,
            names=lookups.district_names(),
            missing=_("District not known"),
        ),
        by_unit=_by_key(
            groups,
            key=lambda group: group.unit_id,
            names=lookups.unit_names(),
            missing=_("Not routed to a unit"),
        ),
        by_period=period_table(query=query, lookups=lookups, shown_under=shown_under),
        cells=selectors.appeal_cells(query=query),
    )


def _sorted(rows: dict[object, FiguresRow]) -> list[FiguresRow]:
    return sorted(rows.values(), key=lambda row: (-row.figures.registered, row.label))


def _by_category(
    groups: list[StatGroup], lookups: Lookups, shown_under: int | None
) -> list[FiguresRow]:
    tree = lookups.categories
    rows: dict[object, FiguresRow] = {}
    for group in groups:
        shown = tree.shown_as(group.category_id, under=shown_under)
        row = rows.setdefault(shown, FiguresRow(label=tree.name(shown)))
        row.figures.add(group.figures)
    return _sorted(rows)


def _by_key(
    groups: list[StatGroup],
    *,
    key: Callable[[StatGroup], int | None],
    names: dict[int, str],
    missing: str,
) -> list[FiguresRow]:
    rows: dict[object, FiguresRow] = {}
    for group in groups:
        value = key(group)
        label = names.get(value, missing) if value is not None else missing
        row = rows.setdefault(value, FiguresRow(label=label))
        row.figures.add(group.figures)
    return _sorted(rows)


def _columns(date_from: date, date_to: date) -> tuple[str, list[date]]:
    """The period table's granularity and the first day of each column."""
    months = (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1
    if months <= MONTH_COLUMNS_MAX:
        step, first = 1, date_from.replace(day=1)
    elif months <= QUARTER_COLUMNS_MAX * 3:
        step = 3
        first = date(date_from.year, (date_from.month - 1) // 3 * 3 + 1, 1)
    else:
        step, first = 12, date(date_from.year, 1, 1)
    starts = []
    current = first
    while current <= date_to:
        starts.append(current)
        month = current.month - 1 + step
        current = date(current.year + month // 12, month % 12 + 1, 1)
    return {1: "month", 3: "quarter", 12: "year"}[step], starts


def column_label(start: date, granularity: str) -> str:
    """A column's heading: «03.2026», «III кв. 2026», «2026»."""
    if granularity == "month":
        return date_format(start, "m.Y")
    if granularity == "quarter":
        return _("%(quarter)s q. %(year)d") % {
            "quarter": ROMAN[(start.month - 1) // 3],
            "year": start.year,
        }
    return str(start.year)


def period_table(
    *, query: StatsQuery, lookups: Lookups, shown_under: int | None = None
) -> PeriodTable:
    """Appeals by category and month (quarter, year) of the period."""
    granularity, starts = _columns(query.date_from, query.date_to)
    tree = lookups.categories
    counts: dict[int, list[int]] = defaultdict(lambda: [0] * len(starts))
    coarsest = Span.YEAR if granularity == "year" else Span.MONTH
    for count in selectors.appeal_stat_periods(query=query, coarsest=coarsest):
        column = max(i for i, start in enumerate(starts) if start <= count.period_start)
        shown = tree.shown_as(count.category_id, under=shown_under)
        counts[shown][column] += count.registered
    rows = [
        PeriodRow(label=tree.name(category_id), counts=values)
        for category_id, values in counts.items()
    ]
    rows.sort(key=lambda row: (-row.total, row.label))
    return PeriodTable(
        columns=[column_label(start, granularity) for start in starts], rows=rows
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class UnitLoadRow:
    """A unit's open appeals now, and how many are past their due date."""

    label: str
    open: int
    overdue: int


def unit_load(*, lookups: Lookups, today: date) -> list[UnitLoadRow]:
    """Open and overdue appeals per unit now, most overdue first; read
    live from the appeals' (unit, status, due date) index."""
    names = lookups.unit_names()
    missing = _("Not routed to a unit")
    rows = [
        UnitLoadRow(
            label=names.get(load.unit_id, missing) if load.unit_id else missing,
            open=load.open,
            overdue=load.overdue,
        )
        for load in appeal_stats.appeal_open_by_unit(today=today)
    ]
    return sorted(rows, key=lambda row: (-row.overdue, -row.open, row.label))


def channel_rows(*, query: StatsQuery) -> list[FiguresRow]:
    """The period's figures per channel of receipt, busiest first."""
    rows: dict[object, FiguresRow] = {
        channel: FiguresRow(label=str(AppealChannel(channel).label), figures=figures)
        for channel, figures in selectors.appeal_stat_channels(query=query).items()
    }
    return _sorted(rows)
