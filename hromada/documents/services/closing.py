"""Closing a registered card «До справи»: filed without tasks or a reply."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from hromada.documents.models import (
    CardClosure,
    Document,
    DocumentStatus,
    Resolution,
)
from hromada.documents.permissions import control as control_permissions
from hromada.documents.services import awaiting

NOTE_MAX_LENGTH = 500


@transaction.atomic
def document_close_to_file(
    *, document: Document, actor: User, note: str = ""
) -> Document:
    """Close a card «До справи»: no action or reply is needed (DOMAIN.md).

    A head who may resolve the card closes it instead, while it has no
    live resolution; the card stays registered in its case, leaves every
    desk and "To resolve", and takes no resolution afterwards. Closing a
    closed card again (a second click) changes nothing.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not control_permissions.can_close_to_file(actor, document):
        raise PermissionDeniedError(
            _("Documents are filed «До справи» by heads who can see them.")
        )
    if document.closed_as == CardClosure.TO_FILE:
        return document
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        message = _("Keep the note to %(limit)d characters.") % {
            "limit": NOTE_MAX_LENGTH
        }
        raise ApplicationError(
            message, code="note_too_long", details={"note": [message]}
        )
    if document.status != DocumentStatus.REGISTERED:
        raise InvalidTransitionError(
            _("Only a registered document can be filed «До справи»."),
            code="document_not_registered",
        )
    if Resolution.objects.filter(
        document=document, status__in=awaiting.LIVE_RESOLUTION_STATUSES
    ).exists():
        raise InvalidTransitionError(
            _(
                "The document has a resolution: its tasks decide what becomes "
                "of it. Cancel the resolution first to file it «До справи»."
            ),
            code="document_resolved",
        )
    card_file_to_case(document, actor=actor, note=note)
    awaiting.awaiting_resolution_sync(document_id=document.pk)
    audit_record(
        actor=actor,
        action="documents.close_to_file",
        target=document,
        data={"number": document.registration_number, "note": note},
    )
    return document


def card_file_to_case(document: Document, *, actor: User | None, note: str) -> None:
    """Mark a locked card filed «До справи» and take it off every desk.

    A building block of the closing services, inside their transaction;
    they check who may, and write the audit event.
    """
    now = timezone.now()
    document.closed_as = CardClosure.TO_FILE
    document.closed_at = now
    document.closed_by = actor
    document.closed_note = note
    # Filed: on nobody's desk any more.
    document.holder = None
    document.held_since = now
    document.save(
        update_fields=[
            "closed_as",
            "closed_at",
            "closed_by",
            "closed_note",
            "holder",
            "held_since",
            "updated_at",
        ]
    )
