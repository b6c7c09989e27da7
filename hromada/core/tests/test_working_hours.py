"""Terms in working hours (approval steps "within N working hours")."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from hromada.core.deadlines import WorkingCalendar
from hromada.core.deadlines.working_hours import add_working_hours

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
