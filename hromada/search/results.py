"""What a search returns to other rooms: a page of hits."""

from dataclasses import dataclass

from django.utils.safestring import SafeString

from hromada.search import snippets
from hromada.search.terms import TermGroup


@dataclass(frozen=True, kw_only=True, slots=True)
class SearchHit:
    """One indexed object that matched, best first within its page.

    ``snippet`` is HTML: the text is escaped and matched words are wrapped in
    ``<mark>``, so a template prints it as it is.
    """

    kind: str
    object_id: str
    title: str
    score: float
    snippet: SafeString


@dataclass(frozen=True, kw_only=True, slots=True)
class SearchPage:
    """One page of hits and the number of matches across all pages."""

    hits: tuple[SearchHit, ...]
    total: int
    limit: int
    offset: int

    @property
    def has_next(self) -> bool:
        """Whether matches remain after this page."""
        return self.offset + len(self.hits) < self.total


@dataclass(frozen=True, kw_only=True, slots=True)
class SearchMatch:
    """Every match of a query, as SQL for another room to join.

    ``sql`` selects ``id`` (the indexed object's id, as text) and ``score``
    (higher is better); run it as a subquery with ``params``. ``snippet``
    marks the query's words in a text the caller has.
    """

    sql: str
    params: tuple[str | int | float, ...]
    highlighted: TermGroup
    # A condition that the object whose id (as text) is the SQL expression
    # put for ``OBJECT_ID`` matches; with ``contains_params``. For a walk
    # of the caller's rows in its own order when most of them match: each
    # row is looked up in the index, which reads the matches' ids once
    # without ranking them (see ``contains``).
    contains_sql: str = ""
    contains_params: tuple[str | int | float, ...] = ()

    OBJECT_ID = "<object id>"

    def contains(self, object_id: str) -> str:
        """``contains_sql`` for the object id SQL expression ``object_id``
        (a constant of the caller's, never a value)."""
        return self.contains_sql.replace(self.OBJECT_ID, object_id)

    def snippet(self, text: str) -> SafeString:
        """An excerpt of ``text`` around the query's words, as HTML."""
        return snippets.snippet_html(text=text, highlighted=self.highlighted)
