"""Terms of a card and of its stages (Law 5203-VI art. 10; CNAP-04)."""

from dataclasses import dataclass

import pytest
from django.utils import translation

from hromada.cnap import terms
from hromada.cnap.models import TermUnit


@dataclass(frozen=True)
class T:
    term_value: int | None
    term_unit: str


@pytest.mark.parametrize(
    ("term", "over"),
    [
        (T(30, TermUnit.CALENDAR_DAYS), False),
        (T(31, TermUnit.CALENDAR_DAYS), True),
        (T(21, TermUnit.WORKING_DAYS), False),
        (T(22, TermUnit.WORKING_DAYS), True),
        (T(720, TermUnit.HOURS), False),
        (T(721, TermUnit.HOURS), True),
        (T(None, TermUnit.SAME_DAY), False),
        (T(None, TermUnit.CALENDAR_DAYS), False),
    ],
)
def test_the_statutory_maximum_is_30_calendar_days(term, over):
    assert terms.exceeds_statutory_maximum(term) is over


def test_stages_fit_when_their_days_add_up_to_the_cards_term_at_most():
    card = T(10, TermUnit.WORKING_DAYS)
    stages = [
        T(None, TermUnit.SAME_DAY),
        T(1, TermUnit.WORKING_DAYS),
        T(5, TermUnit.WORKING_DAYS),
        T(1, TermUnit.WORKING_DAYS),
        T(48, TermUnit.HOURS),
    ]
    assert terms.stages_fit(card, stages) is True
    assert terms.stages_fit(card, [*stages, T(2, TermUnit.CALENDAR_DAYS)]) is False


def test_a_card_on_the_day_allows_stages_of_a_day_in_all():
    card = T(None, TermUnit.SAME_DAY)
    assert terms.stages_fit(card, [T(None, TermUnit.SAME_DAY), T(8, TermUnit.HOURS)])
    assert not terms.stages_fit(card, [T(1, TermUnit.WORKING_DAYS), T(1, "hours")])


def test_a_card_without_a_term_is_not_judged():
    assert terms.stages_fit(T(None, TermUnit.CALENDAR_DAYS), [T(99, "hours")])


def test_term_text_in_english_and_ukrainian():
    with translation.override("en"):
        assert terms.term_text(T(1, TermUnit.WORKING_DAYS)) == "1 working day"
        assert terms.term_text(T(10, TermUnit.CALENDAR_DAYS)) == "10 calendar days"
        assert terms.term_text(T(None, TermUnit.CALENDAR_DAYS)) == ""
    with translation.override("uk"):
        assert terms.term_text(T(10, TermUnit.CALENDAR_DAYS)) == "10 календарних днів"
        assert terms.term_text(T(2, TermUnit.WORKING_DAYS)) == "2 робочі дні"
        assert terms.term_text(T(21, TermUnit.HOURS)) == "21 год"
        assert terms.term_text(T(None, TermUnit.SAME_DAY)) == "у день звернення"
