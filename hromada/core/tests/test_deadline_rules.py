"""The rule table of the deadline service: every term of DOMAIN.md's table,
named by its code and citing its act."""

from datetime import date

import pytest
from django.utils import translation

from hromada.core.deadlines import (
    RULES,
    DeadlineDirection,
    DeadlineShift,
    DeadlineUnit,
    deadline_compute,
    deadline_rule_get,
)

# --- the rule table ---------------------------------------------------------

REQUIRED_ROWS = {
    "D1",
    "D2",
    "D4",
    "D5",
    "D6",
    "D8",
    "D10",
    "D11",
    "D12",
    "D13",
    "D14",
    "D15",
    "D16",
    "D21",
    "D23",
    "D26",
}


def test_rules_cover_every_fixed_term_of_the_deadline_table():
    refs = {rule.domain_ref for rule in RULES.values()}

    assert REQUIRED_ROWS - refs == set()


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_is_named_by_its_code_and_cites_an_act(code):
    rule = deadline_rule_get(code)

    assert rule.code == code
    assert rule.amount >= 1
    with translation.override("en"):
        assert (
            "Law" in str(rule.legal_source)
            or "regulations" in str(rule.legal_source)
            or "instruction" in str(rule.legal_source)
        )


@pytest.mark.parametrize(
    ("code", "unit", "amount", "shift", "direction"),
    [
        (
            "appeal.no_study",
            DeadlineUnit.CALENDAR_DAYS,
            15,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "appeal.general",
            DeadlineUnit.MONTHS,
            1,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "appeal.forward",
            DeadlineUnit.CALENDAR_DAYS,
            5,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "appeal.return_incomplete",
            DeadlineUnit.CALENDAR_DAYS,
            5,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "appeal.return_form",
            DeadlineUnit.CALENDAR_DAYS,
            10,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "deputy_appeal.answer",
            DeadlineUnit.CALENDAR_DAYS,
            10,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "public_information.request",
            DeadlineUnit.WORKING_DAYS,
            5,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "public_information.extended",
            DeadlineUnit.WORKING_DAYS,
            20,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "public_information.urgent",
            DeadlineUnit.HOURS,
            48,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "personal_data.subject_request",
            DeadlineUnit.CALENDAR_DAYS,
            30,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "administrative_service.default",
            DeadlineUnit.CALENDAR_DAYS,
            30,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "permit.default",
            DeadlineUnit.WORKING_DAYS,
            10,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "draft_decision.publication",
            DeadlineUnit.WORKING_DAYS,
            10,
            DeadlineShift.NONE,
            DeadlineDirection.BEFORE,
        ),
        (
            "act.publication",
            DeadlineUnit.WORKING_DAYS,
            5,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "petition.check",
            DeadlineUnit.WORKING_DAYS,
            2,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "petition.consideration",
            DeadlineUnit.WORKING_DAYS,
            10,
            DeadlineShift.NONE,
            DeadlineDirection.AFTER,
        ),
        (
            "task.default",
            DeadlineUnit.CALENDAR_DAYS,
            30,
            DeadlineShift.PREVIOUS_WORKING,
            DeadlineDirection.AFTER,
        ),
    ],
)
def test_rule_terms_match_the_deadline_table(code, unit, amount, shift, direction):
    rule = deadline_rule_get(code)

    assert (rule.unit, rule.amount, rule.shift, rule.direction) == (
        unit,
        amount,
        shift,
        direction,
    )


def test_D2_cap_is_45_days():
    assert deadline_rule_get("appeal.general").cap_days == 45


def test_D18_session_notice_leaves_ten_full_days(peace):
    due = deadline_compute(
        rule_code="council_session.notice", start=date(2025, 6, 26), calendar=peace
    )

    assert due.due_on == date(2025, 6, 15)
