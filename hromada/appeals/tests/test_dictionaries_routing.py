"""Routing rules kept through the pages, and the routing tried out."""

import re
import uuid

import pytest
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import RoutingRule
from hromada.appeals.tests.factories import (
    CategoryFactory,
    DistrictFactory,
    OrgUnitFactory,
    RoutingRuleFactory,
)
from hromada.core.models import AuditEvent
from hromada.org.models import OrgUnitKind

pytestmark = pytest.mark.django_db

LIST = reverse("appeals_cabinet:routing_rule_list")
NEW = reverse("appeals_cabinet:routing_rule_create")
TRY = reverse("appeals_cabinet:routing_try")


@pytest.fixture
def admin(client):
    user = UserFactory(roles=[Role.SYSTEM_ADMINISTRATOR])
    client.force_login(user)
    return user


@pytest.fixture
def lights():
    return OrgUnitFactory(kind=OrgUnitKind.ENTERPRISE, name="КП «Міськсвітло»")


def edit_url(rule):
    return reverse("appeals_cabinet:routing_rule_edit", args=[rule.public_id])


def rule_data(**overrides):
    values = {
        "name": "Освітлення — КП",
        "category": "",
        "district": "",
        "keywords": "ліхтар, опора",
        "unit": "",
        "controller": "",
        "outside_competence": "",
        "forward_to": "",
        "priority": "50",
        "is_active": "on",
        "once": str(uuid.uuid4()),
    }
    return {**values, **overrides}


def test_a_rule_is_added_for_a_category_and_a_district(client, admin, lights):
    # given
    group = CategoryFactory(name="Благоустрій")
    category = CategoryFactory(name="Освітлення", parent=group)
    district = DistrictFactory(name="Центральний")
    controller = UserFactory(roles=[Role.UNIT_HEAD], last_name="Бойко")

    # when
    page = client.get(NEW).content.decode()
    response = client.post(
        NEW,
        rule_data(
            category=str(category.public_id),
            district=str(district.pk),
            unit=str(lights.pk),
            controller=str(controller.pk),
        ),
    )

    # then
    assert "Благоустрій › Освітлення" in page
    assert response.status_code == 302
    rule = RoutingRule.objects.get()
    assert (
        rule.name,
        rule.category,
        rule.district,
        rule.keywords,
        rule.unit,
        rule.controller,
        rule.outside_competence,
        rule.priority,
        rule.is_active,
    ) == (
        "Освітлення — КП",
        category,
        district,
        "ліхтар, опора",
        lights,
        controller,
        False,
        50,
        True,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.actor) == ("appeals.routing_rule_save", admin)


def test_a_rule_form_sent_twice_adds_one_rule(client, admin, lights):
    data = rule_data(unit=str(lights.pk))

    client.post(NEW, data)
    client.post(NEW, data)

    assert RoutingRule.objects.count() == 1


def test_only_units_appeals_may_be_routed_to_are_offered(client, admin, lights):
    council = OrgUnitFactory(kind=OrgUnitKind.COUNCIL, name="Рада громади")
    closed = OrgUnitFactory(kind=OrgUnitKind.ENTERPRISE, is_active=False)

    page = client.get(NEW).content.decode()
    response = client.post(NEW, rule_data(unit=str(council.pk)))

    assert "КП «Міськсвітло»" in page
    assert "Рада громади" not in page
    assert closed.name not in page
    assert response.status_code == 400
    assert RoutingRule.objects.exists() is False


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({}, "unit", "Оберіть відповідальний підрозділ."),
        (
            {"outside_competence": "on"},
            "forward_to",
            "Укажіть орган, до якого звернення надсилаються за належністю.",
        ),
    ],
)
def test_a_rule_without_a_destination_is_refused(
    client, admin, overrides, field, message
):
    response = client.post(NEW, rule_data(**overrides))

    assert response.status_code == 400
    page = response.content.decode()
    assert f'href="#id_{field}">{message}</a>' in page
    assert RoutingRule.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_a_rule_outside_the_competence_forwards_and_names_no_unit(
    client, admin, lights
):
    # given
    rule = RoutingRuleFactory(unit=lights)

    # when
    both = client.post(
        edit_url(rule),
        rule_data(unit=str(lights.pk), outside_competence="on", forward_to="ДСНС"),
    )
    forwarded = client.post(
        edit_url(rule), rule_data(outside_competence="on", forward_to="ДСНС")
    )

    # then
    assert both.status_code == 400
    assert forwarded.status_code == 302
    rule.refresh_from_db()
    assert (rule.unit, rule.outside_competence, rule.forward_to) == (None, True, "ДСНС")
    assert "за належністю до: ДСНС" in client.get(LIST).content.decode()


