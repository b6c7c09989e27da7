"""One gate for ``/cabinet/`` and the editor at ``/cms/``: a staff role, and
MFA outside demo mode."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from hromada.accounts import mfa, permissions

GUARDED_PREFIXES = ("/cabinet/", "/admin/", "/cms/")


class CabinetAccessMiddleware:
    """Refuse the cabinet to non-staff; send staff without TOTP to set it up.

    Anonymous visitors are already redirected to sign in by Django's
    ``LoginRequiredMiddleware``, which runs earlier.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(GUARDED_PREFIXES) and request.user.is_authenticated:
            refusal = self._refusal(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    def _refusal(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        is_admin_path = request.path.startswith("/admin/")
        if not is_admin_path and not permissions.can_use_cabinet(user):
            raise PermissionDenied(_("The cabinet is for council staff."))
        if settings.HROMADA_DEMO or mfa.has_totp(user):
            return None
        if is_admin_path and not user.is_staff:
            return None  # the admin shows its own sign-in refusal
        messages.warning(
            request,
            _(
                "Staff accounts must use two-factor authentication. "
                "Set up an authenticator app to continue."
            ),
        )
        return redirect("mfa_activate_totp")
