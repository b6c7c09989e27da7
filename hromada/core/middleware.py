"""Middleware of the kernel: request context for the audit log and memo."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from hromada.core.request_context import (
    current_ip,
    request_memo_end,
    request_memo_start,
)


class RequestContextMiddleware:
    """Expose the client's IP address to ``audit_record`` for one request,
    and open the request's memo (``request_context.request_memo``).

    Behind a proxy, gunicorn's ``--forwarded-allow-ips`` makes REMOTE_ADDR
    the client's address; a spoofable header is never trusted here.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(request.META.get("REMOTE_ADDR") or None)
        memo = request_memo_start()
        try:
            return self.get_response(request)
        finally:
            request_memo_end(memo)
            current_ip.reset(token)
