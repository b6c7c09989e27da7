"""Bearer-token authentication: ``Authorization: Bearer <token>``."""

from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from hromada.accounts.models import User
from hromada.api import selectors, services
from hromada.api.models import ApiToken

KEYWORD = "Bearer"


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """Authenticate by an ``ApiToken``; an unknown or revoked one is a 401.

    Listed first, so that an anonymous request gets 401 with
    ``WWW-Authenticate: Bearer`` rather than 403.
    """

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("The Authorization header must be: Bearer <token>.")
            )
        try:
            plaintext = header[1].decode()
            token = selectors.api_token_get_active(plaintext=plaintext)
        except (UnicodeDecodeError, ApiToken.DoesNotExist) as error:
            raise exceptions.AuthenticationFailed(
                _("The token is invalid or revoked.")
            ) from error
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("The account is disabled."))
        services.api_token_touch(token=token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return f'{KEYWORD} realm="api"'
