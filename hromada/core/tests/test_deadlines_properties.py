"""Properties of the deadline service that must hold for every start date.

A later start never gives an earlier due date (monotonic), and a rule that
counts working days or moves off days off never lands on a day off, with
martial law on or off and with any administrator's overrides.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hromada.core.deadlines import (
    RULES,
    DeadlineDirection,
    DeadlineShift,
    DeadlineUnit,
    WorkingCalendar,
    add_working_days,
    deadline_compute,
    working_days_before,
    working_days_between,
)
from hromada.core.models import CalendarDayKind

MARTIAL_LAW = ((date(2022, 2, 24), None),)
# Martial law that ends and starts again, to cross both edges.
INTERRUPTED = ((date(2022, 2, 24), date(2024, 8, 24)), (date(2025, 6, 1), None))
MODES = {"martial_law": MARTIAL_LAW, "peace": (), "interrupted": INTERRUPTED}

starts = st.dates(min_value=date(2021, 1, 1), max_value=date(2027, 12, 31))
overrides = st.dictionaries(
    keys=st.dates(min_value=date(2021, 1, 1), max_value=date(2028, 6, 30)),
    values=st.sampled_from(list(CalendarDayKind)),
    max_size=25,
)
FAST = settings(max_examples=60, deadline=None)


def _due(code, start, calendar):
    if RULES[code].unit is DeadlineUnit.HOURS:
        moment = datetime(start.year, start.month, start.day, 9, 30, tzinfo=UTC)
        return deadline_compute(rule_code=code, start=moment, calendar=calendar).due_at
    return deadline_compute(rule_code=code, start=start, calendar=calendar).due_on


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("code", sorted(RULES))
@FAST
@given(first=starts, gap=st.integers(min_value=0, max_value=40), days=overrides)
def test_due_date_never_decreases_as_the_start_moves_later(
    code, mode, first, gap, days
):
    # given
    calendar = WorkingCalendar(martial_law=MODES[mode], overrides=days)
    later = first + timedelta(days=gap)

    # when
    earlier_due, later_due = _due(code, first, calendar), _due(code, later, calendar)

    # then
    assert earlier_due <= later_due


LANDS_ON_WORKING_DAY = sorted(
    code
    for code, rule in RULES.items()
    if rule.shift is not DeadlineShift.NONE
    or (
        rule.unit is DeadlineUnit.WORKING_DAYS
        and rule.direction is DeadlineDirection.AFTER
    )
)


def test_some_rules_promise_a_working_day():
    assert {"task.default", "public_information.request"} <= set(LANDS_ON_WORKING_DAY)


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("code", LANDS_ON_WORKING_DAY)
@FAST
@given(start=starts, days=overrides)
def test_shifted_and_working_day_rules_never_end_on_a_day_off(code, mode, start, days):
    calendar = WorkingCalendar(martial_law=MODES[mode], overrides=days)

    due = deadline_compute(rule_code=code, start=start, calendar=calendar)

    assert calendar.is_working_day(due.due_on) is True


@pytest.mark.parametrize("mode", sorted(MODES))
@FAST
@given(start=starts, count=st.integers(min_value=0, max_value=30), days=overrides)
def test_working_days_between_undoes_add_working_days(mode, start, count, days):
    calendar = WorkingCalendar(martial_law=MODES[mode], overrides=days)

    end = add_working_days(start=start, count=count, calendar=calendar)

    assert working_days_between(start=start, end=end, calendar=calendar) == count


@pytest.mark.parametrize("mode", sorted(MODES))
@FAST
@given(day=starts, count=st.integers(min_value=1, max_value=20), days=overrides)
def test_working_days_before_leaves_exactly_count_days_strictly_between(
    mode, day, count, days
):
    calendar = WorkingCalendar(martial_law=MODES[mode], overrides=days)

    latest = working_days_before(day=day, count=count, calendar=calendar)

    between = working_days_between(
        start=latest, end=day - timedelta(days=1), calendar=calendar
    )
    one_day_later = working_days_between(
        start=latest + timedelta(days=1), end=day - timedelta(days=1), calendar=calendar
    )
    assert (between, one_day_later) == (count, count - 1)


@FAST
@given(day=st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 12, 31)))
def test_martial_law_never_adds_a_day_off(day):
    # Since 2023 the Cabinet moves no working days, so martial law can only
    # turn days off into working days.
    martial_law, peace = WorkingCalendar(martial_law=MARTIAL_LAW), WorkingCalendar()

    if peace.is_working_day(day):
        assert martial_law.is_working_day(day) is True
    assert martial_law.is_working_day(day) is (day.weekday() < 5)


@given(
    start=st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)),
    span=st.integers(min_value=-800, max_value=800),
)
def test_working_days_between_equals_counting_day_by_day(start, span):
    # The running totals must agree with walking the calendar one day at a time.
    calendar = WorkingCalendar(martial_law=((date(2022, 2, 24), None),))
    end = start + timedelta(days=span)
    low, high = min(start, end), max(start, end)
    naive = sum(
        1
        for offset in range(1, (high - low).days + 1)
        if calendar.is_working_day(low + timedelta(days=offset))
    )

    expected = naive if end >= start else -naive
    assert working_days_between(start=start, end=end, calendar=calendar) == expected
