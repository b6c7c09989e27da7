"""Reads of the pages where administrators keep the category tree and the
routing rules, and try which rule an appeal would meet."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final
from uuid import UUID

from django.db.models import Count, F, Q, QuerySet

from hromada.appeals.models import Category, CategoryQuestion, RoutingRule, TopicCode
from hromada.appeals.selectors import routing

# Deeper than any real tree; a loop in bad data stops here.
MAX_DEPTH: Final = 10
# What decided between the winner and the runner-up, by the position in
# the ranking key of ``routing_rule_for``.
DECIDERS: Final = ("category", "district", "keywords", "priority", "age")


@dataclass(frozen=True, kw_only=True, slots=True)
class CategoryNode:
    """A category in tree order: how deep it sits and the names above it."""

    category: Category
    depth: int
    group: str

    @property
    def path(self) -> str:
        """The names from the top of the tree down to the category's own."""
        if not self.group:
            return self.category.name
        return f"{self.group} › {self.category.name}"


@dataclass(frozen=True, kw_only=True, slots=True)
class RuleRow:
    """A routing rule with the path of its category, for the rules table."""

    rule: RoutingRule
    category_path: str


@dataclass(frozen=True, kw_only=True, slots=True)
class RuleVerdict:
    """How one rule met a trial appeal.

    ``level``: 0 for a rule of the category itself, n for a rule of its
    ancestor n levels up, ``None`` for a rule of any category. ``miss`` is
    empty when the rule matches, else ``inactive``, ``district`` or
    ``keywords``.
    """

    rule: RoutingRule
    level: int | None
    keywords_found: tuple[str, ...]
    miss: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class RoutingTrial:
    """Which rule routes a trial appeal, and the ranking that chose it.

    ``matching`` is ranked, the winner first; ``decided_by`` names what put
    the winner before the runner-up (one of ``DECIDERS``), empty when one
    rule or none matches.
    """

    winner: RoutingRule | None
    matching: list[RuleVerdict]
    missed: list[RuleVerdict]
    decided_by: str


def _tree_order(categories: Sequence[Category]) -> list[CategoryNode]:
    """Parents before children, siblings in the given order; a category
    caught in a loop of parents is listed at the top level."""
    known = {category.pk for category in categories}
    children: dict[int | None, list[Category]] = {}
    for category in categories:
        parent_id = category.parent_id if category.parent_id in known else None
        children.setdefault(parent_id, []).append(category)
    nodes: list[CategoryNode] = []
    seen: set[int] = set()

    def walk(parent_id: int | None, depth: int, path: tuple[str, ...]) -> None:
        for category in children.get(parent_id, []):
            if category.pk in seen or depth >= MAX_DEPTH:
                continue
            seen.add(category.pk)
            group = " › ".join(path)
            nodes.append(CategoryNode(category=category, depth=depth, group=group))
            walk(category.pk, depth + 1, (*path, category.name))

    walk(None, 0, ())
    for category in categories:
        if category.pk not in seen:
            nodes.append(CategoryNode(category=category, depth=0, group=""))
    return nodes


def category_tree() -> list[CategoryNode]:
    """Every category, active or not, in tree order, with its 858 topic and
    its numbers of questions and routing rules (one query)."""
    categories = (
        Category.objects.select_related("topic")
        .annotate(
            question_count=Count("questions", distinct=True),
            rule_count=Count("routing_rules", distinct=True),
        )
        .order_by("position", "name", "pk")
    )
    return _tree_order(list(categories))


def category_nodes() -> list[CategoryNode]:
    """Every category in tree order, for the selects of the forms."""
    return _tree_order(list(Category.objects.order_by("position", "name", "pk")))


def category_subtree_excluded(
    nodes: Sequence[CategoryNode], category: Category
) -> list[CategoryNode]:
    """``nodes`` without ``category`` and what lies under it: the parents
    it may be moved under."""
    kept: list[CategoryNode] = []
    cut_depth: int | None = None
    for node in nodes:
        if cut_depth is not None and node.depth > cut_depth:
            continue
        cut_depth = node.depth if node.category.pk == category.pk else None
        if cut_depth is None:
            kept.append(node)
    return kept


