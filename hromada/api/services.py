"""Writes of the API room: issuing, revoking and stamping bearer tokens."""

import secrets
from datetime import timedelta
from typing import Final

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts import permissions as account_permissions
from hromada.accounts.models import User
from hromada.api import selectors
from hromada.api.models import ApiToken, HashedKey
from hromada.core.audit import audit_record
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)

TOKEN_PREFIX: Final = "hrm_"
# A stamp per request would turn every read into a write; a minute is enough
# to tell a live integration from a dead one.
LAST_USED_RESOLUTION: Final = timedelta(minutes=1)


def _may_manage(actor: User | None, user: User) -> bool:
    # actor=None is the command line: shell access to the server is the
    # authority there.
    if actor is None or actor.pk == user.pk:
        return True
    return bool(account_permissions.is_system_administrator(actor))


@transaction.atomic
def api_token_create(
    *, user: User, actor: User | None, name: str
) -> tuple[ApiToken, str]:
    """Issue a token to a staff member; returns it and its text, shown once.

    The holder or a system administrator issues it; ``actor=None`` is the
    command line. Only the SHA-256 of the text is stored.
    """
    if not _may_manage(actor, user):
        raise PermissionDeniedError(
            _("Only the holder or a system administrator issues API tokens.")
        )
    if not account_permissions.can_use_cabinet(user):
        raise PermissionDeniedError(_("Only council staff may hold API tokens."))
    name = name.strip()
    if not name:
        message = _("Name the token after the system that will use it.")
        raise ApplicationError(
            message, code="name_missing", details={"name": [message]}
        )
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, key_hash=selectors.api_token_hash(plaintext)
    )
    audit_record(
        actor=actor,
        action="api.token_create",
        target=token,
        data={"user": user.pk, "name": name},
    )
    return token, plaintext


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: User | None) -> ApiToken:
    """Revoke a token for good; the holder or a system administrator may."""
    token = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
    if not _may_manage(actor, token.user):
        raise PermissionDeniedError(
            _("Only the holder or a system administrator revokes API tokens.")
        )
    if token.revoked_at is not None:
        raise InvalidTransitionError(_("The token is already revoked."))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at", "updated_at"])
    audit_record(actor=actor, action="api.token_revoke", target=token)
    return token


def api_token_touch(*, token: ApiToken) -> None:
    """Stamp the token as used now, at most once a minute; not audited.

    Called by the authentication class, which has just verified the token:
    that check is the authority here.
    """
    hashed_key_touch(key=token)


def hashed_key_touch(*, key: HashedKey) -> None:
    """Stamp a key (a token, an Open311 client's) as used now, at most once
    a minute; not audited. The caller has just verified the key: that
    check is the authority here."""
    now = timezone.now()
    if key.last_used_at is not None and now - key.last_used_at < LAST_USED_RESOLUTION:
        return
    type(key)._default_manager.filter(pk=key.pk).update(last_used_at=now)
    key.last_used_at = now
