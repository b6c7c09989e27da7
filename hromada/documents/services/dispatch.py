"""Dispatch of outgoing letters by the office (експедиція), EDMS-16."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.transitions import transition_apply
from hromada.documents import permissions
from hromada.documents.models import (
    DOCUMENT_TRANSITIONS,
    Channel,
    Document,
    DocumentKind,
    DocumentStatus,
    FileRole,
    FileVersion,
)
from hromada.documents.services import awaiting
from hromada.notifications import services as notification_services

DISPATCH_CHANNELS = (Channel.EMAIL, Channel.POST)


def _signed_copy(document: Document) -> FileVersion | None:
    return (
        FileVersion.objects.filter(
            document_file__document=document, document_file__role=FileRole.SIGNED
        )
        .select_related("stored_file")
        .order_by("-created_at", "-number")
        .first()
    )


def _check(document: Document, *, actor: User, channel: Channel, email: str) -> None:
    if not permissions.can_dispatch(actor, document):
        raise PermissionDeniedError(_("Outgoing letters are dispatched by the office."))
    if document.kind != DocumentKind.OUTGOING:
        raise ApplicationError(
            _("Only outgoing letters are dispatched."), code="not_outgoing"
        )
    if channel not in DISPATCH_CHANNELS:
        raise ApplicationError(
            _("Choose how the letter is sent."),
            code="channel_unknown",
            details={"channel": [_("Choose e-mail or post.")]},
        )
    if channel == Channel.EMAIL:
        try:
            validate_email(email)
        except DjangoValidationError:
            raise ApplicationError(
                _("Enter the addressee's e-mail address."),
                code="email_invalid",
                details={
                    "email": [_("Enter an e-mail address like name@example.com.")]
                },
            ) from None


@transaction.atomic
def document_dispatch(
    *, document: Document, actor: User, channel: Channel, email: str = ""
) -> Document:
    """Send a registered, signed outgoing letter; or record it sent by post.

    EDMS-16: the office dispatches a letter only after it is signed. By
    e-mail the signed PDF goes through the notifications outbox after
    commit; by post the letter was signed on paper and is marked as sent.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    _check(document, actor=actor, channel=channel, email=email.strip())
    signed = _signed_copy(document)
    if channel == Channel.EMAIL and signed is None:
        raise ApplicationError(
            _("Sign the letter before sending it by e-mail."), code="not_signed"
        )
    previous = transition_apply(
        document, to=DocumentStatus.DISPATCHED, table=DOCUMENT_TRANSITIONS
    )
    document.dispatched_at = timezone.now()
    document.dispatched_by = actor
    document.save(
        update_fields=["status", "dispatched_at", "dispatched_by", "updated_at"]
    )
    awaiting.awaiting_resolution_sync(document_id=document.pk)
    audit_record(
        actor=actor,
        action="documents.dispatch",
        target=document,
        data={
            "from": previous,
            "channel": channel,
            "email": email.strip(),
            "signed_sha256": signed.sha256 if signed is not None else "",
        },
    )
    if channel == Channel.EMAIL and signed is not None:
        notification_services.notification_send(
            recipient_email=email.strip(),
            template="documents/outgoing_letter",
            context={
                "number": document.registration_number,
                "summary": document.summary,
            },
            dedup_key=f"documents.dispatch:{document.pk}",
            attachments=[signed.stored_file],
        )
    return document
