"""The site search: hits of ``hromada.search`` turned into links.

Each kind of indexed object the portal shows has a resolver from object ids
to public addresses; a hit whose object is gone or hidden is left out.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from hromada.portal import selectors
from hromada.registry import selectors as registry_selectors
from hromada.search import selectors as search_selectors

PER_PAGE: Final = 10

UrlResolver = Callable[..., dict[str, str]]


def _page_urls(*, object_ids: Sequence[str]) -> dict[str, str]:
    return selectors.page_urls(page_ids=object_ids)


# kind → (what the hit is, ids → addresses). A room that indexes public
# objects joins here when its pages exist.
KINDS: Final[dict[str, tuple[object, UrlResolver]]] = {
    "portal.page": (_("Page"), _page_urls),
    "registry.act": (_("Legal act"), registry_selectors.act_search_urls),
}


@dataclass(frozen=True, kw_only=True, slots=True)
class SiteHit:
    """One result as the page lists it."""

    title: str
    url: str
    kind_label: object
    snippet: SafeString


@dataclass(frozen=True, kw_only=True, slots=True)
class SiteResults:
    """One page of results and the number of matches."""

    hits: tuple[SiteHit, ...]
    total: int


def site_search(*, query: str, page_number: int) -> SiteResults:
    """Page ``page_number`` of the public matches of ``query``.

    Raises ``hromada.core.errors.ValidationError`` for a malformed query.
    """
    offset = (page_number - 1) * PER_PAGE
    found = search_selectors.search_query(
        query=query, kinds=list(KINDS), public_only=True, limit=PER_PAGE, offset=offset
    )
    urls: dict[tuple[str, str], str] = {}
    for kind in {hit.kind for hit in found.hits}:
        ids = [hit.object_id for hit in found.hits if hit.kind == kind]
        resolved = KINDS[kind][1](object_ids=ids)
        urls.update({(kind, object_id): url for object_id, url in resolved.items()})
    hits = tuple(
        SiteHit(
            title=hit.title,
            url=urls[(hit.kind, hit.object_id)],
            kind_label=KINDS[hit.kind][0],
            snippet=hit.snippet,
        )
        for hit in found.hits
        if (hit.kind, hit.object_id) in urls
    )
    return SiteResults(hits=hits, total=found.total)
