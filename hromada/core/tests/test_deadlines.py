"""The deadline service: DOMAIN.md §2.0 worked examples and TIME-01..10.

Each rule cites its act in the rule table; the worked examples below are
copied from DOMAIN.md and must keep passing as they are written there.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from hromada.core.deadlines import (
    add_months,
    deadline_compute,
    deadline_extend,
    is_working_day,
    working_days_before,
    working_days_between,
)
from hromada.core.errors import ValidationError

KYIV = ZoneInfo("Europe/Kyiv")


# --- DOMAIN.md worked examples ---------------------------------------------


def test_TIME_03_request_for_information_with_martial_law_is_due_friday(martial_law):
    # Fri 2025-05-02 + 5 working days; 8 May is a working day under martial law.
    due = deadline_compute(
        rule_code="public_information.request",
        start=date(2025, 5, 2),
        calendar=martial_law,
    )

    assert due.due_on == date(2025, 5, 9)


def test_TIME_03_request_for_information_in_peace_time_is_due_monday(peace):
    # 8 May is a holiday in peace time, so the fifth working day is Monday.
    due = deadline_compute(
        rule_code="public_information.request", start=date(2025, 5, 2), calendar=peace
    )

    assert due.due_on == date(2025, 5, 12)


def test_TIME_04_8_may_2025_is_a_working_day_under_martial_law(martial_law, peace):
    assert (
        is_working_day(date(2025, 5, 8), calendar=martial_law),
        is_working_day(date(2025, 5, 8), calendar=peace),
    ) == (True, False)


@pytest.mark.parametrize("calendar_name", ["martial_law", "peace"])
def test_D1_D2_appeal_registered_on_3_march_2025(request, calendar_name):
    # given
    calendar = request.getfixturevalue(calendar_name)
    start = date(2025, 3, 3)

    # when
    no_study = deadline_compute(
        rule_code="appeal.no_study", start=start, calendar=calendar
    )
    general = deadline_compute(
        rule_code="appeal.general", start=start, calendar=calendar
    )

    # then: calendar days, the same in both modes (TIME-02)
    assert no_study.due_on == date(2025, 3, 18)
    assert (general.due_on, general.limit_on) == (date(2025, 4, 3), date(2025, 4, 17))


def test_D15_sitting_on_26_june_2025_latest_publication_11_june(martial_law):
    due = deadline_compute(
        rule_code="draft_decision.publication",
        start=date(2025, 6, 26),
        calendar=martial_law,
    )

    assert due.due_on == date(2025, 6, 11)
    # Ten full working days lie strictly between publication and sitting.
    assert (
        working_days_between(
            start=due.due_on, end=date(2025, 6, 25), calendar=martial_law
        )
        == 10
    )


def test_D15_reading_where_the_publication_day_counts(martial_law):
    latest = working_days_before(
        day=date(2025, 6, 26),
        count=10,
        publication_day_counts=True,
        calendar=martial_law,
    )

    assert latest == date(2025, 6, 12)


@pytest.mark.parametrize(
    ("calendar_name", "latest"),
    [
        # 14, 13, 12, 9, 8, 7, 6, 5, 2, 1 May: ten working days; publish by 30 April.
        ("martial_law", date(2025, 4, 30)),
        # 1 and 8 May are holidays: 14, 13, 12, 9, 7, 6, 5, 2 May, 30, 29 April.
        ("peace", date(2025, 4, 28)),
    ],
)
def test_D15_holidays_in_the_way_move_publication_earlier_in_peace_time(
    request, calendar_name, latest
):
    calendar = request.getfixturevalue(calendar_name)

    due = deadline_compute(
        rule_code="draft_decision.publication",
        start=date(2025, 5, 15),
        calendar=calendar,
    )

    assert due.due_on == latest


# --- counting conventions ---------------------------------------------------


def test_TIME_08_the_day_of_receipt_is_not_counted(peace):
    due = deadline_compute(
        rule_code="appeal.forward", start=date(2025, 3, 3), calendar=peace
    )

    assert due.due_on == date(2025, 3, 8)


def test_TIME_02_appeal_terms_do_not_move_off_a_weekend(peace):
    # 31 January + 15 days is Saturday 15 February: appeals have no shift.
    due = deadline_compute(
        rule_code="appeal.no_study", start=date(2025, 1, 31), calendar=peace
    )

    assert (due.due_on, due.due_on.weekday()) == (date(2025, 2, 15), 5)


@pytest.mark.parametrize(
    ("start", "due_on", "limit_on"),
    [
        (date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 17)),
        (date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 16)),
        (date(2025, 3, 31), date(2025, 4, 30), date(2025, 5, 15)),
        (date(2025, 12, 15), date(2026, 1, 15), date(2026, 1, 29)),
    ],
)
def test_TIME_09_one_month_is_the_same_day_number_or_the_month_end(
    peace, start, due_on, limit_on
):
    due = deadline_compute(rule_code="appeal.general", start=start, calendar=peace)

    assert (due.due_on, due.limit_on) == (due_on, limit_on)


def test_add_months_across_years_and_leap_days():
    assert [
        add_months(date(2024, 2, 29), 12),
        add_months(date(2024, 11, 30), 3),
        add_months(date(2025, 8, 31), 1),
    ] == [date(2025, 2, 28), date(2025, 2, 28), date(2025, 9, 30)]


@pytest.mark.parametrize(
    ("calendar_name", "due_on"),
    [
        # 8 May + 30 days is Saturday 7 June: the task is due on Friday 6 June.
        ("martial_law", date(2025, 6, 6)),
        ("peace", date(2025, 6, 6)),
    ],
)
def test_TIME_07_internal_task_due_on_a_saturday_moves_to_friday(
    request, calendar_name, due_on
):
    calendar = request.getfixturevalue(calendar_name)

    due = deadline_compute(
        rule_code="task.default", start=date(2025, 5, 8), calendar=calendar
    )

    assert due.due_on == due_on


@pytest.mark.parametrize(
    ("calendar_name", "due_on"),
    [
        # Monday 9 June 2025 replaces Trinity Sunday in peace time only.
        ("martial_law", date(2025, 6, 9)),
        ("peace", date(2025, 6, 6)),
    ],
)
def test_TIME_07_a_transferred_day_off_moves_the_task_only_in_peace_time(
    request, calendar_name, due_on
):
    calendar = request.getfixturevalue(calendar_name)

    due = deadline_compute(
        rule_code="task.default", start=date(2025, 5, 10), calendar=calendar
    )

    assert due.due_on == due_on


def test_TIME_10_48_hours_are_clock_hours_across_the_summer_time_change(martial_law):
    # given: Friday 10:00 EET; summer time starts at 03:00 on Sunday 30 March
    start = datetime(2025, 3, 28, 10, 0, tzinfo=KYIV)

    # when
    due = deadline_compute(
        rule_code="public_information.urgent", start=start, calendar=martial_law
    )

    # then: 48 elapsed hours (08:00 UTC to 08:00 UTC), read as 11:00 EEST
    assert due.due_at.astimezone(UTC) == datetime(2025, 3, 30, 8, 0, tzinfo=UTC)
    assert (
        due.due_at.astimezone(UTC) - start.astimezone(UTC)
    ).total_seconds() == 48 * 3600
    assert (due.due_on, due.due_at.hour, due.due_at.utcoffset().total_seconds()) == (
        date(2025, 3, 30),
        11,
        3 * 3600,
    )


@pytest.mark.parametrize(
    "start", [date(2025, 3, 28), datetime(2025, 3, 28, 10, 0)], ids=["date", "naive"]
)
def test_TIME_10_hour_rules_need_an_aware_datetime(martial_law, start):
    with pytest.raises(ValueError, match="aware datetime"):
        deadline_compute(
            rule_code="public_information.urgent", start=start, calendar=martial_law
        )


def test_a_day_rule_reads_an_aware_start_in_kyiv_time(peace):
    # 23:30 UTC on 2 March is already 3 March in Kyiv.
    start = datetime(2025, 3, 2, 23, 30, tzinfo=ZoneInfo("UTC"))

    due = deadline_compute(rule_code="appeal.no_study", start=start, calendar=peace)

    assert (due.start, due.due_on) == (start, date(2025, 3, 18))


def test_a_day_rule_refuses_a_naive_datetime(peace):
    with pytest.raises(ValueError, match="aware datetime"):
        deadline_compute(
            rule_code="appeal.no_study",
            start=datetime(2025, 3, 3, 9, 0),
            calendar=peace,
        )


# --- extension, overrides of the term, unknown rules -------------------------


def test_D2_extension_up_to_45_days_is_accepted(peace):
    # given
    due = deadline_compute(
        rule_code="appeal.general", start=date(2025, 3, 3), calendar=peace
    )

    # when
    extended = deadline_extend(due=due, until=date(2025, 4, 17))

    # then
    assert (extended.due_on, extended.limit_on, extended.rule_code) == (
        date(2025, 4, 17),
        date(2025, 4, 17),
        "appeal.general",
    )
    assert extended.explanation.startswith(due.explanation)


def test_D2_extension_beyond_45_days_is_refused(peace):
    due = deadline_compute(
        rule_code="appeal.general", start=date(2025, 3, 3), calendar=peace
    )

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        deadline_extend(due=due, until=date(2025, 4, 18))

    assert (refused.value.code, refused.value.message) == (
        "deadline_over_cap",
        "The term may not go beyond 17.04.2025.",
    )


def test_an_extension_must_end_after_the_current_due_date(peace):
    due = deadline_compute(
        rule_code="appeal.general", start=date(2025, 3, 3), calendar=peace
    )

    with pytest.raises(ValidationError) as refused:
        deadline_extend(due=due, until=date(2025, 4, 3))

    assert refused.value.code == "deadline_extension_too_short"


def test_a_rule_without_a_cap_cannot_be_extended(peace):
    due = deadline_compute(
        rule_code="appeal.no_study", start=date(2025, 3, 3), calendar=peace
    )

    with pytest.raises(ValidationError) as refused:
        deadline_extend(due=due, until=date(2025, 3, 20))

    assert refused.value.code == "deadline_not_extendable"


def test_a_term_set_by_law_replaces_the_default_amount(peace):
    due = deadline_compute(
        rule_code="administrative_service.default",
        start=date(2025, 3, 3),
        amount=10,
        calendar=peace,
    )

    assert due.due_on == date(2025, 3, 13)


def test_a_term_beyond_the_cap_is_refused(peace):
    with pytest.raises(ValidationError) as refused:
        deadline_compute(
            rule_code="appeal.general", start=date(2025, 3, 3), amount=2, calendar=peace
        )

    assert refused.value.code == "deadline_over_cap"


def test_an_unknown_rule_is_a_programming_error(peace):
    with pytest.raises(ValueError, match=r"appeal\.unknown"):
        deadline_compute(
            rule_code="appeal.unknown", start=date(2025, 3, 3), calendar=peace
        )


# --- explanations (TIME-01) -------------------------------------------------


def test_TIME_01_explanation_names_the_act_and_article_in_english(martial_law):
    with translation.override("en"):
        due = deadline_compute(
            rule_code="public_information.request",
            start=date(2025, 5, 2),
            calendar=martial_law,
        )

    assert due.explanation == (
        "Request for public information: due 09.05.2025, 5 working days after "
        "02.05.2025 (Law of Ukraine “On access to public information”, art. 20). "
        "Under martial law public holidays are working days "
        "(Law of Ukraine No. 2136-IX, art. 6)."
    )


def test_TIME_01_explanation_in_ukrainian_with_shift(peace):
    with translation.override("uk"):
        due = deadline_compute(
            rule_code="task.default", start=date(2025, 5, 10), calendar=peace
        )

    assert due.explanation == (
        "Внутрішнє доручення без визначеного строку: строк спливає 06.06.2025, "
        "30 календарних днів від 10.05.2025 (Інструкція з діловодства ради). "
        "09.06.2025 — вихідний день, тому строк переноситься на попередній робочий день."
    )


def test_TIME_01_explanation_of_the_appeal_cap_in_ukrainian(peace):
    with translation.override("uk"):
        due = deadline_compute(
            rule_code="appeal.general", start=date(2025, 3, 3), calendar=peace
        )

    assert due.explanation == (
        "Звернення: строк спливає 03.04.2025, 1 місяць від 03.03.2025 "
        "(Закон України “Про звернення громадян”, ст. 20). "
        "Продовжити строк можна не далі ніж до 17.04.2025, загалом 45 днів."
    )


def test_ukrainian_plural_forms_of_working_days(martial_law):
    with translation.override("uk"):
        explanations = [
            deadline_compute(
                rule_code="draft_decision.publication",
                start=date(2025, 6, 26),
                amount=amount,
                calendar=martial_law,
            ).explanation
            for amount in (1, 2, 5, 21)
        ]

    assert [text.split(", ")[1] for text in explanations] == [
        "1 повний робочий день до 26.06.2025 (Закон України “Про доступ до публічної інформації”",
        "2 повні робочі дні до 26.06.2025 (Закон України “Про доступ до публічної інформації”",
        "5 повних робочих днів до 26.06.2025 (Закон України “Про доступ до публічної інформації”",
        "21 повний робочий день до 26.06.2025 (Закон України “Про доступ до публічної інформації”",
    ]


def test_no_martial_law_note_when_no_holiday_was_counted(martial_law):
    with translation.override("en"):
        due = deadline_compute(
            rule_code="public_information.request",
            start=date(2025, 5, 12),
            calendar=martial_law,
        )

    assert "martial law" not in due.explanation
