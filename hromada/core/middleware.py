"""Middleware of the kernel: request context for the audit log."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from hromada.core.request_context import current_ip


class RequestContextMiddleware:
    """Expose the client's IP address to ``audit_record`` for one request.

    Behind a proxy, gunicorn's ``--forwarded-allow-ips`` makes REMOTE_ADDR
    the client's address; a spoofable header is never trusted here.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(request.META.get("REMOTE_ADDR") or None)
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)
