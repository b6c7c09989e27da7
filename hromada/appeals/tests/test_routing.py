"""Routing rules: the most specific matching rule names the unit."""

import pytest

from hromada.appeals.selectors.routing import routing_rule_for
from hromada.appeals.tests.factories import (
    CategoryFactory,
    DistrictFactory,
    RoutingRuleFactory,
    appeal_file,
    appeals_journal,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    housing = CategoryFactory(code="housing", name="Житло")
    water = CategoryFactory(code="water_outage", parent=housing)
    return housing, water


def test_a_rule_of_the_nearer_category_wins(tree):
    housing, water = tree
    RoutingRuleFactory(category=housing, priority=1)
    nearer = RoutingRuleFactory(category=water, priority=500)

    assert routing_rule_for(category=water, district_id=None, text="") == nearer


def test_a_rule_of_a_parent_category_routes_its_children(tree):
    housing, water = tree
    parent_rule = RoutingRuleFactory(category=housing)

    assert routing_rule_for(category=water, district_id=None, text="") == parent_rule


def test_a_rule_for_the_district_beats_the_city_wide_one(tree):
    _housing, water = tree
    district = DistrictFactory()
    RoutingRuleFactory(category=water)
    local = RoutingRuleFactory(category=water, district=district, priority=900)

    assert routing_rule_for(category=water, district_id=district.pk, text="") == local
    other = DistrictFactory(lon=31.0, lat=51.0)
    assert routing_rule_for(category=water, district_id=other.pk, text="") != local


def test_keywords_match_any_form_of_the_word(tree):
    _housing, water = tree
    general = RoutingRuleFactory(category=water)
    hot = RoutingRuleFactory(category=water, keywords="гаряча вода, бойлерна")

    def found(text):
        return routing_rule_for(category=water, district_id=None, text=text)

    assert found("Немає гарячої води третій день") == hot
    assert found("У бойлерній тече") == hot
    assert found("Немає гарячої") == general
    assert found("Немає холодної води") == general


def test_priority_decides_between_equally_specific_rules(tree):
    _housing, water = tree
    RoutingRuleFactory(category=water, priority=50)
    first = RoutingRuleFactory(category=water, priority=10)

    assert routing_rule_for(category=water, district_id=None, text="") == first


def test_an_inactive_rule_or_none_leaves_the_appeal_unrouted(tree):
    _housing, water = tree
    RoutingRuleFactory(category=water, is_active=False)

    assert routing_rule_for(category=water, district_id=None, text="") is None


def test_an_appeal_outside_the_competence_waits_to_be_forwarded(tree):
    _housing, water = tree
    appeals_journal()
    rule = RoutingRuleFactory(
        category=water,
        unit=None,
        outside_competence=True,
        forward_to="Служба автомобільних доріг",
    )

    appeal = appeal_file(category=water)

    assert appeal.routing_rule == rule
    assert appeal.unit is None
    assert not appeal.document.addressees.exists()


def test_routing_costs_a_bounded_number_of_queries(tree, django_assert_max_num_queries):
    _housing, water = tree
    for n in range(20):
        RoutingRuleFactory(category=water, keywords=f"слово{n}")

    with django_assert_max_num_queries(3):
        routing_rule_for(category=water, district_id=None, text="слово7")
