"""Working days: the helpers and the calendar's semantics (overrides,
martial law, transfers, the Cabinet's working Saturdays)."""

from datetime import date

import pytest

from hromada.core.deadlines import (
    WorkingCalendar,
    add_working_days,
    working_days_before,
    working_days_between,
)
from hromada.core.models import CalendarDayKind

# --- working-day helpers ----------------------------------------------------


def test_add_working_days_counts_after_the_start(peace):
    assert [
        add_working_days(start=date(2025, 5, 2), count=0, calendar=peace),
        add_working_days(start=date(2025, 5, 2), count=1, calendar=peace),
        add_working_days(start=date(2025, 5, 3), count=1, calendar=peace),
    ] == [date(2025, 5, 2), date(2025, 5, 5), date(2025, 5, 5)]


def test_add_working_days_refuses_a_negative_count(peace):
    with pytest.raises(ValueError, match="negative"):
        add_working_days(start=date(2025, 5, 2), count=-1, calendar=peace)


def test_working_days_before_refuses_zero(peace):
    with pytest.raises(ValueError, match="at least 1"):
        working_days_before(day=date(2025, 5, 2), count=0, calendar=peace)


@pytest.mark.parametrize(("calendar_name", "count"), [("martial_law", 6), ("peace", 5)])
def test_working_days_between_counts_holidays_only_in_martial_law(
    request, calendar_name, count
):
    calendar = request.getfixturevalue(calendar_name)

    forwards = working_days_between(
        start=date(2025, 5, 2), end=date(2025, 5, 12), calendar=calendar
    )
    backwards = working_days_between(
        start=date(2025, 5, 12), end=date(2025, 5, 2), calendar=calendar
    )

    assert (forwards, backwards) == (count, -count)


# --- calendar semantics ------------------------------------------------------


def test_overrides_win_over_martial_law_and_weekends(martial_law):
    # given: a working Saturday, and a weekday the Cabinet gave off
    calendar = WorkingCalendar(
        martial_law=martial_law.martial_law,
        overrides={
            date(2025, 5, 10): CalendarDayKind.WORKING_DAY,
            date(2025, 5, 7): CalendarDayKind.DAY_OFF,
            date(2025, 5, 6): CalendarDayKind.HOLIDAY,
        },
    )

    # then
    assert [
        calendar.is_working_day(date(2025, 5, 10)),
        calendar.is_working_day(date(2025, 5, 7)),
        calendar.is_working_day(date(2025, 5, 6)),
        calendar.is_working_day(date(2025, 5, 8)),
    ] == [True, False, False, True]


def test_overrides_win_in_peace_time_too(peace):
    calendar = WorkingCalendar(
        overrides={date(2025, 5, 8): CalendarDayKind.WORKING_DAY}
    )

    assert (
        peace.is_working_day(date(2025, 5, 8)),
        calendar.is_working_day(date(2025, 5, 8)),
    ) == (
        False,
        True,
    )


@pytest.mark.parametrize(
    ("ends_on", "monday_is_working"),
    [
        # Independence Day, Sunday 24 August 2025, fell under martial law: no transfer.
        (date(2025, 8, 24), True),
        # Martial law ended the day before: the Monday is a day off.
        (date(2025, 8, 23), False),
    ],
)
def test_a_transfer_needs_the_holiday_itself_outside_martial_law(
    ends_on, monday_is_working
):
    calendar = WorkingCalendar(martial_law=((date(2022, 2, 24), ends_on),))

    assert calendar.is_working_day(date(2025, 8, 25)) is monday_is_working


def test_holidays_after_martial_law_ends_are_days_off_again():
    calendar = WorkingCalendar(martial_law=((date(2022, 2, 24), date(2025, 12, 1)),))

    assert (
        calendar.is_martial_law(date(2025, 12, 1)),
        calendar.is_martial_law(date(2025, 12, 2)),
        calendar.is_working_day(date(2025, 10, 1)),
        calendar.is_working_day(date(2025, 12, 25)),
    ) == (True, False, True, False)


def test_cabinet_working_saturday_of_2021_in_peace_time(peace):
    # Cabinet order No. 1191 of 2020: 16 January 2021 worked for 8 January.
    assert (
        peace.is_working_day(date(2021, 1, 16)),
        peace.is_working_day(date(2021, 1, 8)),
    ) == (True, False)


def test_before_2022_peace_calendar_agrees_with_the_package_observed_rule(peace):
    # The package applies КЗпП art. 67 ч. 3 itself before martial law; the
    # calendar's own transfer logic must reproduce it on every weekday.
    import holidays

    mismatches = []
    for year in range(2000, 2022):
        observed = holidays.country_holidays("UA", years=year)
        day = date(year, 1, 1)
        while day.year == year:
            if day.weekday() < 5 and peace.is_working_day(day) is (day in observed):
                mismatches.append(day)
            day = date.fromordinal(day.toordinal() + 1)

    assert mismatches == []