def test_an_edited_rule_shows_what_it_holds(client, admin, lights):
    category = CategoryFactory(name="Освітлення")
    rule = RoutingRuleFactory(category=category, unit=lights, keywords="ліхтар")

    page = client.get(edit_url(rule)).content.decode()

    assert re.search(
        rf'<option value="{category.public_id}" selected>Освітлення</option>', page
    )
    assert re.search(rf'<option value="{lights.pk}" selected>', page)
    assert 'value="ліхтар"' in page


def test_the_rules_table_costs_the_same_queries_for_more_rules(
    client, admin, lights, django_assert_max_num_queries
):
    # given
    district = DistrictFactory()
    controller = UserFactory(roles=[Role.UNIT_HEAD])
    RoutingRuleFactory(category=CategoryFactory(), unit=lights)
    client.get(LIST)
    for _ in range(9):
        RoutingRuleFactory(
            category=CategoryFactory(parent=CategoryFactory()),
            district=district,
            controller=controller,
        )

    # then: session, user, roles, the menu's four, the categories, the rules
    with django_assert_max_num_queries(9):
        page = client.get(LIST).content.decode()
    assert page.count('scope="row"') == 10


def test_the_trial_names_the_winner_and_why(client, admin, lights):
    # given
    group = CategoryFactory(name="Благоустрій")
    category = CategoryFactory(name="Освітлення", parent=group)
    district = DistrictFactory(name="Центральний")
    RoutingRuleFactory(name="Благоустрій загалом", category=group, priority=1)
    RoutingRuleFactory(
        name="Освітлення в центрі", category=category, district=district, unit=lights
    )
    RoutingRuleFactory(name="Освітлення всюди", category=category, priority=1)
    RoutingRuleFactory(name="Опори", category=category, keywords="опора")

    # when
    response = client.get(
        TRY,
        {"category": str(category.public_id), "district": district.pk, "text": "Темно"},
    )

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "Правило «Освітлення в центрі» спрямовує звернення до: КП «Міськсвітло»."
        in page
    )
    assert "називає район звернення, а наступне — ні." in page
    ranked = re.findall(r'<th scope="row"[^>]*>\s*<a[^>]*>([^<]+)</a>', page)
    assert ranked == ["Освітлення в центрі", "Освітлення всюди", "Благоустрій загалом"]
    assert "Освітлення (сама категорія)" in page
    assert "Освітлення (на 1 рівень вище)" not in page
    assert "Благоустрій (на 1 рівень вище)" in page
    assert "Опори</a>:" in page
    assert "жодного з його ключових слів немає в тексті (опора)." in page


def test_a_trial_no_rule_matches_says_an_operator_routes_it(client, admin):
    category = CategoryFactory()

    page = client.get(TRY, {"category": str(category.public_id)}).content.decode()

    assert "Жодне чинне правило не підходить" in page


def test_a_trial_without_a_category_asks_for_one(client, admin):
    response = client.get(TRY, {"category": "", "text": "Темно"})

    assert response.status_code == 400
    assert "Оберіть категорію." in response.content.decode()
