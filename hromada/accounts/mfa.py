"""Whether a user has a working second factor (TOTP) in allauth."""

from allauth.mfa.models import Authenticator
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser


def has_totp(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether the user has activated a TOTP authenticator."""
    if not user.is_authenticated:
        return False
    return Authenticator.objects.filter(
        user_id=user.pk, type=Authenticator.Type.TOTP
    ).exists()
