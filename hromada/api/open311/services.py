"""Writes of Open311: issuing and revoking client keys, accepting requests,
taking citizens' updates."""

import secrets
from collections.abc import Sequence
from typing import Final
from urllib.parse import urlsplit
from uuid import UUID

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.api.models import Open311Client, Open311Update
from hromada.api.open311 import permissions, selectors
from hromada.appeals.models import (
    Appeal,
    AppealChannel,
    AppealEvent,
    AppealIntake,
    AppealStatus,
)
from hromada.appeals.services import comments, feedback, filing_input, intake
from hromada.appeals.services.common import appeal_lock
from hromada.core import once, ratelimit
from hromada.core.audit import audit_record
from hromada.core.errors import (
    InvalidTransitionError,
    PermissionDeniedError,
    ValidationError,
)

KEY_PREFIX: Final = "o311_"
ORIGINS_MAX: Final = 20
# A ceiling for a runaway client, far above a busy city's reports; each
# person behind the client meets the filing service's own limits as well.
CLIENT_RATES: Final = (
    ratelimit.RateLimit(scope="open311.requests", limit=300, window_seconds=3600),
    ratelimit.RateLimit(scope="open311.requests", limit=3000, window_seconds=86400),
)

# What an applicant's update says of the answer (mySociety's statuses, upper
# case as FixMyStreet sends them): solved (True) or not solved (False).
UPDATE_WORDS: Final = {
    "CLOSED": True,
    "FIXED": True,
    "OPEN": False,
    "REOPEN": False,
}


@transaction.atomic
def open311_client_issue(
    *,
    actor: User,
    name: str,
    allowed_origins: Sequence[str] = (),
    once_key: UUID | None = None,
) -> tuple[Open311Client, str]:
    """Issue a key to an Open311 client application; a system
    administrator's act. Returns the client and its key, whose text is
    never stored; a repeated send of the same form returns the first
    client and "" (the key was handed to the first send)."""
    if not permissions.can_manage_open311_clients(actor):
        raise PermissionDeniedError(
            _("Only a system administrator issues Open311 keys.")
        )
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="api.open311_client_issue"
    )
    if earlier is not None:
        return Open311Client.objects.get(pk=earlier), ""
    name, origins = _checked(name, allowed_origins)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    client = Open311Client.objects.create(
        name=name,
        owner=actor,
        key_hash=selectors.open311_client_key_hash(key),
        allowed_origins=origins,
    )
    audit_record(
        actor=actor,
        action="api.open311_client_issue",
        target=client,
        data={"name": name, "allowed_origins": origins},
    )
    once.submission_bind(key=once_key, target=client)
    return client, key


def _checked(name: str, allowed_origins: Sequence[str]) -> tuple[str, list[str]]:
    errors: dict[str, list[str]] = {}
    name = name.strip()
    if not name:
        errors["name"] = [_("Name the key after the application that will use it.")]
    origins = list(dict.fromkeys(filter(None, map(origin_normalise, allowed_origins))))
    wrong = [
        o.strip() for o in allowed_origins if o.strip() and not origin_normalise(o)
    ]
    if wrong:
        errors["allowed_origins"] = [
            _(
                "Write each origin as https://example.org, without a path: "
                "%(origins)s is not one."
            )
            % {"origins": ", ".join(wrong)}
        ]
    elif len(origins) > ORIGINS_MAX:
        errors["allowed_origins"] = [
            _("A key allows at most %(count)d origins.") % {"count": ORIGINS_MAX}
        ]
    if errors:
        raise ValidationError(
            _("Check the key's details."), code="open311_client_invalid", details=errors
        )
    return name, origins


