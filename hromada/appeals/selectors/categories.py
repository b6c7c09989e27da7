"""Reads of the category tree: what a citizen may choose, by code."""

from dataclasses import dataclass

from django.db.models import QuerySet

from hromada.appeals.models import Category


@dataclass(frozen=True, kw_only=True, slots=True)
class CategoryChoice:
    """A leaf a citizen may choose, with the path of its group."""

    category: Category
    group: str


def category_list_active() -> QuerySet[Category]:
    """Active categories, in tree order within each level."""
    return Category.objects.filter(is_active=True).order_by("position", "name")


def category_choices() -> list[CategoryChoice]:
    """The active leaves, grouped under their active parents' names.

    One query: the tree is small (tens to a few hundred nodes).
    """
    categories = list(category_list_active())
    by_id = {category.pk: category for category in categories}
    parents = {category.parent_id for category in categories if category.parent_id}
    choices = []
    for category in categories:
        if category.pk in parents:
            continue
        names: list[str] = []
        parent = by_id.get(category.parent_id) if category.parent_id else None
        while parent is not None and len(names) < 10:
            names.append(parent.name)
            parent = by_id.get(parent.parent_id) if parent.parent_id else None
        choices.append(
            CategoryChoice(category=category, group=" › ".join(reversed(names)))
        )
    choices.sort(key=lambda choice: choice.group)
    return choices


def category_get(*, code: str) -> Category | None:
    """The active category with ``code``, with its questions."""
    return (
        category_list_active().prefetch_related("questions").filter(code=code).first()
    )


def category_subtree_ids(category: Category) -> list[int]:
    """The category and every category under it (one query: the tree is
    small), for filters that name a group."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Category.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found: list[int] = []
    queue = [category.pk]
    while queue and len(found) < 10_000:
        pk = queue.pop()
        found.append(pk)
        queue.extend(children.get(pk, []))
    return found
