"""Writes on registration cards: journals, drafts, numbers, cancelling.

Correspondents are in ``correspondents``; links, access grants and reply
cards in ``relations``.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from functools import partial
from typing import Final
from uuid import UUID

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core import once
from hromada.core.audit import audit_record
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from hromada.core.sequences import (
    registration_index_check,
    registration_index_format,
    sequence_next,
)
from hromada.core.transitions import transition_apply
from hromada.documents import permissions
from hromada.documents.models import (
    DOCUMENT_TRANSITIONS,
    AccessLevel,
    Channel,
    Correspondent,
    Document,
    DocumentAddressee,
    DocumentKind,
    DocumentStatus,
    FileVersion,
    Journal,
)
from hromada.documents.services import archive, awaiting
from hromada.org.models import OrgUnit
from hromada.search import services as search_services

SEARCH_KIND: Final = "documents.document"

# What a card must state before it gets a number (Типова інструкція, КМУ 55).
MANDATORY_FIELDS: Final[Mapping[str, tuple[str, ...]]] = {
    DocumentKind.INCOMING: ("correspondent", "channel", "summary"),
    DocumentKind.OUTGOING: ("signatory", "summary"),
    DocumentKind.INTERNAL: ("signatory", "summary"),
    DocumentKind.ORDER: ("signatory", "summary"),
    DocumentKind.EXECUTIVE_DECISION: ("signatory", "summary"),
    DocumentKind.APPEAL: ("correspondent", "channel", "summary"),
    DocumentKind.PUBLIC_INFO_REQUEST: ("correspondent", "channel", "summary"),
    DocumentKind.DEPUTY_APPEAL: ("correspondent", "summary"),
    DocumentKind.CNAP_APPLICATION: ("correspondent", "channel", "summary"),
}
_FOREIGN_KEYS: Final = frozenset({"correspondent", "signatory"})
# Fields the draft form edits; the service saves exactly these.
CARD_FIELDS: Final = (
    "summary",
    "pages",
    "access_level",
    "access_basis",
    "channel",
    "correspondent",
    "correspondent_number",
    "correspondent_date",
    "signatory",
    "signatory_name",
    "due_on",
)


@transaction.atomic
def journal_create(
    *,
    actor: User,
    name: str,
    kind: DocumentKind,
    org_unit: OrgUnit,
    index_template: str,
    case_index: str = "",
) -> Journal:
    """Open a registration journal; its template is checked now, not later.

    Registrars only.
    """
    if not permissions.is_registrar(actor):
        raise PermissionDeniedError(_("Journals are kept by the office."))
    registration_index_check(index_template)
    journal = Journal.objects.create(
        name=name,
        kind=kind,
        org_unit=org_unit,
        index_template=index_template,
        case_index=case_index,
    )
    audit_record(
        actor=actor,
        action="documents.journal_create",
        target=journal,
        data={"name": name, "kind": kind, "index_template": index_template},
    )
    return journal


@transaction.atomic
def document_create_draft(
    *,
    actor: User,
    kind: DocumentKind,
    org_unit: OrgUnit,
    summary: str,
    pages: int | None = None,
    access_level: AccessLevel = AccessLevel.INTERNAL,
    access_basis: str = "",
    channel: Channel = Channel.POST,
    correspondent: Correspondent | None = None,
    correspondent_number: str = "",
    correspondent_date: date | None = None,
    signatory: User | None = None,
    signatory_name: str = "",
    due_on: date | None = None,
    source_message_id: str = "",
    addressee_units: Iterable[OrgUnit] = (),
    addressee_users: Iterable[User] = (),
    once_key: UUID | None = None,
) -> Document:
    """Start a card as a draft on the actor's desk; any staff member may.

    A draft has no number; ``document_register`` gives it one. A form sent
    twice with the same ``once_key`` returns the first draft.
    """
    if not permissions.can_create_document(actor):
        raise PermissionDeniedError(_("Only staff draw up documents."))
    _check_restriction(access_level=access_level, access_basis=access_basis)
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="documents.draft_create"
    )
    if earlier is not None:
        return Document.objects.get(pk=earlier)
    document = Document.objects.create(
        kind=kind,
        org_unit=org_unit,
        created_by=actor,
        holder=actor,
        held_since=timezone.now(),
        summary=summary,
        pages=pages,
        access_level=access_level,
        access_basis=access_basis,
        channel=channel,
        correspondent=correspondent,
        correspondent_number=correspondent_number,
        correspondent_date=correspondent_date,
        signatory=signatory,
        signatory_name=signatory_name,
        due_on=due_on,
        source_message_id=source_message_id,
    )
    _addressees_set(document, units=addressee_units, users=addressee_users)
    audit_record(
        actor=actor,
        action="documents.draft_create",
        target=document,
        data={"kind": kind, "access_level": access_level},
    )
    once.submission_bind(key=once_key, target=document)
    return document


@transaction.atomic
def document_update_draft(
    *,
    document: Document,
    actor: User,
    summary: str,
    pages: int | None = None,
    access_level: AccessLevel = AccessLevel.INTERNAL,
    access_basis: str = "",
    channel: Channel = Channel.POST,
    correspondent: Correspondent | None = None,
    correspondent_number: str = "",
    correspondent_date: date | None = None,
    signatory: User | None = None,
    signatory_name: str = "",
    due_on: date | None = None,
    addressee_units: Iterable[OrgUnit] = (),
    addressee_users: Iterable[User] = (),
) -> Document:
    """Replace every card field of a draft (the form sends them all).

    The draft's author or a registrar; a numbered card is never edited.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_edit_draft(actor, document):
        raise PermissionDeniedError(
            _("Only a draft can be edited, by its author or the office.")
        )
    _check_restriction(access_level=access_level, access_basis=access_basis)
    values: dict[str, object] = {
        "summary": summary,
        "pages": pages,
        "access_level": access_level,
        "access_basis": access_basis,
        "channel": channel,
        "correspondent": correspondent,
        "correspondent_number": correspondent_number,
        "correspondent_date": correspondent_date,
        "signatory": signatory,
        "signatory_name": signatory_name,
        "due_on": due_on,
    }
    for name, value in values.items():
        setattr(document, name, value)
    document.save(update_fields=[*CARD_FIELDS, "updated_at"])
    document.addressees.all().delete()
    _addressees_set(document, units=addressee_units, users=addressee_users)
    audit_record(actor=actor, action="documents.draft_update", target=document)
    return document


