"""Golden calendar: every public holiday of 2024-2026, written out by hand.

КЗпП art. 73 (as amended by Law 3225-IX of 2023): 1 January, 8 March,
Easter, 1 May, 8 May, Trinity, 28 June, 15 July, 24 August, 1 October and
25 December. Since 2023 Christmas is 25 December, not 7 January; 8 May
replaced 9 May, 15 July replaced 28 July, 1 October replaced 14 October.
Under martial law (Law 2136-IX art. 6 ч. 6) none is a day off and no day
off is transferred (TIME-04); in peace time a holiday on a weekend moves
the day off to the next working day (КЗпП art. 67 ч. 3, TIME-05).

The table does not come from the ``holidays`` package that the code uses:
dates and weekdays were checked by hand against a perpetual calendar, and
Easter against the Julian computus below.
"""

from datetime import date, timedelta

import pytest

WORKING, OFF = True, False

# (date, weekday, what, working under martial law, working in peace time)
GOLDEN = [
    # 2024
    (date(2024, 1, 1), "Mon", "New Year", WORKING, OFF),
    (date(2024, 3, 8), "Fri", "International Women's Day", WORKING, OFF),
    (date(2024, 5, 1), "Wed", "Labour Day", WORKING, OFF),
    (date(2024, 5, 5), "Sun", "Easter", OFF, OFF),
    (date(2024, 5, 6), "Mon", "day off for Easter", WORKING, OFF),
    (date(2024, 5, 8), "Wed", "Day of Remembrance and Victory", WORKING, OFF),
    (date(2024, 6, 23), "Sun", "Trinity", OFF, OFF),
    (date(2024, 6, 24), "Mon", "day off for Trinity", WORKING, OFF),
    (date(2024, 6, 28), "Fri", "Constitution Day", WORKING, OFF),
    (date(2024, 7, 15), "Mon", "Statehood Day", WORKING, OFF),
    (date(2024, 8, 24), "Sat", "Independence Day", OFF, OFF),
    (date(2024, 8, 26), "Mon", "day off for Independence Day", WORKING, OFF),
    (date(2024, 10, 1), "Tue", "Defenders' Day", WORKING, OFF),
    (date(2024, 12, 25), "Wed", "Christmas", WORKING, OFF),
    # 2025
    (date(2025, 1, 1), "Wed", "New Year", WORKING, OFF),
    (date(2025, 3, 8), "Sat", "International Women's Day", OFF, OFF),
    (date(2025, 3, 10), "Mon", "day off for Women's Day", WORKING, OFF),
    (date(2025, 4, 20), "Sun", "Easter", OFF, OFF),
    (date(2025, 4, 21), "Mon", "day off for Easter", WORKING, OFF),
    (date(2025, 5, 1), "Thu", "Labour Day", WORKING, OFF),
    (date(2025, 5, 8), "Thu", "Day of Remembrance and Victory", WORKING, OFF),
    (date(2025, 6, 8), "Sun", "Trinity", OFF, OFF),
    (date(2025, 6, 9), "Mon", "day off for Trinity", WORKING, OFF),
    (date(2025, 6, 28), "Sat", "Constitution Day", OFF, OFF),
    (date(2025, 6, 30), "Mon", "day off for Constitution Day", WORKING, OFF),
    (date(2025, 7, 15), "Tue", "Statehood Day", WORKING, OFF),
    (date(2025, 8, 24), "Sun", "Independence Day", OFF, OFF),
    (date(2025, 8, 25), "Mon", "day off for Independence Day", WORKING, OFF),
    (date(2025, 10, 1), "Wed", "Defenders' Day", WORKING, OFF),
    (date(2025, 12, 25), "Thu", "Christmas", WORKING, OFF),
    # 2026
    (date(2026, 1, 1), "Thu", "New Year", WORKING, OFF),
    (date(2026, 3, 8), "Sun", "International Women's Day", OFF, OFF),
    (date(2026, 3, 9), "Mon", "day off for Women's Day", WORKING, OFF),
    (date(2026, 4, 12), "Sun", "Easter", OFF, OFF),
    (date(2026, 4, 13), "Mon", "day off for Easter", WORKING, OFF),
    (date(2026, 5, 1), "Fri", "Labour Day", WORKING, OFF),
    (date(2026, 5, 8), "Fri", "Day of Remembrance and Victory", WORKING, OFF),
    (date(2026, 5, 31), "Sun", "Trinity", OFF, OFF),
    (date(2026, 6, 1), "Mon", "day off for Trinity", WORKING, OFF),
    (date(2026, 6, 28), "Sun", "Constitution Day", OFF, OFF),
    (date(2026, 6, 29), "Mon", "day off for Constitution Day", WORKING, OFF),
    (date(2026, 7, 15), "Wed", "Statehood Day", WORKING, OFF),
    (date(2026, 8, 24), "Mon", "Independence Day", WORKING, OFF),
    (date(2026, 10, 1), "Thu", "Defenders' Day", WORKING, OFF),
    (date(2026, 12, 25), "Fri", "Christmas", WORKING, OFF),
]

