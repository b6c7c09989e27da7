"""A paginator for lists that may hold millions of rows.

Counting every row a registrar may see reads the whole table on each page
view. ``CappedPaginator`` counts at most ``cap`` rows (``COUNT(*)`` over a
``LIMIT cap + 1`` subquery, which stops early and follows the list's
index) and pages through those; beyond the cap the template says "more
than N" and asks for a narrower filter, as large search engines do.
"""

from collections.abc import Sequence
from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet

DEFAULT_CAP = 1000


class CappedPaginator(Paginator):
    """A ``Paginator`` whose ``count`` stops at ``cap``; see ``is_capped``."""

    def __init__(
        self,
        object_list: QuerySet[Any] | Sequence[Any],
        per_page: int,
        *,
        cap: int = DEFAULT_CAP,
        **kwargs: Any,
    ) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def _bounded_count(self) -> int:
        rows = self.object_list
        if isinstance(rows, QuerySet):
            # The first cap + 1 keys in the list's own order: the scan
            # follows the list's index and stops there; annotations of the
            # rows (the page shows them) are not computed for the count.
            return rows.values("pk")[: self.cap + 1].count()
        return len(rows[: self.cap + 1])

    @cached_property
    def count(self) -> int:
        """Rows to page through: the real number, at most ``cap``."""
        return min(self._bounded_count, self.cap)

    @property
    def is_capped(self) -> bool:
        """Whether more rows exist than the paginator counts and shows."""
        return self._bounded_count > self.cap
