"""The pages where administrators keep the category tree and its questions."""

import re
import uuid

import pytest
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import Category, CategoryQuestion, TermRule, TopicCode
from hromada.appeals.tests.factories import (
    CategoryFactory,
    CategoryQuestionFactory,
    RoutingRuleFactory,
)
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db

LIST = reverse("appeals_cabinet:category_list")
NEW = reverse("appeals_cabinet:category_create")


def edit_url(category):
    return reverse("appeals_cabinet:category_edit", args=[category.public_id])


def question_url(name, question):
    return reverse(
        f"appeals_cabinet:{name}",
        args=[question.category.public_id, question.public_id],
    )


@pytest.fixture
def admin(client):
    user = UserFactory(roles=[Role.SYSTEM_ADMINISTRATOR])
    client.force_login(user)
    return user


@pytest.fixture
def topic():
    return TopicCode.objects.get(code="07", valid_to=None)


def category_data(**overrides):
    values = {
        "parent": "",
        "code": "street_lighting",
        "name": "Вуличне освітлення",
        "description": "Ліхтарі, що не світять.",
        "topic": "",
        "term_rule": TermRule.NO_STUDY,
        "needs_location": "on",
        "position": "3",
        "is_active": "on",
        "once": str(uuid.uuid4()),
    }
    return {**values, **overrides}


@pytest.mark.parametrize(
    ("roles", "status"),
    [
        ([Role.SYSTEM_ADMINISTRATOR], 200),
        ([Role.REGISTRAR], 200),
        ([Role.CONTACT_CENTRE_OPERATOR], 404),
        ([Role.DISPATCHER], 404),
        ([Role.UNIT_HEAD, Role.EXECUTOR], 404),
    ],
)
def test_only_keepers_of_the_dictionaries_see_the_pages(client, roles, status):
    # given
    category = CategoryFactory()
    question = CategoryQuestionFactory(category=category)
    rule = RoutingRuleFactory(category=category)
    client.force_login(UserFactory(roles=roles))
    pages = [
        LIST,
        NEW,
        edit_url(category),
        reverse("appeals_cabinet:question_create", args=[category.public_id]),
        question_url("question_edit", question),
        question_url("question_remove", question),
        reverse("appeals_cabinet:routing_rule_list"),
        reverse("appeals_cabinet:routing_rule_create"),
        reverse("appeals_cabinet:routing_rule_edit", args=[rule.public_id]),
        reverse("appeals_cabinet:routing_try"),
    ]

    # when
    statuses = {client.get(page).status_code for page in pages}

    # then
    assert statuses == {status}


def test_a_citizen_is_kept_out_of_the_cabinet(client):
    client.force_login(UserFactory(roles=[Role.CITIZEN]))

    assert client.get(LIST).status_code == 403


def test_a_forbidden_write_changes_nothing(client):
    # given
    category = CategoryFactory(name="Старе")
    question = CategoryQuestionFactory(category=category)
    client.force_login(UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR]))

    # when
    created = client.post(NEW, category_data())
    edited = client.post(edit_url(category), category_data(name="Нове"))
    removed = client.post(question_url("question_remove", question))

    # then
    assert (created.status_code, edited.status_code, removed.status_code) == (
        404,
        404,
        404,
    )
    category.refresh_from_db()
    assert category.name == "Старе"
    assert CategoryQuestion.objects.filter(pk=question.pk).exists() is True
    assert AuditEvent.objects.exists() is False


def test_the_tree_shows_groups_before_their_categories_with_counts(client, admin):
    # given
    housing = CategoryFactory(name="Житло", code="housing", position=1)
    water = CategoryFactory(
        name="Немає води",
        code="water",
        parent=housing,
        topic=TopicCode.objects.get(code="07", valid_to=None),
    )
    CategoryQuestionFactory.create_batch(2, category=water)
    RoutingRuleFactory(category=water)
    CategoryFactory(name="Архівна", code="archived", is_active=False, position=2)

    # when
    page = client.get(LIST).content.decode()

    # then
    assert page.index("Житло") < page.index("Немає води") < page.index("Архівна")
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Немає води.*?</tr>", page, re.S)
    assert row is not None
    cells = re.findall(r"<td[^>]*>\s*(.*?)\s*</td>", row.group(0), re.S)
    assert [re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in cells] == [
        "water",
        "15 днів: не потребує додаткового вивчення",
        "07 — Комунальне господарство",
        "2",
        "1",
        "Використовується",
    ]
    assert "govuk-tag--grey" in page
    assert "govuk-!-padding-left-3" in row.group(0)


