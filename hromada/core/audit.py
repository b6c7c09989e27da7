"""The hash-chained audit log: append inside the service's transaction."""

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from hromada.core.models import GENESIS_HASH, AuditChainHead, AuditEvent
from hromada.core.request_context import current_ip


def audit_hash(event: AuditEvent) -> str:
    """SHA-256 over the event's canonical JSON, ``previous_hash`` included."""
    payload = {
        "occurred_at": event.occurred_at.isoformat(),
        "actor_id": event.actor_id,
        "action": event.action,
        "target_type_id": event.target_type_id,
        "target_id": event.target_id,
        "data": event.data,
        "ip_address": event.ip_address,
        "previous_hash": event.previous_hash,
    }
    canonical = json.dumps(
        payload,
        cls=DjangoJSONEncoder,
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _normalise(data: Mapping[str, object]) -> dict[str, object]:
    # Round-trip through JSON so the hash is computed over exactly what the
    # database returns later (dates become strings, tuples become lists).
    normal: dict[str, object] = json.loads(
        json.dumps(dict(data), cls=DjangoJSONEncoder)
    )
    return normal


def audit_record(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    target: models.Model,
    data: Mapping[str, object] | None = None,
) -> AuditEvent:
    """Append one event to the chain; ``actor=None`` means the system itself.

    Call it inside the service's transaction, so the event exists if and only
    if the change it describes does. It locks the chain head last.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the service's transaction")
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    event = AuditEvent(
        occurred_at=timezone.now(),
        actor_id=actor_id,
        action=action,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        data=_normalise(data or {}),
        ip_address=current_ip.get(),
        previous_hash=head.last_hash,
    )
    event.hash = audit_hash(event)
    event.save(force_insert=True)
    head.last_hash = event.hash
    head.save(update_fields=["last_hash"])
    return event


@dataclass(frozen=True, kw_only=True, slots=True)
class ChainBreak:
    """The first place where the stored chain disagrees with itself."""

    event_id: int
    reason: str


def _events() -> Iterator[AuditEvent]:
    return AuditEvent.objects.order_by("pk").iterator(chunk_size=2000)


def audit_verify() -> ChainBreak | None:
    """Walk the whole chain; return the first broken link, or ``None``."""
    expected_previous = GENESIS_HASH
    last_id = 0
    for event in _events():
        last_id = event.pk
        if event.previous_hash != expected_previous:
            return ChainBreak(event_id=event.pk, reason="previous_hash does not match")
        if audit_hash(event) != event.hash:
            return ChainBreak(
                event_id=event.pk, reason="content does not match its hash"
            )
        expected_previous = event.hash
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != expected_previous:
        return ChainBreak(
            event_id=last_id, reason="chain head does not match the last event"
        )
    return None
