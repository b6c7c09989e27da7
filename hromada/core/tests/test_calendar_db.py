"""The calendar as the database holds it: migration data, overrides, cache."""

from datetime import date

import pytest

from hromada.core.deadlines import calendar_current, deadline_compute, is_working_day
from hromada.core.models import CalendarDay, CalendarDayKind, MartialLawPeriod

pytestmark = pytest.mark.django_db


def test_TIME_06_migration_loads_martial_law_from_24_february_2022_without_end():
    period = MartialLawPeriod.objects.get()

    assert (period.starts_on, period.ends_on, period.decree_ref) == (
        date(2022, 2, 24),
        None,
        "Указ Президента України №64/2022",
    )


def test_the_database_calendar_has_martial_law_in_force():
    calendar = calendar_current()

    assert calendar.martial_law == ((date(2022, 2, 24), None),)
    assert is_working_day(date(2025, 5, 8)) is True


def test_deadline_compute_reads_the_database_calendar():
    due = deadline_compute(
        rule_code="public_information.request", start=date(2025, 5, 2)
    )

    assert due.due_on == date(2025, 5, 9)


def test_ending_martial_law_makes_holidays_days_off_again():
    # given: the calendar was read while martial law was in force
    assert is_working_day(date(2025, 5, 8)) is True
    period = MartialLawPeriod.objects.get()

    # when
    period.ends_on = date(2025, 5, 1)
    period.save()

    # then
    assert is_working_day(date(2025, 5, 8)) is False
    due = deadline_compute(
        rule_code="public_information.request", start=date(2025, 5, 2)
    )
    assert due.due_on == date(2025, 5, 12)


def test_an_override_is_seen_at_once_and_gone_once_deleted():
    # given
    saturday = date(2025, 5, 10)
    assert is_working_day(saturday) is False

    # when: an administrator declares a working Saturday
    override = CalendarDay.objects.create(
        date=saturday, kind=CalendarDayKind.WORKING_DAY, name="Робоча субота"
    )
    seen = is_working_day(saturday)
    override.delete()

    # then
    assert (seen, is_working_day(saturday)) == (True, False)


def test_a_changed_override_kind_is_seen():
    override = CalendarDay.objects.create(
        date=date(2025, 5, 7), kind=CalendarDayKind.DAY_OFF, name="Вихідний"
    )
    assert is_working_day(date(2025, 5, 7)) is False

    override.kind = CalendarDayKind.WORKING_DAY
    override.save()

    assert is_working_day(date(2025, 5, 7)) is True


def test_a_cached_calendar_costs_one_query(django_assert_num_queries):
    calendar_current()

    with django_assert_num_queries(1):
        calendar_current()