def origin_normalise(text: str) -> str:
    """``https://Example.org/`` as a browser sends it in ``Origin``
    (``https://example.org``); "" when the text is not an origin."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return ""
    if parts.username is not None or parts.password is not None:
        return ""
    host = parts.hostname.lower()
    return f"{parts.scheme}://{host}" + (f":{port}" if port is not None else "")


@transaction.atomic
def open311_client_revoke(*, client: Open311Client, actor: User) -> Open311Client:
    """Revoke a client's key for good; a system administrator's act."""
    client = Open311Client.objects.select_for_update().get(pk=client.pk)
    if not permissions.can_manage_open311_clients(actor):
        raise PermissionDeniedError(
            _("Only a system administrator revokes Open311 keys.")
        )
    if client.revoked_at is not None:
        raise InvalidTransitionError(_("The key is already revoked."))
    client.revoked_at = timezone.now()
    client.save(update_fields=["revoked_at", "updated_at"])
    audit_record(actor=actor, action="api.open311_client_revoke", target=client)
    return client


@transaction.atomic
def open311_request_submit(
    *, client: Open311Client, data: filing_input.AppealInput, requester: str
) -> AppealIntake:
    """Accept the appeal a client relays, through ``appeal_accept``; the
    receipt, whose ``public_id`` is the client's token (STANDARDS §1.6).

    Registration follows a moment later, in the background. The client's
    key, checked by the endpoint, is the authority: the appeal has no
    signed-in actor. ``requester`` (the device id, else the e-mail
    address) meets the filing service's per-person limits within this
    client; the client as a whole meets ``CLIENT_RATES``. Which client
    filed the appeal is audited.
    """
    keys = (f"open311:{client.pk}",)
    ratelimit.rate_limit_check(rates=CLIENT_RATES, keys=keys)
    accepted = intake.appeal_accept(
        actor=None,
        channel=AppealChannel.OPEN311,
        data=data,
        client_key=f"open311:{client.pk}:{requester}",
    )
    audit_record(
        actor=None,
        action="api.open311_request_submit",
        target=accepted,
        data={"client": client.pk},
    )
    transaction.on_commit(
        lambda: ratelimit.rate_limit_count(rates=CLIENT_RATES, keys=keys)
    )
    return accepted


@transaction.atomic
def open311_update_submit(
    *,
    client: Open311Client,
    appeal: Appeal,
    client_update_id: str,
    status: str,
    description: str,
    email: str,
) -> AppealEvent:
    """Take a citizen's update a client POSTs (STANDARDS §1.10) and return
    the timeline step it became.

    The applicant (the client vouches for the ``email``, which must be the
    applicant's own) may say the answer solved the matter (``CLOSED`` or
    ``FIXED``: the appeal closes) or did not (``OPEN`` or ``REOPEN``: it
    reopens to its executor with a new control cycle) while the appeal is
    answered; anything else, and anyone else's update, is a comment for
    the officials. The same client's ``update_id`` for the same request
    is answered with the first step, never taken twice (item 31).
    """
    appeal = appeal_lock(appeal)
    earlier = selectors.update_get(
        client=client, appeal=appeal, client_update_id=client_update_id
    )
    if earlier is not None:
        return earlier
    keys = (f"open311:{client.pk}",)
    ratelimit.rate_limit_check(rates=CLIENT_RATES, keys=keys)
    word = UPDATE_WORDS.get(status)
    applicant = selectors.is_applicant(appeal, email=email)
    if word is not None and appeal.status == AppealStatus.ANSWERED and applicant:
        event = feedback.appeal_word_relayed(
            appeal=appeal, resolved=word, comment=description, via=client.name
        )
    else:
        event = comments.appeal_comment_add(
            appeal=appeal,
            text=description,
            actor=None,
            via=client.name,
            by_applicant=applicant,
        )
    Open311Update.objects.create(
        client=client, appeal=appeal, client_update_id=client_update_id, event=event
    )
    audit_record(
        actor=None,
        action="api.open311_update_submit",
        target=appeal,
        data={"client": client.pk, "event": str(event.public_id), "kind": event.kind},
    )
    transaction.on_commit(
        lambda: ratelimit.rate_limit_count(rates=CLIENT_RATES, keys=keys)
    )
    return event
