"""Which routing rule answers an appeal: the most specific one that matches."""

from collections.abc import Iterable, Sequence

from hromada.appeals.models import Category, RoutingRule
from hromada.search import lemmatiser


def category_ancestor_ids(category: Category) -> list[int]:
    """The category's id and its parents' ids, nearest first.

    The tree is a few levels deep; one query per level, cut at ten levels
    so that a loop in bad data cannot hang a request.
    """
    ids = [category.pk]
    parent_id = category.parent_id
    while parent_id is not None and len(ids) < 10:
        ids.append(parent_id)
        parent_id = (
            Category.objects.filter(pk=parent_id)
            .values_list("parent_id", flat=True)
            .first()
        )
    return ids


def text_lemmas(text: str) -> frozenset[str]:
    """Every normal form of every word of ``text`` (Ukrainian morphology)."""
    return frozenset().union(*lemmatiser.lemmatise(text))


def keywords_match(keywords: Iterable[str], lemmas: frozenset[str]) -> bool:
    """Whether any keyword is in the text: each of its words, in any form.

    «гаряча вода» matches «немає гарячої води», not «немає гарячої».
    """
    for keyword in keywords:
        words = lemmatiser.lemmatise(keyword)
        if words and all(forms & lemmas for forms in words):
            return True
    return False


def routing_rule_for(
    *, category: Category, district_id: int | None, text: str
) -> RoutingRule | None:
    """The rule that routes an appeal of ``category`` in ``district_id``.

    Among active rules that match, the most specific wins: a nearer
    category first, then a named district, then keywords, then the lower
    ``priority``, then the older rule. ``None`` when no rule matches: the
    appeal waits for an operator to route it.
    """
    ancestors = category_ancestor_ids(category)
    rules = RoutingRule.objects.filter(is_active=True).select_related(
        "unit", "controller"
    )
    lemmas = text_lemmas(text)
    matching = [
        rule
        for rule in rules
        if _matches(rule, ancestors=ancestors, district_id=district_id, lemmas=lemmas)
    ]
    if not matching:
        return None
    return min(matching, key=lambda rule: rule_rank(rule, ancestors))


def _matches(
    rule: RoutingRule,
    *,
    ancestors: Sequence[int],
    district_id: int | None,
    lemmas: frozenset[str],
) -> bool:
    if rule.category_id is not None and rule.category_id not in ancestors:
        return False
    if rule.district_id is not None and rule.district_id != district_id:
        return False
    keywords = rule.keyword_list
    return not keywords or keywords_match(keywords, lemmas)


def rule_rank(
    rule: RoutingRule, ancestors: Sequence[int]
) -> tuple[int, int, int, int, int]:
    depth = (
        ancestors.index(rule.category_id)
        if rule.category_id is not None
        else len(ancestors)
    )
    return (
        depth,
        0 if rule.district_id is not None else 1,
        0 if rule.keywords.strip() else 1,
        rule.priority,
        rule.pk,
    )
