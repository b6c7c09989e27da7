"""Who may call the API: staff, with MFA when signed in by session."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import permissions
from rest_framework.request import Request

from hromada.accounts import mfa
from hromada.accounts import permissions as account_permissions

if TYPE_CHECKING:
    # Imported for annotations only: rest_framework.views reads this module
    # through the DEFAULT_PERMISSION_CLASSES setting while it loads.
    from rest_framework.views import APIView


class CanUseCabinet(permissions.BasePermission):
    """The cabinet's gate for the API: a staff role, MFA for a session.

    A bearer token was issued to a staff member by a trusted path, so the
    second factor is asked only of a browser session (outside demo mode).
    """

    message = ""

    def has_permission(self, request: Request, view: "APIView") -> bool:
        user = request.user
        if not account_permissions.can_use_cabinet(user):
            self.message = _("The API is for council staff.")
            return False
        if (
            request.auth is None
            and not settings.HROMADA_DEMO
            and not mfa.has_totp(user)
        ):
            self.message = _("Staff accounts must use two-factor authentication.")
            return False
        return True
