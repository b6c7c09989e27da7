"""Whole responses of public pages, kept for visitors who have not signed in.

A public page (the list of appeals, the map's clusters) is the same for
every anonymous visitor who asks for the same address in the same language,
so it is rendered once and then answered from the ``default`` cache (local
memory embedded, Redis in production) until it expires. The middleware sits
right after WhiteNoise: a hit runs no session, CSRF, authentication or view
code and no query.

Nothing personal can be kept, because three gates must all open:

- the request is a GET or HEAD with no session cookie, no messages cookie
  and no ``Authorization`` header, so it cannot belong to a signed-in person
  and cannot carry someone's flash messages;
- the view opted in with ``@public_cache(seconds)``: its output depends only
  on the address, the query, the language and the htmx headers;
- the response is a complete 200 that sets no cookie (so no CSRF token and
  no session was made while rendering it), is not marked ``private``,
  ``no-store`` or ``no-cache``, varies on nothing the key leaves out, and
  ``request.user`` was anonymous when it left the view (a user that an API
  token authenticated inside the view cannot slip through).

A page stays up to ``seconds`` old: a new appeal or answer reaches the
cached pages when they expire, and nothing invalidates them earlier.
"""

import functools
import hashlib
import json
from collections.abc import Callable
from operator import itemgetter
from typing import Final, NamedTuple, ParamSpec, TypeVar
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_request

PREFIX: Final = "pagecache:"
# The attribute @public_cache puts on a view's response: how long to keep it.
MARK: Final = "_public_cache_seconds"
# htmx asks for parts of a page with these; a part is not the whole page.
HTMX_HEADERS: Final = (
    "HTTP_HX_REQUEST",
    "HTTP_HX_BOOSTED",
    "HTTP_HX_TARGET",
    "HTTP_HX_TRIGGER",
    "HTTP_HX_TRIGGER_NAME",
)
# What a kept response may vary on: the key holds the language and the htmx
# headers; of the cookies, an eligible request can carry only the language
# (in the key) and the CSRF cookie, which a kept page never reads, because
# reading it makes the response set it again.
VARY_COVERED: Final = frozenset(
    {
        "accept-language",
        "cookie",
        *(h[5:].replace("_", "-").lower() for h in HTMX_HEADERS),
    }
)
REFUSING_DIRECTIVES: Final = frozenset({"private", "no-store", "no-cache"})

P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponseBase)


class StoredPage(NamedTuple):
    """What the cache holds of a response: plain values, cheap to unpickle."""

    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes


def public_cache(seconds: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Let ``PublicPageCacheMiddleware`` keep the view's anonymous answers
    for ``seconds``.

    Only for a view whose output, for a visitor who has not signed in,
    depends on nothing but the path, the query, the language and the htmx
    headers: no per-visitor content, no form with a CSRF token (rendering
    one sets the CSRF cookie, and a response that sets a cookie is never
    kept anyway).
    """
    if seconds <= 0:
        raise ValueError("public_cache needs a positive number of seconds.")

    def decorate(view: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(view)
        def marked(*args: P.args, **kwargs: P.kwargs) -> R:
            response = view(*args, **kwargs)
            setattr(response, MARK, seconds)
            return response

        return marked

    return decorate


class PublicPageCacheMiddleware:
    """Answer an eligible request from the cache; keep a miss's response
    when every gate of the module's docstring opens.

    Belongs right after WhiteNoise in ``MIDDLEWARE``: before sessions, so a
    hit costs no session read; before ``LocaleMiddleware``, so the key asks
    for the language exactly as that middleware will choose it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = page_cache_key(request)
        if key is None:
            return self.get_response(request)
        stored: StoredPage | None = cache.get(key)
        if stored is not None:
            return _response_from(stored)
        response = self.get_response(request)
        # Not a streaming response or a file: those are never kept.
        if isinstance(response, HttpResponse):
            seconds = _seconds_to_keep(request, response)
            if seconds is not None:
                cache.set(key, _stored_from(response), seconds)
        return response


def page_cache_key(request: HttpRequest) -> str | None:
    """The cache key of the page ``request`` asks for; ``None`` when the
    request may neither be answered from the cache nor fill it.

    Query parameters are ordered by name (keeping the order of a repeated
    name's values), so ``?a=1&b=2`` and ``?b=2&a=1`` share a page. A HEAD
    shares the GET's key: the server drops the body.
    """
    if not _is_eligible(request):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the rest of the stack answers it as it always does
    query = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    parts = [
        request.scheme,
        host,
        request.path,
        urlencode(sorted(query, key=itemgetter(0))),
        get_language_from_request(request),
        *(request.META.get(header, "") for header in HTMX_HEADERS),
    ]
    # JSON keeps the parts apart whatever characters the path holds.
    digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()
    return PREFIX + digest


def _is_eligible(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _seconds_to_keep(request: HttpRequest, response: HttpResponse) -> int | None:
    """The view's ``public_cache`` seconds if the response may be kept."""
    seconds: int | None = getattr(response, MARK, None)
    user = getattr(request, "user", None)
    if (
        seconds is None
        or request.method != "GET"
        or response.status_code != 200
        or response.cookies
        or user is None
        or user.is_authenticated
        or not _is_shareable(response)
    ):
        return None
    return seconds


def _is_shareable(response: HttpResponse) -> bool:
    """Nothing in Cache-Control forbids a shared copy, and the key covers
    every header the response says it varies on."""
    directives = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    varies = {
        name.strip().lower()
        for name in cc_delim_re.split(response.get("Vary", ""))
        if name.strip()
    }
    return not directives & REFUSING_DIRECTIVES and varies <= VARY_COVERED


def _stored_from(response: HttpResponse) -> StoredPage:
    return StoredPage(
        status=response.status_code,
        headers=tuple(response.items()),
        content=response.content,
    )


def _response_from(stored: StoredPage) -> HttpResponse:
    response = HttpResponse(stored.content, status=stored.status)
    for name, value in stored.headers:
        response[name] = value
    return response
