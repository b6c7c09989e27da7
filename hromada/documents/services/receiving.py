"""Cards that a room above takes in and registers in one step.

An appeal filed on the portal, a call written down by the contact centre,
an application to the administrative-services centre: each is registered
the moment it arrives (Закон «Про звернення громадян», ст. 20 counts the
term from that day), with no office clerk between the citizen and the
journal. The room that takes the document in decides who may file it and
keeps the applicant's details itself; this room gives the number, opens the
card to its addressees and puts it into the case.
"""

from collections.abc import Iterable
from datetime import date
from functools import partial

from django.db import transaction
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError
from hromada.documents.models import (
    AccessLevel,
    Channel,
    Document,
    DocumentAddressee,
    DocumentKind,
    DocumentStatus,
    Journal,
    Resolution,
    Task,
    TaskStatus,
)
from hromada.documents.services import archive, awaiting, closing, registration
from hromada.documents.services.awaiting import LIVE_RESOLUTION_STATUSES
from hromada.documents.services.closing import NOTE_MAX_LENGTH
from hromada.org.models import OrgUnit

# The longest registration letter: «КО» marks a collective appeal, «БП» an
# unsigned one (КМУ 348, п. 8).
INDEX_LETTER_MAX_LENGTH = 2
OPEN_TASK_STATUSES = (TaskStatus.ASSIGNED, TaskStatus.REPORTED)


@transaction.atomic
def document_receive(
    *,
    actor: User | None,
    kind: DocumentKind,
    journal: Journal,
    summary: str,
    channel: Channel,
    addressee_units: Iterable[OrgUnit],
    index_letter: str = "",
    access_level: AccessLevel = AccessLevel.INTERNAL,
    due_on: date | None = None,
) -> Document:
    """Create the card of a document taken in by a room above, numbered.

    ``actor`` is the official who wrote it down (a contact-centre operator),
    or ``None`` when the system took it in from the portal; the calling
    room has checked that they may. The card belongs to the journal's unit,
    is addressed to ``addressee_units`` and lies on nobody's desk until
    their head resolves it. ``index_letter`` fills ``{letter}`` of the
    journal's index (КМУ 348: the first letter of the surname, «КО», «БП»).
    """
    summary = summary.strip()
    if not summary:
        message = _("Fill in “%(field)s”.") % {"field": _("summary")}
        raise ApplicationError(
            message, code="card_incomplete", details={"summary": [message]}
        )
    if journal.kind != kind or not journal.is_active:
        raise ApplicationError(
            _("Choose an active journal for documents of this kind."),
            code="journal_kind_mismatch",
        )
    if len(index_letter) > INDEX_LETTER_MAX_LENGTH:
        raise ValueError(f"An index letter is at most two letters: {index_letter!r}")
    document = Document(
        kind=kind,
        status=DocumentStatus.REGISTERED,
        org_unit=journal.org_unit,
        created_by=actor,
        summary=summary,
        access_level=access_level,
        channel=channel,
        due_on=due_on,
    )
    registration._number(document, journal=journal, actor=actor, letter=index_letter)
    document.case_file = archive.case_file_for_registration(document=document)
    document.save()
    DocumentAddressee.objects.bulk_create(
        DocumentAddressee(document=document, org_unit=unit) for unit in addressee_units
    )
    awaiting.awaiting_resolution_sync(document_id=document.pk)
    audit_record(
        actor=actor,
        action="documents.receive",
        target=document,
        data={
            "kind": kind,
            "number": document.registration_number,
            "journal": journal.pk,
            "case_file": document.case_file_id,
        },
    )
    transaction.on_commit(partial(registration.document_index, document_id=document.pk))
    return document


@transaction.atomic
def document_readdress(
    *, document: Document, addressee_units: Iterable[OrgUnit], actor: User | None
) -> Document:
    """Send a received card to other units (an operator routed the appeal
    by hand): its unit addressees become ``addressee_units``.

    Only a card with no resolution yet; the calling room checked who may.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status != DocumentStatus.REGISTERED or document.closed_as:
        raise ApplicationError(
            _("Only a registered, open card can be sent to another unit."),
            code="document_not_open",
        )
    if Resolution.objects.filter(
        document=document, status__in=LIVE_RESOLUTION_STATUSES
    ).exists():
        raise ApplicationError(
            _("The card has a resolution already; cancel it first."),
            code="document_resolved",
        )
    units = list(addressee_units)
    DocumentAddressee.objects.filter(document=document, org_unit__isnull=False).delete()
    DocumentAddressee.objects.bulk_create(
        DocumentAddressee(document=document, org_unit=unit) for unit in units
    )
    awaiting.awaiting_resolution_sync(document_id=document.pk)
    audit_record(
        actor=actor,
        action="documents.readdress",
        target=document,
        data={"units": [unit.pk for unit in units]},
    )
    return document


@transaction.atomic
def document_close_received(
    *, document: Document, actor: User | None, note: str
) -> Document:
    """File «До справи» a received card the room above has finished with
    outside the EDMS's tasks (an appeal forwarded to the competent body).

    A repeated call changes nothing; live tasks must be cancelled first.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.closed_as:
        return document
    if Task.objects.filter(document=document, status__in=OPEN_TASK_STATUSES).exists():
        raise ApplicationError(
            _("The card has open tasks; they must be finished first."),
            code="document_has_open_tasks",
        )
    closing.card_file_to_case(
        document, actor=actor, note=note.strip()[:NOTE_MAX_LENGTH]
    )
    awaiting.awaiting_resolution_sync(document_id=document.pk)
    audit_record(
        actor=actor,
        action="documents.close_received",
        target=document,
        data={"note": document.closed_note},
    )
    return document
