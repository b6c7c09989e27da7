"""The classifier benchmark (bench/appeals_classifier.py) measures
something: the generated history says what each appeal is about, in words
that route it where the generator did, and a classifier trained on it
beats guessing the commonest answer without being perfect."""

import pytest

from bench import appeals_classifier, appeals_data, appeals_texts
from hromada.appeals.models import Appeal, Category, RoutingRule
from hromada.appeals.selectors import routing

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_classifier_beats_the_majority_on_the_generated_history():
    # given: 1,200 appeals
    appeals_data.generate(scale=0.0001)

    # when
    category, unit = appeals_classifier.figures()

    # then
    assert (category["figure"], unit["figure"]) == ("C1", "C2")
    assert category["samples"] + category["held_out"] == Appeal.objects.count()
    routed = Appeal.objects.filter(unit__isnull=False).count()
    assert unit["samples"] + unit["held_out"] == routed
    for line in (category, unit):
        assert 0 < line["majority_accuracy"] < line["accuracy"] < 1
        assert line["beats_majority"] is True
    # the texts say more than the commonest category does
    assert category["accuracy"] > category["majority_accuracy"] + 0.4


def test_the_texts_route_appeals_to_the_unit_the_generator_gave():
    # given
    appeals_data.generate(scale=0.00001)
    leaves = list(Category.objects.filter(children__isnull=True))
    pools = appeals_texts.pools([(leaf.code, leaf.name) for leaf in leaves])

    # then: no text a category may draw matches a keyword rule of its own
    # (say «гаряча вода» under water, routed to the heating enterprise)
    for leaf, pool in zip(leaves, pools, strict=True):
        lemmas = routing.text_lemmas("\n".join(pool.every_text()))
        rules = RoutingRule.objects.filter(
            category_id__in=routing.category_ancestor_ids(leaf)
        ).exclude(keywords="")
        assert [
            r.pk for r in rules if routing.keywords_match(r.keyword_list, lemmas)
        ] == []
    # and every generated appeal has the unit its rules would give it
    for appeal in Appeal.objects.select_related("category"):
        rule = routing.routing_rule_for(
            category=appeal.category,
            district_id=appeal.district_id,
            text=f"{appeal.title}\n{appeal.description}",
        )
        assert (appeal.pk, rule.unit_id if rule else None) == (
            appeal.pk,
            appeal.unit_id,
        )
