"""The site search: hits of ``hromada.search`` turned into links.

Each kind of indexed object the portal shows has a resolver from object ids
to public addresses; a hit whose object is gone or hidden is left out.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.cnap import selectors as cnap_selectors
from hromada.portal import selectors
from hromada.portal.models import BodyPage, EventPage, NewsPage
from hromada.registry import selectors as registry_selectors
from hromada.search import selectors as search_selectors

PER_PAGE: Final = 10

# ids → {id: (address, what the hit is)}
LinkResolver = Callable[..., dict[str, tuple[str, object]]]

# What a page's hit is called, by its type; any other page is a "Page".
PAGE_LABELS: Final[dict[type, object]] = {
    NewsPage: pgettext_lazy("search hit", "News"),
    EventPage: pgettext_lazy("search hit", "Event"),
    BodyPage: pgettext_lazy("search hit", "Body or enterprise"),
}


def _page_links(*, object_ids: Sequence[str]) -> dict[str, tuple[str, object]]:
    return {
        object_id: (url, PAGE_LABELS.get(page_type, _("Page")))
        for object_id, (url, page_type) in selectors.page_links(
            page_ids=object_ids
        ).items()
    }


def _act_links(*, object_ids: Sequence[str]) -> dict[str, tuple[str, object]]:
    urls = registry_selectors.act_search_urls(object_ids=object_ids)
    return {object_id: (url, _("Legal act")) for object_id, url in urls.items()}


def _service_links(*, object_ids: Sequence[str]) -> dict[str, tuple[str, object]]:
    urls = cnap_selectors.service_search_urls(object_ids=list(object_ids))
    label = pgettext_lazy("search hit", "Administrative service")
    return {object_id: (url, label) for object_id, url in urls.items()}


# kind → ids → links. A room that indexes public objects joins here when
# its pages exist.
KINDS: Final[dict[str, LinkResolver]] = {
    "portal.page": _page_links,
    "registry.act": _act_links,
    cnap_selectors.SEARCH_KIND: _service_links,
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
    links: dict[tuple[str, str], tuple[str, object]] = {}
    for kind in {hit.kind for hit in found.hits}:
        ids = [hit.object_id for hit in found.hits if hit.kind == kind]
        resolved = KINDS[kind](object_ids=ids)
        links.update({(kind, object_id): link for object_id, link in resolved.items()})
    hits = tuple(
        SiteHit(
            title=hit.title,
            url=links[(hit.kind, hit.object_id)][0],
            kind_label=links[(hit.kind, hit.object_id)][1],
            snippet=hit.snippet,
        )
        for hit in found.hits
        if (hit.kind, hit.object_id) in links
    )
    return SiteResults(hits=hits, total=found.total)
