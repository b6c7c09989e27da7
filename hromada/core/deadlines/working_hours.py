"""Terms in working hours: "approve within 4 working hours".

Working hours are the office periods of a working day (``WorkingCalendar``)
in the council's time zone. ``HROMADA_OFFICE_HOURS`` lists them; the
default is 09:00–13:00 and 14:00–18:00, eight hours with a lunch break, as
a 40-hour five-day week gives (КЗпП ст. 50). The council's internal labour
rules set the real hours. The eve of a holiday ends an hour earlier (КЗпП
ст. 53 ч. 1), except under martial law.
"""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from django.conf import settings
from django.utils import timezone

from hromada.core.deadlines.working_calendar import (
    ONE_DAY,
    WorkingCalendar,
    calendar_current,
)

DEFAULT_OFFICE_HOURS = (("09:00", "13:00"), ("14:00", "18:00"))
# A term of a year of working hours is a mistake, not a term.
MAX_HOURS = 2000
# КЗпП ст. 53 ч. 1: the eve of a holiday is one hour shorter (in minutes).
SHORTENED_BY = 60


def office_periods() -> list[tuple[time, time]]:
    """The office periods of a working day, from the settings."""
    periods = getattr(settings, "HROMADA_OFFICE_HOURS", DEFAULT_OFFICE_HOURS)
    return _parsed(periods)


def _parsed(periods: Sequence[Sequence[str]]) -> list[tuple[time, time]]:
    parsed = [
        (time.fromisoformat(start), time.fromisoformat(end)) for start, end in periods
    ]
    if not parsed or any(start >= end for start, end in parsed):
        raise ValueError("HROMADA_OFFICE_HOURS needs periods with start < end")
    return sorted(parsed)


def add_working_hours(
    *, start: datetime, hours: int, calendar: WorkingCalendar | None = None
) -> datetime:
    """The moment at which ``hours`` office hours after ``start`` have passed.

    Time outside the office periods and non-working days does not count: a
    four-hour term given on Friday at 16:00 ends on Monday at 11:00.
    """
    if not 0 <= hours <= MAX_HOURS:
        raise ValueError(f"hours must be between 0 and {MAX_HOURS}")
    if hours == 0:
        return start
    working = calendar if calendar is not None else calendar_current()
    periods = office_periods()
    zone = timezone.get_current_timezone()
    moment = timezone.localtime(start, zone)
    remaining = timedelta(hours=hours)
    day = moment.date()
    while True:
        if working.is_working_day(day):
            for period_start, period_end in _periods_of(day, periods, working):
                begin = max(moment, _at(day, period_start, zone))
                end = _at(day, period_end, zone)
                if begin >= end:
                    continue
                if remaining <= end - begin:
                    return begin + remaining
                remaining -= end - begin
        day += ONE_DAY
        moment = _at(day, time.min, zone)


def _periods_of(
    day: date, periods: list[tuple[time, time]], calendar: WorkingCalendar
) -> list[tuple[time, time]]:
    """The office periods of ``day``: the last hour cut on a holiday's eve."""
    if not calendar.is_shortened_eve(day):
        return periods
    cut = SHORTENED_BY
    shortened: list[tuple[time, time]] = []
    for start, end in reversed(periods):
        length = _minutes(end) - _minutes(start)
        if cut >= length:
            cut -= length
            continue
        shortened.append((start, _time(_minutes(end) - cut)))
        cut = 0
    return list(reversed(shortened))


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _time(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def _at(day: date, moment: time, zone: tzinfo) -> datetime:
    return timezone.make_aware(datetime.combine(day, moment), zone)
