"""Intake by e-mail: a letter becomes a draft incoming card with its files."""

import email
import email.policy
import imaplib
import logging
import re
from collections.abc import Mapping
from datetime import date
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from typing import Final

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError, ValidationError
from hromada.documents import permissions
from hromada.documents.models import (
    Channel,
    Correspondent,
    CorrespondentKind,
    Document,
    DocumentKind,
    FileRole,
)
from hromada.documents.services import correspondents, files, registration
from hromada.org.models import OrgUnit

logger = logging.getLogger(__name__)

_MESSAGE_ID_LENGTH: Final = 300
# Words that mark a sender's display name as an organisation's.
_ORGANISATION = re.compile(
    r"[«»\"]|\b(ТОВ|ПП|ПрАТ|АТ|КП|ДП|ГО|ОСББ|ФОП|LLC|Ltd|Inc|GmbH)\b|"
    r"(рада|управлінн|департамент|відділ|служб|комітет|міністерств|інститут|"
    r"фонд|компані|підприємств|установ|школ|ліце|лікарн|центр|агентств|асоціаці)",
    re.IGNORECASE,
)


@transaction.atomic
def intake_eml(*, raw: bytes, actor: User, org_unit: OrgUnit) -> Document:
    """Turn one e-mail (an .eml's bytes) into a draft incoming card.

    The letter's Message-ID is taken once: a repeat returns the first card
    unchanged. Attachments of kinds storage refuses are skipped and named
    in the audit event. Registrars only (the IMAP job acts as one).
    """
    if not permissions.can_intake(actor):
        raise PermissionDeniedError(_("Letters are taken in by the office."))
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if not isinstance(message, EmailMessage):
        raise ValidationError(_("The file is not an e-mail message."), code="eml")
    message_id = str(message.get("Message-ID", "")).strip()[:_MESSAGE_ID_LENGTH]
    if message_id:
        existing = Document.objects.filter(source_message_id=message_id).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            return _take_in(message, message_id=message_id, actor=actor, unit=org_unit)
    except IntegrityError:
        # Another worker took the same letter in at the same moment.
        return Document.objects.get(source_message_id=message_id)


def intake_settings() -> Mapping[str, str] | None:
    """``HROMADA_INTAKE_IMAP`` or ``None`` when e-mail intake is off."""
    config: Mapping[str, str] | None = getattr(settings, "HROMADA_INTAKE_IMAP", None)
    return config or None


def intake_imap_poll() -> list[Document]:
    """Take in every unseen letter of the configured IMAP folder.

    No human actor: the registrar named in the settings is the authority.
    Each letter commits on its own; fetching marks it seen.
    """
    config = intake_settings()
    if config is None:
        return []
    actor = User.objects.get(email__iexact=config["registrar_email"], is_active=True)
    unit = OrgUnit.objects.get(unit_index=config["org_unit_index"])
    mailbox = imaplib.IMAP4_SSL(config["host"])
    documents = []
    try:
        mailbox.login(config["user"], config["password"])
        mailbox.select(config.get("folder") or "INBOX")
        _status, found = mailbox.search(None, "UNSEEN")
        for number in found[0].split() if found else []:
            raw = _fetch(mailbox, number.decode())
            if raw is None:
                continue
            try:
                documents.append(intake_eml(raw=raw, actor=actor, org_unit=unit))
            except ValidationError:
                logger.warning("Letter %s refused", number, exc_info=True)
    finally:
        mailbox.logout()
    return documents


def _fetch(mailbox: imaplib.IMAP4, number: str) -> bytes | None:
    _status, data = mailbox.fetch(number, "(RFC822)")
    for item in data:
        if isinstance(item, tuple) and isinstance(item[1], bytes):
            return item[1]
    return None


def _take_in(
    message: EmailMessage, *, message_id: str, actor: User, unit: OrgUnit
) -> Document:
    document = registration.document_create_draft(
        actor=actor,
        kind=DocumentKind.INCOMING,
        org_unit=unit,
        summary=str(message.get("Subject", "")).strip() or _("(no subject)"),
        channel=Channel.EMAIL,
        correspondent=_correspondent(str(message.get("From", ""))),
        correspondent_date=_sent_on(message),
        source_message_id=message_id,
    )
    body = _body_text(message)
    if body:
        files.file_add(
            document=document,
            actor=actor,
            content=body.encode(),
            name="letter.txt",
            title="letter.txt",
            role=FileRole.MAIN,
        )
    skipped = _attachments_add(document, message, actor=actor)
    audit_record(
        actor=actor,
        action="documents.intake",
        target=document,
        data={"message_id": message_id, "skipped": skipped},
    )
    return document


def _correspondent(header: str) -> Correspondent | None:
    display, address = parseaddr(header)
    if not address:
        return None
    found = Correspondent.objects.filter(email__iexact=address, is_active=True)
    existing = found.order_by("pk").first()
    if existing is not None:
        return existing
    name = display.strip() or address
    is_organisation = bool(_ORGANISATION.search(display))
    try:
        return correspondents.correspondent_create(
            actor=None,
            kind=CorrespondentKind.ORGANISATION
            if is_organisation
            else CorrespondentKind.PERSON,
            name=name[:300],
            email=address,
        )
    except ApplicationError:
        # A sender address the registry cannot keep (not a valid e-mail):
        # the card is taken in without a correspondent for the office to set.
        return None


def _sent_on(message: EmailMessage) -> date | None:
    header = message.get("Date")
    if not header:
        return None
    try:
        sent = parsedate_to_datetime(str(header))
    except (TypeError, ValueError):
        return None
    if timezone.is_naive(sent):
        return sent.date()
    return timezone.localtime(sent).date()


def _body_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        content = strip_tags(content)
    return content.strip()


def _attachments_add(
    document: Document, message: EmailMessage, *, actor: User
) -> list[str]:
    skipped = []
    for attachment in message.iter_attachments():
        name = attachment.get_filename() or ""
        content = attachment.get_content()
        data = content.encode() if isinstance(content, str) else content
        if not name or not isinstance(data, bytes):
            skipped.append(name or "?")
            continue
        try:
            with transaction.atomic():
                files.file_add(
                    document=document,
                    actor=actor,
                    content=data,
                    name=name,
                    title=name,
                    role=FileRole.ATTACHMENT,
                )
        except ValidationError:
            skipped.append(name)
    return skipped
