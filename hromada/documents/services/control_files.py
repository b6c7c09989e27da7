"""Attachments of task reports: files, the reply document, download reads."""

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core import storage
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, ValidationError
from hromada.core.models import StoredFile
from hromada.documents.models import (
    Document,
    DocumentLink,
    DocumentStatus,
    LinkKind,
    Task,
    TaskReport,
)
from hromada.documents.permissions import visibility

# The kinds a card's files accept, less plain text (taken in from e-mail).
REPORT_FILE_TYPES: Final = frozenset(
    {
        storage.PDF,
        storage.DOCX,
        storage.ODT,
        storage.JPEG,
        storage.PNG,
        storage.TIFF,
    }
)
REPORT_FILES_MAX: Final = 10
STORAGE_FOLDER: Final = "documents/reports"


def report_files_store(
    *, files: Sequence[File[bytes]], actor: User
) -> list[StoredFile]:
    """Check every name first, then store each file through core storage.

    Call it inside the report's transaction, after every other check: a
    refused file raises ``ValidationError`` and no ``StoredFile`` row stays.
    """
    if len(files) > REPORT_FILES_MAX:
        message = _("Attach at most %(count)s files to a report.") % {
            "count": REPORT_FILES_MAX
        }
        raise ValidationError(
            message, code="report_files_too_many", details={"files": [message]}
        )
    for upload in files:
        _check_name(str(upload.name or ""))
    return [_store(upload, actor) for upload in files]


def _store(upload: File[bytes], actor: User) -> StoredFile:
    try:
        return storage.file_store(
            content=upload,
            name=str(upload.name or ""),
            allowed_types=REPORT_FILE_TYPES,
            folder=STORAGE_FOLDER,
            uploaded_by=actor,
        )
    except ValidationError as error:
        # The form shows the refusal at the files field.
        raise ValidationError(
            error.message, code=error.code, details={"files": [error.message]}
        ) from error


def _check_name(name: str) -> None:
    # Refuse a wrong kind before any file of the report reaches the disk.
    kinds = [storage.KINDS[content_type] for content_type in REPORT_FILE_TYPES]
    extension = Path(name).suffix.lower()
    if any(extension in kind.extensions for kind in kinds):
        return
    labels = ", ".join(sorted(str(kind.label) for kind in kinds))
    message = _(
        "“%(name)s” is not an accepted kind of file. Accepted kinds: %(kinds)s."
    ) % {"name": Path(name.replace("\\", "/")).name, "kinds": labels}
    raise ValidationError(
        message, code="file_type_not_allowed", details={"files": [message]}
    )


def reply_document_check(*, reply_document: Document, task: Task, actor: User) -> None:
    """Refuse a reply document that is not a reply to the task's card.

    The report may name only a card linked ``reply_to`` the task's card
    (EDMS-17) that ``actor`` can see and that is not voided.
    """
    is_reply = DocumentLink.objects.filter(
        source=reply_document, target_id=task.document_id, kind=LinkKind.REPLY_TO
    ).exists()
    if (
        is_reply
        and reply_document.status != DocumentStatus.CANCELLED
        and visibility.can_view(actor, reply_document)
    ):
        return
    message = _("Choose a reply to this task's document that you can see.")
    raise ApplicationError(
        message, code="reply_document_invalid", details={"reply_document": [message]}
    )


@transaction.atomic
def report_file_download_record(
    *, report: TaskReport, stored: StoredFile, actor: User
) -> None:
    """Audit that ``actor`` downloaded a report file of a ДСК/restricted card.

    Reads of open cards are not recorded; the caller fetched ``report``
    from the reports ``actor`` may see.
    """
    document = report.task.document
    if not visibility.is_restricted(actor, document):
        return
    audit_record(
        actor=actor,
        action="documents.report_file_download",
        target=report,
        data={
            "document_id": document.pk,
            "access_level": document.access_level,
            "sha256": stored.sha256,
        },
    )