@transaction.atomic
def document_register(*, document: Document, journal: Journal, actor: User) -> Document:
    """Give a draft its number in ``journal`` (EDMS-01..03) and index it.

    Locks the card; a second call on a numbered card raises
    ``InvalidTransitionError`` and changes nothing. Registrars only.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_number(actor, document):
        raise PermissionDeniedError(_("Documents are registered by the office."))
    if document.status != DocumentStatus.DRAFT:
        raise InvalidTransitionError(
            _("The document is already registered under number %(number)s.")
            % {"number": document.registration_number or "—"}
        )
    _check_journal(document, journal)
    _check_mandatory(document)
    transition_apply(document, to=DocumentStatus.REGISTERED, table=DOCUMENT_TRANSITIONS)
    _number(document, journal=journal, actor=actor)
    # EDMS-18: filed into the open case of the journal's case index, if any.
    document.case_file = archive.case_file_for_registration(document=document)
    document.save(
        update_fields=[
            "status",
            "journal",
            "registration_year",
            "registration_seq",
            "registration_number",
            "registered_on",
            "registered_at",
            "registered_by",
            "case_file",
            "updated_at",
        ]
    )
    awaiting.awaiting_resolution_sync(document_id=document.pk)
    audit_record(
        actor=actor,
        action="documents.register",
        target=document,
        data={
            "number": document.registration_number,
            "journal": journal.pk,
            "case_file": document.case_file_id,
        },
    )
    transaction.on_commit(partial(document_index, document_id=document.pk))
    return document


def document_index(*, document_id: int) -> None:
    """Put a numbered card into the search room (staff-only entries).

    Idempotent; runs after the registering transaction commits.
    """
    document = Document.objects.select_related("correspondent").get(pk=document_id)
    texts = FileVersion.objects.filter(document_file__document=document).order_by(
        "document_file", "-number"
    )
    current: dict[int, str] = {}
    for file_id, text in texts.values_list("document_file_id", "text"):
        current.setdefault(file_id, text)
    correspondent = document.correspondent.name if document.correspondent else ""
    parts = (document.summary, correspondent, *current.values())
    body = "\n".join(part for part in parts if part)
    search_services.search_document_index(
        kind=SEARCH_KIND,
        object_id=str(document.public_id),
        title=f"{document.registration_number} {document.summary}"[:1000],
        body=body,
        fields={
            "registration_number": document.registration_number,
            "correspondent_number": document.correspondent_number,
        },
        is_public=False,
    )


@transaction.atomic
def document_cancel(*, document: Document, actor: User, reason: str) -> Document:
    """Void a card; a numbered card keeps its number for good (EDMS-03).

    A registrar, or the author of a draft. The reason goes to the audit log.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_cancel(actor, document):
        raise PermissionDeniedError(_("Documents are cancelled by the office."))
    if not reason.strip():
        raise ApplicationError(
            _("Say why the document is cancelled."),
            code="reason_required",
            details={"reason": [_("Enter the reason for cancelling.")]},
        )
    previous = transition_apply(
        document, to=DocumentStatus.CANCELLED, table=DOCUMENT_TRANSITIONS
    )
    document.save(update_fields=["status", "updated_at"])
    awaiting.awaiting_resolution_sync(document_id=document.pk)
    audit_record(
        actor=actor,
        action="documents.cancel",
        target=document,
        data={
            "from": previous,
            "number": document.registration_number,
            "reason": reason.strip(),
        },
    )
    return document


