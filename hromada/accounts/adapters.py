"""allauth adapters: who may sign up, and what its e-mails know."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open to citizens; staff accounts are created by admins."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(getattr(settings, "HROMADA_SIGNUP_OPEN", True))

    def send_mail(
        self, template_prefix: str, email: str, context: dict[str, Any]
    ) -> None:
        # E-mails are signed with the council's name, not the request's host.
        super().send_mail(
            template_prefix, email, {**context, "city": settings.HROMADA_CITY}
        )
