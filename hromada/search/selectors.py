"""Reads of the search room: full-text queries and exact-field lookups."""

from collections.abc import Sequence

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from hromada.core.errors import ValidationError
from hromada.search import backends, snippets
from hromada.search.query import parse
from hromada.search.results import SearchMatch, SearchPage

MAX_LIMIT = 100
MAX_OFFSET = 10_000


def search_query(
    *,
    query: str,
    kinds: Sequence[str] | None = None,
    public_only: bool = True,
    limit: int = 20,
    offset: int = 0,
) -> SearchPage:
    """A page of indexed objects matching ``query``, best first.

    Two SQL queries at most; the language is in ``hromada.search.query``.
    Keep ``public_only`` for anyone but staff; an empty query gives an empty
    page.
    """
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(
            _("Ask for 1 to %(max)d search results at a time.") % {"max": MAX_LIMIT},
            code="invalid_search_limit",
        )
    if not 0 <= offset <= MAX_OFFSET:
        raise ValidationError(
            _("Search results can be paged through up to result %(max)d.")
            % {"max": MAX_OFFSET},
            code="invalid_search_offset",
        )
    return backends.get_backend().search(
        query=query, kinds=kinds, public_only=public_only, limit=limit, offset=offset
    )


def search_best_ids(
    *,
    query: str,
    kinds: Sequence[str] | None = None,
    public_only: bool = True,
    limit: int = 20,
) -> list[str]:
    """Object ids of the ``limit`` best matches of ``query``, best first.

    For lists that show the objects their own way (a registry by date): one
    query, no snippets, no count. Phrases are checked as in
    ``search_query``.
    """
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(
            _("Ask for 1 to %(max)d search results at a time.") % {"max": MAX_LIMIT},
            code="invalid_search_limit",
        )
    return backends.get_backend().best_object_ids(
        query=query, kinds=kinds, public_only=public_only, limit=limit
    )


def search_lookup(
    *, kind: str, field: str, value: str, public_only: bool = True
) -> list[str]:
    """Object ids of ``kind`` whose exact ``field`` equals ``value``, sorted.

    For numbers and names: "865/03-8" finds "865/03-8" typed with an en dash,
    but never "865/03-80".
    """
    return backends.get_backend().lookup(
        kind=kind, field=field, value=value, public_only=public_only
    )


def search_match(
    *, query: str, kind: str, public_only: bool = True
) -> SearchMatch | None:
    """Every indexed object of ``kind`` matching ``query``, as SQL to join.

    For a room that filters, sorts and pages its objects itself (the
    registry of acts): see ``SearchMatch``. ``None`` when the query has
    nothing to look for. Keep ``public_only`` for anyone but staff.
    """
    return backends.get_backend().match(query=query, kind=kind, public_only=public_only)


def search_snippet(*, query: str, text: str) -> SafeString:
    """An excerpt of ``text`` with the words of ``query`` marked, as HTML."""
    plan = parse(query)
    return snippets.snippet_html(text=text, highlighted=plan.highlighted)
