"""Writes of the dictionaries: questions changed and removed, forms sent
twice, refusals that change nothing."""

import uuid

import pytest

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import Category, CategoryQuestion, QuestionKind, RoutingRule
from hromada.appeals.services import dictionaries as services
from hromada.appeals.tests.factories import (
    CategoryFactory,
    CategoryQuestionFactory,
    OrgUnitFactory,
)
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db
CHOICES = [{"key": "led", "name": "Світлодіодна"}]


@pytest.fixture
def admin():
    return UserFactory(roles=[Role.SYSTEM_ADMINISTRATOR])


@pytest.fixture
def operator():
    return UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR])


@pytest.fixture
def question():
    return CategoryQuestionFactory(
        code="lamp", label="Яка лампа?", kind=QuestionKind.SINGLE, choices=CHOICES
    )


def test_a_category_saved_twice_with_one_key_is_created_once(admin):
    key = uuid.uuid4()

    first = services.category_save(actor=admin, code="water", name="Вода", once_key=key)
    second = services.category_save(
        actor=admin, code="water", name="Вода", once_key=key
    )

    assert first == second
    assert Category.objects.count() == 1
    assert AuditEvent.objects.filter(action="appeals.category_save").count() == 1


def test_a_question_added_twice_with_one_key_is_added_once(admin):
    category, key = CategoryFactory(), uuid.uuid4()

    for _ in range(2):
        services.category_question_add(
            actor=admin,
            category=category,
            code="pole",
            label="Номер опори",
            help_text="  На табличці.  ",
            once_key=key,
        )

    question = CategoryQuestion.objects.get()
    assert (question.code, question.help_text) == ("pole", "На табличці.")


def test_a_rule_saved_twice_with_one_key_is_created_once(admin):
    unit, key = OrgUnitFactory(), uuid.uuid4()

    for _ in range(2):
        services.routing_rule_save(actor=admin, name="Все", unit=unit, once_key=key)

    assert RoutingRule.objects.count() == 1


def test_a_question_changes_and_a_list_keeps_its_choices(admin, question):
    # when
    services.category_question_update(
        actor=admin,
        question=question,
        label=" Яка саме лампа? ",
        help_text="Подивіться вгору.",
        kind=QuestionKind.MULTI,
        required=True,
        choices=[*CHOICES, {"key": "sodium", "name": "Натрієва"}],
        position=4,
    )

    # then
    question.refresh_from_db()
    assert (
        question.code,
        question.label,
        question.help_text,
        question.kind,
        question.required,
        len(question.choices),
        question.position,
    ) == ("lamp", "Яка саме лампа?", "Подивіться вгору.", "multivaluelist", True, 2, 4)
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.data) == (
        "appeals.question_update",
        admin,
        {"code": "lamp", "kind": "multivaluelist", "choices": 2},
    )


def test_a_question_that_stops_being_a_list_drops_its_choices(admin, question):
    services.category_question_update(
        actor=admin, question=question, label="Номер", kind=QuestionKind.NUMBER
    )

    question.refresh_from_db()
    assert (question.kind, question.choices) == (QuestionKind.NUMBER, [])


@pytest.mark.parametrize(
    ("label", "kind", "choices", "field"),
    [
        ("", QuestionKind.STRING, [], "label"),
        ("Яка лампа?", QuestionKind.SINGLE, [], "choices"),
    ],
)
def test_a_bad_change_is_refused_and_nothing_changes(
    admin, question, label, kind, choices, field
):
    with pytest.raises(ApplicationError) as refused:
        services.category_question_update(
            actor=admin, question=question, label=label, kind=kind, choices=choices
        )

    assert list(refused.value.details) == [field]
    question.refresh_from_db()
    assert (question.label, question.choices) == ("Яка лампа?", CHOICES)
    assert AuditEvent.objects.exists() is False


def test_a_question_is_removed_and_the_removal_audited(admin, question):
    category = question.category

    services.category_question_remove(actor=admin, question=question)
    services.category_question_remove(actor=admin, question=question)

    assert category.questions.exists() is False
    event = AuditEvent.objects.get()
    assert (event.action, event.data) == (
        "appeals.question_remove",
        {"category": category.code, "code": "lamp", "label": "Яка лампа?"},
    )


def test_others_may_neither_change_nor_remove_questions(operator, question):
    with pytest.raises(PermissionDeniedError):
        services.category_question_update(
            actor=operator, question=question, label="Інше"
        )
    with pytest.raises(PermissionDeniedError):
        services.category_question_remove(actor=operator, question=question)

    question.refresh_from_db()
    assert question.label == "Яка лампа?"
    assert AuditEvent.objects.exists() is False
