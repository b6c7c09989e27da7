"""What a search returns to other rooms: a page of hits."""

from dataclasses import dataclass

from django.utils.safestring import SafeString


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
