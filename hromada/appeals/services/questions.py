"""Answers to a category's extra questions, checked against their kinds.

The same questions are Open311's service attributes, so the rules here are
the ones GeoReport v2 gives its datatypes.
"""

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Final

from django.utils.translation import gettext as _

from hromada.appeals.models import Category, CategoryQuestion, QuestionKind

ANSWER_MAX_LENGTH: Final = 1000


def answers_clean(
    category: Category,
    given: Mapping[str, object],
    *,
    errors: dict[str, list[str]],
) -> dict[str, object]:
    """The answers by question code, cleaned; refusals go into ``errors``
    under ``answer_<code>``. Answers to questions the category does not
    ask are dropped."""
    cleaned: dict[str, object] = {}
    for question in category.questions.all():
        raw = given.get(question.code)
        field = f"answer_{question.code}"
        values = _as_list(raw)
        if not values:
            if question.required:
                errors.setdefault(field, []).append(_("Answer this question."))
            continue
        try:
            cleaned[question.code] = _clean_one(question, values)
        except ValueError as error:
            errors.setdefault(field, []).append(str(error))
    return cleaned


def _as_list(raw: object) -> list[str]:
    if raw is None:
        return []
    items = raw if isinstance(raw, list | tuple) else [raw]
    return [str(item).strip() for item in items if str(item).strip()]


def _keys(question: CategoryQuestion) -> set[str]:
    return {str(choice.get("key")) for choice in question.choices or []}


def _clean_one(question: CategoryQuestion, values: list[str]) -> object:
    kind = question.kind
    if kind == QuestionKind.MULTI:
        if not set(values) <= _keys(question):
            raise ValueError(_("Choose from the list."))
        return values
    value = values[0]
    if len(value) > ANSWER_MAX_LENGTH:
        raise ValueError(
            _("Write at most %(count)d characters.") % {"count": ANSWER_MAX_LENGTH}
        )
    if kind == QuestionKind.SINGLE:
        if value not in _keys(question):
            raise ValueError(_("Choose from the list."))
        return value
    if kind == QuestionKind.NUMBER:
        return _number(value)
    if kind == QuestionKind.DATETIME:
        return _moment(value)
    return value


def _number(value: str) -> str:
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        raise ValueError(_("Enter a number.")) from None
    if not number.is_finite():
        raise ValueError(_("Enter a number."))
    return str(number)


def _moment(value: str) -> str:
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(_("Enter a date and time like 2025-03-03T14:30.")) from None
