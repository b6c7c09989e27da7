"""A category's extra questions: required answers, kinds, choices."""

import pytest

from hromada.appeals.models import QuestionKind
from hromada.appeals.services.questions import answers_clean
from hromada.appeals.tests.factories import CategoryFactory, CategoryQuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    category = CategoryFactory()
    CategoryQuestionFactory(
        category=category, code="pole", kind=QuestionKind.STRING, required=True
    )
    CategoryQuestionFactory(category=category, code="days", kind=QuestionKind.NUMBER)
    CategoryQuestionFactory(
        category=category,
        code="floor",
        kind=QuestionKind.SINGLE,
        choices=[{"key": "1", "name": "Перший"}, {"key": "2", "name": "Другий"}],
    )
    CategoryQuestionFactory(
        category=category,
        code="when",
        kind=QuestionKind.DATETIME,
    )
    return category


def test_good_answers_are_cleaned_and_strangers_dropped(category):
    errors: dict = {}

    cleaned = answers_clean(
        category,
        {"pole": " 14 ", "days": "3,5", "floor": "2", "other": "x", "when": ""},
        errors=errors,
    )

    assert errors == {}
    assert cleaned == {"pole": "14", "days": "3.5", "floor": "2"}


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({}, "answer_pole"),
        ({"pole": "1", "days": "багато"}, "answer_days"),
        ({"pole": "1", "days": "NaN"}, "answer_days"),
        ({"pole": "1", "floor": "9"}, "answer_floor"),
        ({"pole": "1", "when": "вчора"}, "answer_when"),
        ({"pole": "x" * 1001}, "answer_pole"),
    ],
)
def test_bad_answers_are_refused_by_question(category, answers, field):
    errors: dict = {}

    answers_clean(category, answers, errors=errors)

    assert list(errors) == [field]
