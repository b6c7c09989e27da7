"""allauth adapters: translated e-mail through the notifications room later."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open to citizens; staff accounts are created by admins."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(getattr(settings, "HROMADA_SIGNUP_OPEN", True))
