"""Which routing rule answers an appeal: the most specific one that matches."""

from collections.abc import Iterable, Sequence

from django.db.models import Q

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
    # Only rules of the category's branch (or of none) in the district (or
    # in none) can match; the words are read only if such a rule has some.
    rules = (
        RoutingRule.objects.filter(is_active=True)
        .filter(Q(category_id__in=ancestors) | Q(category__isnull=True))
        .filter(Q(district_id=district_id) | Q(district__isnull=True))
        .select_related("unit", "controller")
    )
    lemmas: frozenset[str] | None = None
    matching = []
    for rule in rules:
        keywords = rule.keyword_list
        if keywords:
            lemmas = text_lemmas(text) if lemmas is None else lemmas
            if not keywords_match(keywords, lemmas):
                continue
        matching.append(rule)
    if not matching:
        return None
    return min(matching, key=lambda rule: rule_rank(rule, ancestors))


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
