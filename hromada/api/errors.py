"""The one API error shape: ``{"code", "message", "details"}`` (STYLE §2.6)."""

import logging
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response

from hromada.core.errors import ApplicationError

logger = logging.getLogger(__name__)


class ErrorOutputSerializer(serializers.Serializer):
    """Every error the API answers, whatever its status."""

    code = serializers.CharField(help_text="A stable snake_case code.")
    message = serializers.CharField(help_text="A translated sentence.")
    details = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Field name to its messages; empty when no field is at fault.",
    )


ERROR_RESPONSES: dict[int, OpenApiResponse] = {
    400: OpenApiResponse(ErrorOutputSerializer, description="Invalid input."),
    401: OpenApiResponse(ErrorOutputSerializer, description="Not authenticated."),
    403: OpenApiResponse(ErrorOutputSerializer, description="Not allowed."),
    404: OpenApiResponse(ErrorOutputSerializer, description="Missing or hidden."),
    409: OpenApiResponse(ErrorOutputSerializer, description="Not in this status."),
}


def error_body(
    code: str, message: str, details: Mapping[str, list[str]] | None = None
) -> dict[str, object]:
    """The error shape as a plain dict."""
    return {"code": code, "message": message, "details": dict(details or {})}


def _flatten(detail: Any) -> list[str]:
    if isinstance(detail, Mapping):
        return [
            f"{key}: {message}"
            for key, value in detail.items()
            for message in _flatten(value)
        ]
    if isinstance(detail, list | tuple):
        return [message for item in detail for message in _flatten(item)]
    return [str(detail)]


def _validation_details(detail: Any) -> dict[str, list[str]]:
    if isinstance(detail, Mapping):
        return {str(field): _flatten(value) for field, value in detail.items()}
    return {"non_field_errors": _flatten(detail)}


def _api_exception_body(exc: exceptions.APIException) -> dict[str, object]:
    if isinstance(exc, exceptions.ValidationError):
        return error_body(
            "invalid",
            _("The request contains invalid data."),
            _validation_details(exc.detail),
        )
    if isinstance(exc, exceptions.NotFound):
        return error_body("not_found", _("Not found."))
    if isinstance(exc, exceptions.PermissionDenied):
        return error_body("permission_denied", _flatten(exc.detail)[0])
    return error_body(str(exc.default_code), " ".join(_flatten(exc.detail)))


def api_exception_handler(exc: Exception, context: Mapping[str, Any]) -> Response:
    """DRF's ``EXCEPTION_HANDLER``: every failure in the one shape.

    An unexpected error is logged and answered 500 in the same shape, so a
    machine client never gets an HTML page.
    """
    if isinstance(exc, ApplicationError):
        return Response(exc.as_dict(), status=exc.http_status)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, exceptions.APIException):
        headers = {}
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))
        return Response(
            _api_exception_body(exc), status=exc.status_code, headers=headers
        )
    logger.error("Unhandled API error", exc_info=exc)
    return Response(
        error_body("server_error", _("Something went wrong on the server.")),
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


def not_found(request: HttpRequest, *args: object, **kwargs: object) -> JsonResponse:
    """A path under ``/api/`` that matches nothing: 404 in the API's shape."""
    return JsonResponse(error_body("not_found", _("Not found.")), status=404)
