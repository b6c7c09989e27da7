"""Reads of the dictionary pages: the tree in order, the topics in force,
and the routing trial, which never disagrees with ``routing_rule_for``."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hromada.appeals.models import RoutingRule, TopicCode
from hromada.appeals.selectors import dictionaries as selectors
from hromada.appeals.selectors.routing import routing_rule_for
from hromada.appeals.tests.factories import (
    CategoryFactory,
    DistrictFactory,
    RoutingRuleFactory,
)

pytestmark = pytest.mark.django_db


def test_the_tree_puts_children_under_their_parents_in_position_order():
    # given
    housing = CategoryFactory(name="Житло", position=2)
    roads = CategoryFactory(name="Дороги", position=1)
    heating = CategoryFactory(name="Опалення", parent=housing, position=2)
    water = CategoryFactory(name="Вода", parent=housing, position=1)
    pipes = CategoryFactory(name="Труби", parent=water)

    # when
    nodes = selectors.category_tree()

    # then
    assert [(n.category, n.depth, n.path) for n in nodes] == [
        (roads, 0, "Дороги"),
        (housing, 0, "Житло"),
        (water, 1, "Житло › Вода"),
        (pipes, 2, "Житло › Вода › Труби"),
        (heating, 1, "Житло › Опалення"),
    ]


def test_a_category_may_not_move_under_itself_or_what_it_holds():
    housing = CategoryFactory(name="Житло")
    water = CategoryFactory(name="Вода", parent=housing)
    CategoryFactory(name="Труби", parent=water)
    roads = CategoryFactory(name="Дороги")
    nodes = selectors.category_nodes()

    kept = selectors.category_subtree_excluded(nodes, water)

    assert [node.category for node in kept] == [roads, housing]


def test_topics_in_force_and_the_lapsed_one_a_category_keeps():
    # given: the loaded edition, and a topic that lapsed
    lapsed = TopicCode.objects.create(
        code="99",
        name="Скасована тематика",
        valid_from=date(2008, 9, 24),
        valid_to=date(2020, 1, 1),
    )
    on = date(2025, 3, 1)

    # when
    in_force = set(selectors.topic_list_valid(on=on))
    kept = set(selectors.topic_list_valid(on=on, keep=lapsed))

    # then
    assert len(in_force) == 24
    assert lapsed not in in_force
    assert kept == in_force | {lapsed}


@pytest.fixture
def scene():
    """A small tree, two districts and rules of every kind of specificity."""
    group = CategoryFactory(name="Житло")
    water = CategoryFactory(name="Вода", parent=group)
    hot = CategoryFactory(name="Гаряча вода", parent=water)
    centre = DistrictFactory(name="Центр")
    north = DistrictFactory(name="Північ", lon=31.0, lat=51.0)
    return group, water, hot, centre, north


RULE_SHAPES = st.lists(
    st.tuples(
        st.sampled_from([None, 0, 1, 2]),  # any category, or a level of the tree
        st.sampled_from([None, "centre", "north"]),
        st.sampled_from(["", "бойлерна", "труба, тече"]),
        st.integers(min_value=1, max_value=3),
        st.booleans(),
    ),
    max_size=6,
)


# The scene stays; each example deletes the rules the last one made.
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(shapes=RULE_SHAPES, district=st.sampled_from([None, "centre", "north"]))
def test_the_trial_ranks_the_winner_of_routing_rule_for_first(scene, shapes, district):
    # given
    RoutingRule.objects.all().delete()
    group, water, hot, centre, north = scene
    levels = [group, water, hot]
    places = {"centre": centre, "north": north, None: None}
    for level, place, keywords, priority, active in shapes:
        RoutingRuleFactory(
            category=None if level is None else levels[level],
            district=places[place],
            keywords=keywords,
            priority=priority,
            is_active=active,
        )
    district_id = places[district].pk if district else None
    text = "У бойлерній тече труба"

    # when
    trial = selectors.routing_trial(category=hot, district_id=district_id, text=text)

    # then
    winner = routing_rule_for(category=hot, district_id=district_id, text=text)
    assert trial.winner == winner
    assert [v.rule for v in trial.matching[:1]] == ([winner] if winner else [])
    assert len(trial.matching) + len(trial.missed) == len(shapes)
    assert all(not v.rule.is_active for v in trial.missed if v.miss == "inactive")


def test_the_trial_says_what_decided_and_why_others_missed(scene):
    # given
    _group, water, hot, centre, north = scene
    local = RoutingRuleFactory(category=water, district=centre, priority=9)
    RoutingRuleFactory(category=water, priority=1)
    far = RoutingRuleFactory(category=hot, district=north)
    boiler = RoutingRuleFactory(category=hot, keywords="бойлерна")
    off = RoutingRuleFactory(category=hot, is_active=False)
    RoutingRuleFactory(category=CategoryFactory())  # another branch: not judged

    # when
    trial = selectors.routing_trial(
        category=hot, district_id=centre.pk, text="Тече труба"
    )

    # then
    assert trial.winner == local
    assert trial.decided_by == "district"
    assert [(v.level, v.keywords_found) for v in trial.matching] == [
        (1, ()),
        (1, ()),
    ]
    assert {(v.rule, v.miss) for v in trial.missed} == {
        (far, "district"),
        (boiler, "keywords"),
        (off, "inactive"),
    }


@pytest.mark.parametrize(
    ("second", "decider"),
    [
        ({"category": "group"}, "category"),
        ({"keywords": ""}, "keywords"),
        ({"keywords": "тече", "priority": 7}, "priority"),
        ({"keywords": "тече"}, "age"),
    ],
)
def test_each_step_of_the_ranking_is_named(scene, second, decider):
    group, water, hot, _centre, _north = scene
    first = RoutingRuleFactory(category=water, keywords="труба", priority=5)
    category = group if second.pop("category", None) else water
    RoutingRuleFactory(category=category, **{"priority": 5, **second})

    trial = selectors.routing_trial(category=hot, district_id=None, text="Тече труба")

    assert (trial.winner, trial.decided_by) == (first, decider)


def test_one_matching_rule_needs_no_decider(scene):
    _group, water, hot, _centre, _north = scene
    only = RoutingRuleFactory(category=water)

    trial = selectors.routing_trial(category=hot, district_id=None, text="")

    assert (trial.winner, trial.decided_by) == (only, "")
    assert [v.keywords_found for v in trial.matching] == [()]