# Former holidays that are ordinary working days in both modes now.
FORMER = [
    (date(2024, 1, 8), "Mon", "7 January fell on Sunday: no transfer any more"),
    (date(2025, 1, 7), "Tue", "Christmas by the Julian calendar, until 2023"),
    (date(2026, 1, 7), "Wed", "Christmas by the Julian calendar, until 2023"),
    (date(2024, 5, 9), "Thu", "Victory Day, until 2023"),
    (date(2025, 7, 28), "Mon", "Statehood Day, 2022-2023"),
    (date(2024, 10, 14), "Mon", "Defender's Day, until 2022"),
    (date(2025, 10, 14), "Tue", "Defender's Day, until 2022"),
]

EASTER = {2024: date(2024, 5, 5), 2025: date(2025, 4, 20), 2026: date(2026, 4, 12)}
TRINITY = {2024: date(2024, 6, 23), 2025: date(2025, 6, 8), 2026: date(2026, 5, 31)}


def _label(row):
    return f"{row[0]}-{row[2]}"


@pytest.mark.parametrize("row", GOLDEN, ids=_label)
def test_holiday_under_martial_law(row, martial_law):
    day, _weekday, _what, working_under_martial_law, _peace = row

    assert martial_law.is_working_day(day) is working_under_martial_law


@pytest.mark.parametrize("row", GOLDEN, ids=_label)
def test_holiday_in_peace_time(row, peace):
    day, _weekday, _what, _martial, working_in_peace = row

    assert peace.is_working_day(day) is working_in_peace


@pytest.mark.parametrize("row", FORMER, ids=lambda row: str(row[0]))
def test_former_holidays_are_working_days_in_both_modes(row, martial_law, peace):
    day = row[0]

    assert (martial_law.is_working_day(day), peace.is_working_day(day)) == (True, True)


@pytest.mark.parametrize("row", GOLDEN + FORMER, ids=lambda row: str(row[0]))
def test_the_table_weekdays_are_right(row):
    assert row[0].strftime("%a") == row[1]


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_peace_time_has_no_other_weekday_off_than_the_table(year, peace):
    # given: the weekdays the table says are off in peace time
    expected = {
        row[0] for row in GOLDEN if row[0].year == year and row[0].weekday() < 5
    }

    # when: every weekday of the year is asked
    day, off = date(year, 1, 1), set()
    while day.year == year:
        if day.weekday() < 5 and not peace.is_working_day(day):
            off.add(day)
        day += timedelta(days=1)

    # then
    assert off == expected


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_martial_law_leaves_only_weekends_off(year, martial_law):
    day, off_weekdays = date(year, 1, 1), []
    while day.year == year:
        if day.weekday() < 5 and not martial_law.is_working_day(day):
            off_weekdays.append(day)
        day += timedelta(days=1)

    assert off_weekdays == []


def _orthodox_easter(year: int) -> date:
    # Meeus's Julian algorithm, converted to the Gregorian calendar
    # (13 days apart from 1900 to 2099).
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=13)


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_easter_and_trinity_dates_of_the_table(year):
    easter = _orthodox_easter(year)

    assert (easter, easter + timedelta(days=49)) == (EASTER[year], TRINITY[year])
    golden_dates = {row[0] for row in GOLDEN}
    assert {EASTER[year], TRINITY[year]} <= golden_dates
