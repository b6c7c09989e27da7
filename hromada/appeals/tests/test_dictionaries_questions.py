"""A category's questions: added, changed and removed through the pages."""

import uuid

import pytest
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import CategoryQuestion, QuestionKind
from hromada.appeals.tests.factories import CategoryFactory, CategoryQuestionFactory
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrar(client):
    user = UserFactory(roles=[Role.REGISTRAR])
    client.force_login(user)
    return user


@pytest.fixture
def category():
    return CategoryFactory(code="lighting", name="Вуличне освітлення")


def new_url(category):
    return reverse("appeals_cabinet:question_create", args=[category.public_id])


def question_url(name, question):
    return reverse(
        f"appeals_cabinet:{name}",
        args=[question.category.public_id, question.public_id],
    )


def question_data(**overrides):
    values = {
        "code": "lamp",
        "label": "Яка лампа?",
        "help_text": "Подивіться на опору.",
        "kind": QuestionKind.SINGLE,
        "required": "on",
        "choices": "led — Світлодіодна\nsodium - Натрієва\n\n",
        "once": str(uuid.uuid4()),
    }
    return {**values, **overrides}


def test_a_list_question_is_added_with_its_choices(client, registrar, category):
    # when
    response = client.post(new_url(category), question_data())

    # then
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "appeals_cabinet:category_edit", args=[category.public_id]
    )
    question = CategoryQuestion.objects.get()
    assert (
        question.category,
        question.code,
        question.label,
        question.help_text,
        question.kind,
        question.required,
        question.choices,
        question.position,
    ) == (
        category,
        "lamp",
        "Яка лампа?",
        "Подивіться на опору.",
        QuestionKind.SINGLE,
        True,
        [
            {"key": "led", "name": "Світлодіодна"},
            {"key": "sodium", "name": "Натрієва"},
        ],
        1,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.actor) == ("appeals.question_add", registrar)


def test_a_question_form_sent_twice_adds_one_question(client, registrar, category):
    data = question_data()

    client.post(new_url(category), data)
    client.post(new_url(category), data)

    assert CategoryQuestion.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"choices": ""},
            "Питанню зі списком потрібні варіанти: по одному в рядку, ключ — назва.",
        ),
        (
            {"kind": QuestionKind.NUMBER},
            "Варіанти має лише питання зі списком: оберіть «Одне зі списку» "
            "чи «Кілька зі списку» або очистьте варіанти.",
        ),
        (
            {"choices": "led — Світлодіодна\nНатрієва"},
            "Рядок 2: напишіть ключ, тире й назву, наприклад "
            "«led — Світлодіодна лампа».",
        ),
        (
            {"choices": "led — Світлодіодна\nled — Ще одна"},
            "Рядок 2: ключ «led» указано двічі.",
        ),
        ({"code": "номер опори"}, "govuk-error-summary"),
    ],
)
def test_a_bad_question_is_refused_and_nothing_is_added(
    client, registrar, category, overrides, message
):
    # when
    response = client.post(new_url(category), question_data(**overrides))

    # then
    assert response.status_code == 400
    assert message in response.content.decode()
    assert CategoryQuestion.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_a_code_the_category_asks_already_is_refused(client, registrar, category):
    CategoryQuestionFactory(category=category, code="lamp")

    response = client.post(new_url(category), question_data())

    assert response.status_code == 400
    assert "Категорія вже має питання з таким кодом." in response.content.decode()
    assert CategoryQuestion.objects.count() == 1


def test_a_question_is_changed_but_keeps_its_code(client, registrar, category):
    # given
    question = CategoryQuestionFactory(
        category=category,
        code="lamp",
        kind=QuestionKind.SINGLE,
        choices=[{"key": "led", "name": "Світлодіодна"}],
    )

    # when
    page = client.get(question_url("question_edit", question)).content.decode()
    response = client.post(
        question_url("question_edit", question),
        question_data(
            code="other",
            label="Номер опори",
            kind=QuestionKind.STRING,
            required="",
            choices="",
            position="5",
        ),
    )

    # then
    assert "led — Світлодіодна</textarea>" in page
    assert response.status_code == 302
    question.refresh_from_db()
    assert (
        question.code,
        question.label,
        question.kind,
        question.required,
        question.choices,
        question.position,
    ) == ("lamp", "Номер опори", QuestionKind.STRING, False, [], 5)
    event = AuditEvent.objects.get()
    assert event.action == "appeals.question_update"


def test_a_question_is_removed_after_asking(client, registrar, category):
    # given
    question = CategoryQuestionFactory(category=category, label="Номер опори")
    kept = CategoryQuestionFactory(category=category)

    # when
    asked = client.get(question_url("question_remove", question))
    response = client.post(question_url("question_remove", question))

    # then
    assert asked.status_code == 200
    assert "Вилучити питання «Номер опори»?" in asked.content.decode()
    assert response.status_code == 302
    assert list(CategoryQuestion.objects.all()) == [kept]
    event = AuditEvent.objects.get()
    assert (event.action, event.data["code"]) == (
        "appeals.question_remove",
        question.code,
    )
    assert client.post(question_url("question_remove", question)).status_code == 404


def test_another_categorys_question_is_not_found(client, registrar, category):
    question = CategoryQuestionFactory()
    url = reverse(
        "appeals_cabinet:question_edit", args=[category.public_id, question.public_id]
    )

    assert client.get(url).status_code == 404


def test_the_category_page_lists_its_questions_in_bounded_queries(
    client, registrar, category, django_assert_max_num_queries
):
    # given
    CategoryQuestionFactory(category=category)
    url = reverse("appeals_cabinet:category_edit", args=[category.public_id])
    client.get(url)
    CategoryQuestionFactory.create_batch(9, category=category, label="Ще питання")

    # then: session, user, roles, the menu's four, the category, the tree
    # for the parent select, the topics and the questions
    with django_assert_max_num_queries(11):
        page = client.get(url).content.decode()
    assert page.count("Ще питання") == 9 * 3
