"""The working-day calendar: statutory holidays, martial law and overrides.

Three sources decide whether a date is a working day, strongest first:

1. an administrator's ``CalendarDay`` override;
2. martial law (``MartialLawPeriod``): only Saturdays and Sundays are days
   off, because Law 2136-IX art. 6 ч. 6 suspends КЗпП arts. 67 ч. 3-5 and 73
   (DOMAIN.md TIME-04);
3. peace time: Saturdays, Sundays, the holidays of КЗпП art. 73 and the days
   off they move to under art. 67 ч. 3 (TIME-05).

The dates of the holidays come from the ``holidays`` package. Since 2022 it
files them under its ``WORKDAY`` category, because martial law is baked into
its ``PUBLIC`` one; this module asks for both and applies martial law itself,
from the data, so that the day martial law ends needs a table row, not a
release of the package.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType

import holidays
from django.db import connection

from hromada.core.models import CalendarDay, CalendarDayKind, MartialLawPeriod

ONE_DAY = timedelta(days=1)
SATURDAY, SUNDAY = 5, 6
WEEKEND = frozenset({SATURDAY, SUNDAY})
# КЗпП art. 67 ч. 3 (a holiday on a weekend moves the day off to the next
# working day) applies again since Law 576-XIV of 23.04.1999.
TRANSFERS_SINCE = date(1999, 4, 23)
# Earliest year the holidays package knows for Ukraine.
FIRST_YEAR = 1991


@dataclass(frozen=True, kw_only=True, slots=True)
class StatutoryYear:
    """The peace-time days off of one year, before martial law and overrides.

    ``days_off`` holds holidays and the Cabinet's transferred days off
    (``moved_days_off``), ``transfers`` maps each day off moved by КЗпП
    art. 67 ч. 3 to its holiday, ``working_weekends`` the Saturdays worked
    in exchange.
    """

    days_off: Mapping[date, str]
    transfers: Mapping[date, date]
    working_weekends: frozenset[date]
    moved_days_off: frozenset[date] = frozenset()

    def is_holiday(self, day: date) -> bool:
        """A holiday or non-working day of КЗпП art. 73, not a moved day."""
        return day in self.days_off and day not in self.moved_days_off


@lru_cache(maxsize=64)
def statutory_year(year: int) -> StatutoryYear:
    """The statutory calendar of ``year``; pure, so cached per process."""
    if year < FIRST_YEAR:
        return StatutoryYear(days_off={}, transfers={}, working_weekends=frozenset())
    package = holidays.country_holidays(
        "UA",
        years=year,
        categories=(holidays.PUBLIC, holidays.WORKDAY),
        observed=False,
        language="uk",
    )
    days_off = {day: str(name) for day, name in sorted(package.items())}
    moves = list(_cabinet_moves(year))
    return StatutoryYear(
        days_off=MappingProxyType(days_off),
        transfers=MappingProxyType(_transfers(days_off)),
        working_weekends=frozenset(saturday for _day_off, saturday in moves),
        moved_days_off=frozenset(day_off for day_off, _saturday in moves),
    )


def _transfers(days_off: Mapping[date, str]) -> dict[date, date]:
    # КЗпП art. 67 ч. 3: the day off moves to the next day that is neither a
    # weekend, nor a holiday, nor already taken by an earlier transfer.
    transfers: dict[date, date] = {}
    for holiday in sorted(days_off):
        if holiday.weekday() not in WEEKEND or holiday < TRANSFERS_SINCE:
            continue
        candidate = holiday + ONE_DAY
        while (
            candidate.weekday() in WEEKEND
            or candidate in days_off
            or candidate in transfers
        ):
            candidate += ONE_DAY
        transfers[candidate] = holiday
    return transfers


def _cabinet_moves(year: int) -> Iterator[tuple[date, date]]:
    # КЗпП art. 67 ч. 5: the Cabinet recommended moving working days; the
    # package keeps each move as (month, day, from_month, from_day[, year]),
    # the "from" date being the Saturday worked instead. Yields (the day
    # off, the Saturday worked).
    moves: Mapping[int, object] = (
        holidays.countries.ukraine.UkraineStaticHolidays.special_public_holidays
    )
    entries = moves.get(year, ())
    if not isinstance(entries, tuple):
        return
    if entries and isinstance(entries[0], int):
        entries = (entries,)
    for entry in entries:
        numbers = tuple(part for part in entry if isinstance(part, int))
        if len(numbers) == len(entry) and len(numbers) in (4, 5):
            from_year = numbers[4] if len(numbers) == 5 else year
            yield (
                date(year, numbers[0], numbers[1]),
                date(from_year, numbers[2], numbers[3]),
            )


@dataclass(frozen=True, kw_only=True, slots=True)
class WorkingCalendar:
    """A snapshot of the calendar: martial-law periods and overrides.

    Build one with ``calendar_current()`` (from the database) or directly in
    tests; pass it to the deadline functions to reuse it across many calls.
    """

    martial_law: tuple[tuple[date, date | None], ...] = ()
    overrides: Mapping[date, str] = field(default_factory=dict)
    # Running totals of working days per year, filled on first use: lists
    # of "days on the desk" then cost two lookups instead of a day-by-day
    # walk. Not part of equality; the snapshot itself never changes.
    _running_totals: dict[int, list[int]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def working_days_in_year_to(self, day: date) -> int:
        """Working days from 1 January of ``day``'s year through ``day``."""
        totals = self._running_totals.get(day.year)
        if totals is None:
            totals = [0]
            current = date(day.year, 1, 1)
            while current.year == day.year:
                totals.append(totals[-1] + self.is_working_day(current))
                current += ONE_DAY
            self._running_totals[day.year] = totals
        return totals[day.timetuple().tm_yday]

    def is_martial_law(self, day: date) -> bool:
        """Whether martial law is in force on ``day`` (TIME-06)."""
        return any(
            starts_on <= day and (ends_on is None or day <= ends_on)
            for starts_on, ends_on in self.martial_law
        )

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day under the rules in force on it."""
        kind = self.overrides.get(day)
        if kind is not None:
            return kind == CalendarDayKind.WORKING_DAY
        if self.is_martial_law(day):
            return day.weekday() not in WEEKEND
        year = statutory_year(day.year)
        if day.weekday() in WEEKEND:
            # A Saturday late in December may be worked for a day off in
            # January of the next year.
            following = statutory_year(day.year + 1)
            return day in year.working_weekends or day in following.working_weekends
        if day in year.days_off:
            return False
        holiday = year.transfers.get(day) or statutory_year(day.year - 1).transfers.get(
            day
        )
        # A holiday that fell under martial law moved no day off, even if
        # martial law has ended by the Monday after it.
        return holiday is None or self.is_martial_law(holiday)

    def is_shortened_eve(self, day: date) -> bool:
        """Whether ``day`` is a working day one hour shorter: the eve of a
        holiday (КЗпП ст. 53 ч. 1).

        Only the day right before the holiday's own date is shortened, and
        not under martial law, which suspends art. 53 (Law 2136-IX art. 6
        ч. 6; DOMAIN TIME-04). An override making the holiday a working day
        takes the shortening away.
        """
        holiday = day + ONE_DAY
        if not self.is_working_day(day) or self.is_martial_law(day):
            return False
        if self.overrides.get(holiday) == CalendarDayKind.WORKING_DAY:
            return False
        if self.is_martial_law(holiday):
            return False
        return statutory_year(holiday.year).is_holiday(holiday)

    def is_suspended_holiday(self, day: date) -> bool:
        """Whether ``day`` would be a day off in peace time but martial law
        makes it a working day (no override says otherwise).
        """
        if day in self.overrides or not self.is_martial_law(day):
            return False
        if day.weekday() in WEEKEND:
            return False
        year = statutory_year(day.year)
        return (
            day in year.days_off
            or day in year.transfers
            or day in statutory_year(day.year - 1).transfers
        )


def _calendar_version() -> tuple[object, ...]:
    # Count and newest change of both tables: any save through the ORM or
    # the admin touches ``updated_at``, any delete changes the count.
    quote = connection.ops.quote_name
    days = quote(CalendarDay._meta.db_table)
    periods = quote(MartialLawPeriod._meta.db_table)
    # Table names come from model metadata, never from input.
    sql = (
        f"SELECT (SELECT COUNT(*) FROM {days}), (SELECT MAX(updated_at) FROM {days}),"  # noqa: S608
        f" (SELECT COUNT(*) FROM {periods}), (SELECT MAX(updated_at) FROM {periods})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return (connection.alias, connection.settings_dict["NAME"], *row)


@lru_cache(maxsize=8)
def _calendar_load(version: tuple[object, ...]) -> WorkingCalendar:
    periods = MartialLawPeriod.objects.order_by("starts_on").values_list(
        "starts_on", "ends_on"
    )
    overrides = CalendarDay.objects.values_list("date", "kind")
    return WorkingCalendar(
        martial_law=tuple(periods), overrides=MappingProxyType(dict(overrides))
    )


def calendar_current() -> WorkingCalendar:
    """The calendar as the database holds it now.

    One small query checks the tables' version; the rows are loaded again
    only after an administrator changed an override or a martial-law period.
    """
    return _calendar_load(_calendar_version())


def _resolve(calendar: WorkingCalendar | None) -> WorkingCalendar:
    return calendar if calendar is not None else calendar_current()


def is_working_day(day: date, /, *, calendar: WorkingCalendar | None = None) -> bool:
    """Whether ``day`` is a working day (TIME-03, TIME-04, TIME-05)."""
    return _resolve(calendar).is_working_day(day)


def add_working_days(
    *, start: date, count: int, calendar: WorkingCalendar | None = None
) -> date:
    """The ``count``-th working day after ``start``; ``start`` is not counted.

    ``count=0`` returns ``start`` itself.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    working = _resolve(calendar)
    day = start
    remaining = count
    while remaining:
        day += ONE_DAY
        if working.is_working_day(day):
            remaining -= 1
    return day


