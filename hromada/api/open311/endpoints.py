"""The HTTP side shared by every Open311 path (STANDARDS §0.2, §1.2, §1.8).

A handler returns an ``Answer`` (a document, and for a read the moment its
content last changed) or raises ``Open311Error``; ``open311_endpoint``
does the rest once: the login redirect and CSRF are off (a machine client
has neither a session nor a token), only the named methods pass, the body
is rendered in the format of the path's suffix, reads carry
``Access-Control-Allow-Origin: *``, ``ETag`` and ``Last-Modified`` and
answer a conditional request with 304, and any failure is an Open311
``errors`` body with HTTP 400, 403 or 404, never an HTML page.
"""

import functools
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from hromada.api.open311.errors import Open311Error, error_document
from hromada.api.open311.render import CONTENT_TYPES, Document, Format, render

logger = logging.getLogger(__name__)

# What a read says changed last when nothing it lists ever did (an empty
# list): any later change is newer.
EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
READS: Final = frozenset({"GET", "HEAD"})


@dataclass(frozen=True, kw_only=True, slots=True)
class Answer:
    """What a handler answers: the document; for a read, when its content
    last changed; for a POST, the ``Origin`` the client's key allows."""

    document: Document
    last_modified: datetime | None = None
    allow_origin: str = ""


Handler = Callable[..., Answer]
View = Callable[..., HttpResponse]


def open311_endpoint(*methods: str) -> Callable[[Handler], View]:
    """Make ``handler(request, fmt, **kwargs)`` an Open311 view taking
    ``methods`` (a read also takes HEAD)."""
    allowed = frozenset(methods) | (READS if "GET" in methods else frozenset())

    def decorate(handler: Handler) -> View:
        @functools.wraps(handler)
        def view(request: HttpRequest, fmt: Format, **kwargs: str) -> HttpResponse:
            try:
                if request.method not in allowed:
                    raise _method_refused(request, allowed)
                answer = handler(request, fmt, **kwargs)
            except Open311Error as error:
                return error_response(request, error, fmt)
            except (SuspiciousOperation, MultiPartParserError):
                # A body Django will not read: too large, too many fields or
                # files, a broken multipart. The client's doing, not ours.
                logger.warning(
                    "Open311 %s: unreadable body", request.path, exc_info=True
                )
                return error_response(request, _unreadable(), fmt)
            except Exception:
                # The spec's "general service error": logged, and still an
                # Open311 body for the client.
                logger.error("Open311 %s failed", request.path, exc_info=True)
                return error_response(request, _server_error(), fmt)
            return _answered(request, answer, fmt)

        return csrf_exempt(login_not_required(view))

    return decorate


def error_response(
    request: HttpRequest, error: Open311Error, fmt: Format
) -> HttpResponse:
    """The ``errors`` body of ``error`` with its HTTP status."""
    response = _response(error_document(error), fmt, status=error.status)
    if request.method in READS:
        response["Access-Control-Allow-Origin"] = "*"
    for name, value in error.headers.items():
        response[name] = value
    return response


def _answered(request: HttpRequest, answer: Answer, fmt: Format) -> HttpResponse:
    response = _response(answer.document, fmt, status=200)
    if request.method in READS:
        return _cacheable(request, response, answer.last_modified or EPOCH)
    if answer.allow_origin:
        response["Access-Control-Allow-Origin"] = answer.allow_origin
        patch_vary_headers(response, ("Origin",))
    return response


def _response(document: Document, fmt: Format, *, status: int) -> HttpResponse:
    return HttpResponse(
        render(document, fmt), content_type=CONTENT_TYPES[fmt], status=status
    )


def _cacheable(
    request: HttpRequest, response: HttpResponse, last_modified: datetime
) -> HttpResponse:
    """``ETag`` (the body's SHA-256) and ``Last-Modified``; 304 when the
    client's copy is current (STANDARDS §0.2.8)."""
    etag = f'"{hashlib.sha256(response.content).hexdigest()}"'
    stamp = int(last_modified.timestamp())
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stamp)
    response["Access-Control-Allow-Origin"] = "*"
    # Given a response, Django answers it or a 304, never nothing.
    conditional = (
        get_conditional_response(
            request, etag=etag, last_modified=stamp, response=response
        )
        or response
    )
    conditional["Access-Control-Allow-Origin"] = "*"
    return conditional


def _method_refused(request: HttpRequest, allowed: frozenset[str]) -> Open311Error:
    # 405 is not among Open311's statuses: 400, with 405 as the body's code.
    methods = ", ".join(sorted(allowed))
    return Open311Error.one(
        400,
        _("%(method)s is not accepted here; use %(methods)s.")
        % {"method": request.method, "methods": methods},
        code=405,
        headers={"Allow": methods},
    )


def _unreadable() -> Open311Error:
    return Open311Error.one(
        400, _("The request's body is too large or malformed to be read.")
    )


def _server_error() -> Open311Error:
    return Open311Error.one(
        400,
        _("The request could not be completed because of a fault on our side."),
        code=500,
    )


@login_not_required
@csrf_exempt
def not_found(request: HttpRequest, path: str = "") -> HttpResponse:
    """Anything else under ``/open311/v2/``: 404 in Open311's shape, in
    JSON when the path asks for it, else in XML (the mandatory format)."""
    fmt: Format = "json" if path.endswith(".json") else "xml"
    error = Open311Error.one(404, _("There is no such Open311 resource."))
    return error_response(request, error, fmt)
