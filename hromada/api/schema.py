"""OpenAPI extensions: how the bearer token appears in the schema."""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """``Authorization: Bearer <token>`` as the ``bearerAuth`` scheme."""

    target_class = "hromada.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        scheme: dict[str, str] = build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix="Bearer"
        )
        return scheme


def platform_endpoints_only(
    endpoints: list[tuple[str, str, str, Any]], **kwargs: Any
) -> list[tuple[str, str, str, Any]]:
    """Keep the schema to ``/api/v1/``: the portal's editor (Wagtail) mounts
    DRF views of its own under ``/cms/``, which are not this API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
