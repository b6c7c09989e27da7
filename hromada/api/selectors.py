"""Reads of the API room: the token behind a bearer key."""

import hashlib

from hromada.api.models import ApiToken


def api_token_hash(plaintext: str) -> str:
    """The stored form of a token: SHA-256 of its text, in hex."""
    return hashlib.sha256(plaintext.encode()).hexdigest()


def api_token_get_active(*, plaintext: str) -> ApiToken:
    """The unrevoked token with this text, its user joined.

    ``ApiToken.DoesNotExist`` for an unknown or revoked token.
    """
    return ApiToken.objects.select_related("user").get(
        key_hash=api_token_hash(plaintext), revoked_at__isnull=True
    )