def category_get(*, public_id: UUID) -> Category:
    """One category with its parent and topic; raises ``DoesNotExist``."""
    return Category.objects.select_related("parent", "topic").get(public_id=public_id)


def topic_list_valid(*, on: date, keep: TopicCode | None = None) -> QuerySet[TopicCode]:
    """The 858 topics in force on ``on``, and ``keep`` (a category's current
    topic) even if its edition has lapsed."""
    in_force = Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    if keep is not None:
        in_force |= Q(pk=keep.pk)
    return TopicCode.objects.filter(in_force).order_by("code", "valid_from")


def question_list(*, category: Category) -> QuerySet[CategoryQuestion]:
    """The questions a category asks, in their order."""
    return category.questions.order_by("position", "pk")


def question_get(*, category: Category, public_id: UUID) -> CategoryQuestion:
    """One question of ``category``; raises ``DoesNotExist`` for another's."""
    return question_list(category=category).get(public_id=public_id)


def routing_rule_rows() -> list[RuleRow]:
    """Every routing rule, grouped by category and district, with the path
    of its category (two queries)."""
    paths = {node.category.pk: node.path for node in category_nodes()}
    rules = RoutingRule.objects.select_related(
        "category", "district", "unit", "controller"
    ).order_by(
        F("category__name").asc(nulls_first=True),
        F("district__name").asc(nulls_first=True),
        "priority",
        "pk",
    )
    return [
        RuleRow(rule=rule, category_path=paths.get(rule.category_id or 0, ""))
        for rule in rules
    ]


def routing_rule_get(*, public_id: UUID) -> RoutingRule:
    """One routing rule with what it names; raises ``DoesNotExist``."""
    return RoutingRule.objects.select_related(
        "category", "district", "unit", "controller"
    ).get(public_id=public_id)


def routing_trial(
    *, category: Category, district_id: int | None, text: str
) -> RoutingTrial:
    """Route a trial appeal as ``routing_rule_for`` does, and explain it.

    Every rule that could apply to the category is judged: the matching
    ones ranked by the same key as ``routing_rule_for``, the others with
    the reason they missed. Nothing is written.
    """
    winner = routing.routing_rule_for(
        category=category, district_id=district_id, text=text
    )
    ancestors = routing.category_ancestor_ids(category)
    lemmas = routing.text_lemmas(text)
    verdicts = [
        _verdict(rule, ancestors=ancestors, district_id=district_id, lemmas=lemmas)
        for rule in _rules_for(ancestors)
    ]
    matching = sorted(
        (verdict for verdict in verdicts if not verdict.miss),
        key=lambda verdict: routing.rule_rank(verdict.rule, ancestors),
    )
    return RoutingTrial(
        winner=winner,
        matching=matching,
        missed=[verdict for verdict in verdicts if verdict.miss],
        decided_by=_decider(matching, ancestors),
    )


def _rules_for(ancestors: Sequence[int]) -> QuerySet[RoutingRule]:
    return (
        RoutingRule.objects.filter(Q(category__in=ancestors) | Q(category=None))
        .select_related("category", "district", "unit", "controller")
        .order_by("priority", "pk")
    )


def _verdict(
    rule: RoutingRule,
    *,
    ancestors: Sequence[int],
    district_id: int | None,
    lemmas: frozenset[str],
) -> RuleVerdict:
    keywords = rule.keyword_list
    found = tuple(word for word in keywords if routing.keywords_match([word], lemmas))
    miss = ""
    if not rule.is_active:
        miss = "inactive"
    elif rule.district_id is not None and rule.district_id != district_id:
        miss = "district"
    elif keywords and not found:
        miss = "keywords"
    level = ancestors.index(rule.category_id) if rule.category_id else None
    return RuleVerdict(rule=rule, level=level, keywords_found=found, miss=miss)


def _decider(matching: Iterable[RuleVerdict], ancestors: Sequence[int]) -> str:
    ranked = [routing.rule_rank(verdict.rule, ancestors) for verdict in matching]
    if len(ranked) < 2:
        return ""
    first, second = ranked[0], ranked[1]
    return next(
        name
        for name, mine, theirs in zip(DECIDERS, first, second, strict=True)
        if mine != theirs
    )
