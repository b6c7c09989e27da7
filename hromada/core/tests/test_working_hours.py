"""Terms in working hours (approval steps "within N working hours")."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from hromada.core.deadlines import WorkingCalendar
from hromada.core.deadlines.working_hours import add_working_hours
from hromada.core.models import CalendarDayKind

KYIV = ZoneInfo("Europe/Kyiv")


@pytest.fixture
def calendar() -> WorkingCalendar:
    """Peacetime: statutory holidays are days off."""
    return WorkingCalendar()


def _at(*args: int) -> datetime:
    return datetime(*args, tzinfo=KYIV)


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        pytest.param(
            _at(2026, 11, 18, 10, 0), 2, _at(2026, 11, 18, 12, 0), id="morning"
        ),
        pytest.param(_at(2026, 11, 18, 12, 0), 2, _at(2026, 11, 18, 15, 0), id="lunch"),
        pytest.param(_at(2026, 11, 18, 7, 30), 1, _at(2026, 11, 18, 10, 0), id="early"),
        pytest.param(
            _at(2026, 11, 18, 20, 0), 1, _at(2026, 11, 19, 10, 0), id="evening"
        ),
        pytest.param(
            _at(2026, 11, 20, 16, 0), 4, _at(2026, 11, 23, 11, 0), id="weekend"
        ),
        pytest.param(
            _at(2026, 11, 18, 9, 0), 8, _at(2026, 11, 18, 18, 0), id="one-day"
        ),
        pytest.param(
            _at(2026, 11, 18, 9, 0), 16, _at(2026, 11, 19, 18, 0), id="two-days"
        ),
        pytest.param(_at(2026, 11, 18, 21, 0), 0, _at(2026, 11, 18, 21, 0), id="zero"),
    ],
)
def test_office_hours_count_and_nothing_else(settings, calendar, start, hours, due):
    settings.TIME_ZONE = "Europe/Kyiv"

    assert add_working_hours(start=start, hours=hours, calendar=calendar) == due


def test_a_holiday_does_not_count(settings, calendar):
    # given: 24 August (Independence Day), a Monday in 2026, is a day off
    settings.TIME_ZONE = "Europe/Kyiv"
    assert not calendar.is_working_day(date(2026, 8, 24))

    # when
    due = add_working_hours(start=_at(2026, 8, 21, 17, 0), hours=2, calendar=calendar)

    # then: Friday's last hour, then Tuesday's first
    assert due == _at(2026, 8, 25, 10, 0)


def test_the_office_hours_come_from_the_settings(settings, calendar):
    settings.TIME_ZONE = "Europe/Kyiv"
    settings.HROMADA_OFFICE_HOURS = [("08:00", "17:00")]

    due = add_working_hours(start=_at(2026, 11, 18, 16, 0), hours=2, calendar=calendar)

    assert due == _at(2026, 11, 19, 9, 0)


@pytest.mark.parametrize("hours", [-1, 2001])
def test_an_impossible_term_is_refused(calendar, hours):
    with pytest.raises(ValueError, match="hours must be"):
        add_working_hours(start=_at(2026, 11, 18, 9, 0), hours=hours, calendar=calendar)


def test_the_eve_of_a_holiday_ends_an_hour_earlier(settings, calendar):
    # given: Wednesday 13 October 2021, the eve of the Defenders' Day, in
    # peace time; the 15th was a moved day off, then a weekend
    settings.TIME_ZONE = "Europe/Kyiv"
    assert calendar.is_shortened_eve(date(2021, 10, 13))

    # when: a working day's eight hours from its start
    due = add_working_hours(start=_at(2021, 10, 13, 9, 0), hours=8, calendar=calendar)

    # then: seven hours that day (until 17:00), the eighth on Monday
    assert due == _at(2021, 10, 18, 10, 0)


def test_the_eve_of_a_moved_day_off_is_a_full_day(calendar):
    # 23 August 2021 was a day off moved from Saturday the 28th (Cabinet):
    # not a holiday of КЗпП art. 73, so Friday the 20th is not shortened
    assert not calendar.is_shortened_eve(date(2021, 8, 20))
    assert not calendar.is_working_day(date(2021, 8, 23))


def test_an_hour_shorter_reaches_into_the_earlier_period(settings, calendar):
    # given: the afternoon is one hour long, so the morning loses what is left
    settings.TIME_ZONE = "Europe/Kyiv"
    settings.HROMADA_OFFICE_HOURS = [("09:00", "13:30"), ("14:00", "14:30")]

    # when
    due = add_working_hours(start=_at(2021, 10, 13, 12, 0), hours=2, calendar=calendar)

    # then: one hour until the eve's office closes at 13:00, one on Monday
    assert due == _at(2021, 10, 18, 10, 0)


def test_martial_law_keeps_the_eve_a_full_day(settings):
    # given: martial law suspends КЗпП ст. 53 (Law 2136-IX art. 6)
    settings.TIME_ZONE = "Europe/Kyiv"
    at_war = WorkingCalendar(martial_law=((date(2022, 2, 24), None),))

    # when
    due = add_working_hours(start=_at(2026, 8, 21, 9, 0), hours=8, calendar=at_war)

    # then
    assert not at_war.is_shortened_eve(date(2025, 8, 23))
    assert due == _at(2026, 8, 21, 18, 0)


def test_only_the_day_right_before_the_holiday_is_shortened(calendar):
    # 24 August 2026 is a Monday: its eve is a Sunday, Friday stays whole
    assert not calendar.is_shortened_eve(date(2026, 8, 21))
    assert not calendar.is_shortened_eve(date(2026, 8, 23))


def test_a_holiday_made_a_working_day_has_no_shortened_eve():
    # given: the administrator's override makes the Defenders' Day worked
    worked = WorkingCalendar(
        overrides={date(2021, 10, 14): CalendarDayKind.WORKING_DAY}
    )

    # then
    assert not worked.is_shortened_eve(date(2021, 10, 13))