def test_the_tree_costs_the_same_queries_for_more_categories(
    client, admin, django_assert_max_num_queries
):
    # given
    group = CategoryFactory()
    for _ in range(5):
        category = CategoryFactory(parent=group)
        CategoryQuestionFactory(category=category)
        RoutingRuleFactory(category=category)
    client.get(LIST)

    # when
    for _ in range(10):
        CategoryFactory(parent=CategoryFactory(parent=group))

    # then: session, user, roles, the menu's own reads and one for the tree
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert response.content.decode().count('scope="row"') == 26


def test_an_administrator_adds_a_category_under_a_group(client, admin, topic):
    # given
    group = CategoryFactory(name="Благоустрій", code="improvement")

    # when
    response = client.post(
        NEW,
        category_data(parent=str(group.public_id), topic=str(topic.pk)),
    )

    # then
    category = Category.objects.get(code="street_lighting")
    assert response.status_code == 302
    assert response["Location"] == edit_url(category)
    assert (
        category.parent,
        category.name,
        category.topic,
        category.term_rule,
        category.needs_location,
        category.position,
        category.is_active,
    ) == (group, "Вуличне освітлення", topic, TermRule.NO_STUDY, True, 3, True)
    event = AuditEvent.objects.get()
    assert (event.action, event.actor) == ("appeals.category_save", admin)


def test_a_category_form_sent_twice_adds_one_category(client, admin):
    data = category_data()

    first = client.post(NEW, data)
    second = client.post(NEW, data)

    assert Category.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_bad_category_is_refused_and_nothing_is_added(client, admin):
    # given
    CategoryFactory(code="street_lighting")

    # when
    taken = client.post(NEW, category_data(name="Ще одне"))
    bad_code = client.post(NEW, category_data(code="вуличне освітлення"))

    # then
    assert (taken.status_code, bad_code.status_code) == (400, 400)
    assert "Категорія з таким кодом уже існує." in taken.content.decode()
    assert "govuk-error-summary" in bad_code.content.decode()
    assert Category.objects.count() == 1
    assert AuditEvent.objects.exists() is False


def test_the_code_is_kept_when_a_category_is_edited(client, admin):
    # given
    category = CategoryFactory(code="lighting", name="Освітлення")

    # when
    page = client.get(edit_url(category)).content.decode()
    response = client.post(
        edit_url(category),
        category_data(code="renamed", name="Вуличне освітлення", is_active=""),
    )

    # then
    assert re.search(r'<input[^>]*name="code"[^>]*disabled', page) is not None
    assert "клієнти Open311 зберігають його як код послуги." in page
    assert response.status_code == 302
    category.refresh_from_db()
    assert (category.code, category.name, category.is_active) == (
        "lighting",
        "Вуличне освітлення",
        False,
    )


def test_a_category_cannot_move_under_its_own_child(client, admin):
    # given
    group = CategoryFactory(name="Житло")
    child = CategoryFactory(name="Вода", parent=group)

    # when
    page = client.get(edit_url(group)).content.decode()
    response = client.post(
        edit_url(group), category_data(name="Житло", parent=str(child.public_id))
    )

    # then
    assert str(child.public_id) not in page
    assert response.status_code == 400
    group.refresh_from_db()
    assert group.parent is None


def test_every_form_carries_its_csrf_token(client, admin):
    category = CategoryFactory()
    question = CategoryQuestionFactory(category=category)
    pages = [
        NEW,
        edit_url(category),
        reverse("appeals_cabinet:question_create", args=[category.public_id]),
        question_url("question_edit", question),
        question_url("question_remove", question),
        reverse("appeals_cabinet:routing_rule_create"),
    ]

    for page in pages:
        html = client.get(page).content.decode()
        assert html.count('name="csrfmiddlewaretoken"') == html.count(
            'method="post"'
        ), page