@transaction.atomic
def document_read_record(*, document: Document, reader: User) -> None:
    """Log that ``reader`` opened a ДСК or restricted card (SEC-03, EDMS-29).

    The card detail view calls it; open cards are not logged.
    """
    if not permissions.is_restricted(reader, document):
        return
    audit_record(
        actor=reader,
        action="documents.restricted_read",
        target=document,
        data={"access_level": document.access_level},
    )


def _check_restriction(*, access_level: AccessLevel, access_basis: str) -> None:
    if access_level == AccessLevel.RESTRICTED and not access_basis.strip():
        message = _("State the legal basis of the restriction.")
        raise ApplicationError(
            message, code="restriction_basis", details={"access_basis": [message]}
        )


def _check_journal(document: Document, journal: Journal) -> None:
    if journal.kind != document.kind or not journal.is_active:
        message = _("Choose an active journal for documents of this kind.")
        raise ApplicationError(
            message, code="journal_kind_mismatch", details={"journal": [message]}
        )


def _is_blank(document: Document, field: str) -> bool:
    if field in _FOREIGN_KEYS:
        return getattr(document, f"{field}_id") is None
    return not str(getattr(document, field) or "").strip()


def _check_mandatory(document: Document) -> None:
    missing = [
        field for field in MANDATORY_FIELDS[document.kind] if _is_blank(document, field)
    ]
    if missing:
        raise ApplicationError(
            _("Fill in the card before registering it."),
            code="card_incomplete",
            details={
                field: [_("Fill in “%(field)s”.") % {"field": _label(field)}]
                for field in missing
            },
        )


def _label(field: str) -> str:
    return str(getattr(Document._meta.get_field(field), "verbose_name", field))


def _number(
    document: Document,
    *,
    journal: Journal,
    actor: User | None,
    letter: str | None = None,
) -> None:
    """Give the next number of ``journal``; ``{letter}`` is the first letter
    of the correspondent's name unless the caller gives it (КМУ 348)."""
    today = timezone.localdate()
    seq = sequence_next(journal=journal.sequence_key, year=today.year)
    if letter is None:
        correspondent = document.correspondent
        letter = correspondent.name.strip()[:1].upper() if correspondent else ""
    document.registration_number = registration_index_format(
        journal.index_template,
        seq=seq,
        year=today.year,
        case_index=journal.case_index,
        letter=letter,
        unit_code=journal.org_unit.unit_index,
    )
    document.journal = journal
    document.registration_year = today.year
    document.registration_seq = seq
    document.registered_on = today
    document.registered_at = timezone.now()
    document.registered_by = actor


def _addressees_set(
    document: Document, *, units: Iterable[OrgUnit], users: Iterable[User]
) -> None:
    DocumentAddressee.objects.bulk_create(
        [DocumentAddressee(document=document, org_unit=unit) for unit in units]
        + [DocumentAddressee(document=document, user=user) for user in users]
    )
