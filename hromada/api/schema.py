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