def working_days_between(
    *, start: date, end: date, calendar: WorkingCalendar | None = None
) -> int:
    """Working days after ``start`` up to and including ``end``.

    It is the part of a working-day term from ``start`` used up by ``end``,
    so ``add_working_days(start=s, count=n)`` gives an ``end`` with ``n``;
    negative when ``end`` is before ``start``.
    """
    if end < start:
        return -working_days_between(start=end, end=start, calendar=calendar)
    working = _resolve(calendar)
    count = working.working_days_in_year_to(end) - working.working_days_in_year_to(
        start
    )
    for year in range(start.year, end.year):
        count += working.working_days_in_year_to(date(year, 12, 31))
    return count


def working_days_before(
    *,
    day: date,
    count: int,
    publication_day_counts: bool = False,
    calendar: WorkingCalendar | None = None,
) -> date:
    """The latest date that is ``count`` working days before ``day``.

    By default ``count`` full working days must lie strictly between the
    result and ``day`` (the conservative reading of ДПІ art. 15 ч. 3, DOMAIN
    §5 item 5); with ``publication_day_counts`` the result itself, a working
    day then, is one of them.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    working = _resolve(calendar)
    earliest = day
    remaining = count
    while remaining:
        earliest -= ONE_DAY
        if working.is_working_day(earliest):
            remaining -= 1
    return earliest if publication_day_counts else earliest - ONE_DAY


def date_range(first: date, last: date) -> Iterator[date]:
    """Every date from ``first`` to ``last``, both included."""
    day = first
    while day <= last:
        yield day
        day += ONE_DAY
