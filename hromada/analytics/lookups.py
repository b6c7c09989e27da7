"""The names a statistics page needs: the category tree, districts, units.

Read whole, once per page (three small queries), and shared by the filter
form's choices and the tables' labels; summary rows carry only ids.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from hromada.analytics import selectors
from hromada.appeals.models import Category
from hromada.gis.models import District
from hromada.org.models import OrgUnit

# Deeper than any real tree; stops a loop in bad data.
MAX_DEPTH = 10


@dataclass(kw_only=True, slots=True)
class CategoryTree:
    """The city's categories of appeals as a tree, by id."""

    nodes: dict[int, Category]
    children: dict[int | None, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, categories: Iterable[Category]) -> "CategoryTree":
        """The tree of ``categories``, children in their given order."""
        nodes = {category.pk: category for category in categories}
        children: dict[int | None, list[int]] = defaultdict(list)
        for category in nodes.values():
            parent = category.parent_id if category.parent_id in nodes else None
            children[parent].append(category.pk)
        return cls(nodes=nodes, children=dict(children))

    def by_code(self, code: str) -> Category | None:
        """The category with ``code``, or ``None``."""
        return next((c for c in self.nodes.values() if c.code == code), None)

    def descendants(self, category_id: int) -> frozenset[int]:
        """``category_id`` and every category under it."""
        found: set[int] = set()
        waiting = [category_id]
        while waiting:
            current = waiting.pop()
            if current not in found:
                found.add(current)
                waiting.extend(self.children.get(current, []))
        return frozenset(found)

    def shown_as(self, category_id: int, *, under: int | None) -> int:
        """The category a table row stands for: the child of ``under`` (or
        the root, with ``None``) on the way up from ``category_id``."""
        current = category_id
        for _depth in range(MAX_DEPTH):
            node = self.nodes.get(current)
            if node is None or current == under or node.parent_id == under:
                return current
            if node.parent_id is None:
                return current
            current = node.parent_id
        return current

    def choices(self) -> list[tuple[str, str]]:
        """(code, name) in tree order, names indented with dashes by depth."""
        result: list[tuple[str, str]] = []

        def walk(parent: int | None, depth: int) -> None:
            if depth >= MAX_DEPTH:
                return
            for child in self.children.get(parent, []):
                node = self.nodes[child]
                result.append((node.code, "— " * depth + node.name))
                walk(child, depth + 1)

        walk(None, 0)
        return result

    def name(self, category_id: int) -> str:
        """The category's name, or "" for an unknown id."""
        node = self.nodes.get(category_id)
        return node.name if node is not None else ""


@dataclass(kw_only=True, slots=True)
class Lookups:
    """Everything a statistics page names, read in three queries."""

    categories: CategoryTree
    districts: list[District]
    units: list[OrgUnit]

    @classmethod
    def load(cls) -> "Lookups":
        """Read the categories, districts and units."""
        return cls(
            categories=CategoryTree.of(selectors.category_list()),
            districts=list(selectors.district_list()),
            units=list(selectors.unit_list()),
        )

    def district_names(self) -> dict[int, str]:
        """District names by id."""
        return {district.pk: district.name for district in self.districts}

    def unit_names(self) -> dict[int, str]:
        """Unit names by id."""
        return {unit.pk: unit.name for unit in self.units}
