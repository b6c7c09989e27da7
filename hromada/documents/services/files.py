"""Writes of the files area: files, immutable versions, extracted text."""

from functools import partial
from pathlib import Path
from typing import Final

from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core import storage
from hromada.core.audit import audit_record
from hromada.core.errors import PermissionDeniedError
from hromada.core.models import StoredFile
from hromada.documents import events, extraction, permissions, tasks_files
from hromada.documents.models import (
    Document,
    DocumentFile,
    FileRole,
    FileVersion,
)
from hromada.search import services as search_services

ALLOWED_TYPES: Final = frozenset(
    {
        storage.PDF,
        storage.DOCX,
        storage.ODT,
        storage.JPEG,
        storage.PNG,
        storage.TIFF,
        # E-mail bodies taken in as text.
        storage.TEXT,
    }
)
STORAGE_FOLDER: Final = "documents/files"
# Smaller files are read at once, so search and preview know them at once;
# larger ones (and OCR) wait for a task, off the request.
SYNC_EXTRACT_MAX_BYTES: Final = 2 * 1024 * 1024
SEARCH_KIND: Final = "documents.document"


def _check_may_add(actor: User, document: Document) -> None:
    if not permissions.can_add_file(actor, document):
        raise PermissionDeniedError(
            _("You may not add files to this document."), code="file_add_denied"
        )


def _store(*, content: File[bytes] | bytes, name: str, actor: User) -> StoredFile:
    return storage.file_store(
        content=content,
        name=name,
        allowed_types=ALLOWED_TYPES,
        folder=STORAGE_FOLDER,
        uploaded_by=actor,
    )


def _version_create(
    *, document_file: DocumentFile, stored: StoredFile, actor: User
) -> FileVersion:
    """Number and save a version; the caller holds the file's lock."""
    last = document_file.versions.aggregate(last=Max("number"))["last"] or 0
    version = FileVersion.objects.create(
        document_file=document_file,
        number=last + 1,
        stored_file=stored,
        created_by=actor,
    )
    _text_extract_now_or_later(version)
    return version


def _text_extract_now_or_later(version: FileVersion) -> None:
    stored = version.stored_file
    if stored.size <= SYNC_EXTRACT_MAX_BYTES:
        _text_save(version, ocr=False)
        retry_with_ocr = extraction.ocr_available() and extraction.needs_ocr(
            content_type=stored.content_type,
            extracted=extraction.Extracted(text=version.text),
        )
        if not retry_with_ocr:
            return
    transaction.on_commit(
        partial(tasks_files.file_version_text_extract.enqueue, version_id=version.pk)
    )


def _text_save(version: FileVersion, *, ocr: bool) -> None:
    with storage.file_open(version.stored_file) as handle:
        content = handle.read()
    extracted = extraction.extract(
        content=content, content_type=version.stored_file.content_type, ocr=ocr
    )
    version.text = extracted.text
    version.page_count = extracted.page_count
    version.updated_at = timezone.now()
    version.save(update_fields=["text", "page_count", "updated_at"])
    _reindex_card(version.document_file.document)


def _reindex_card(document: Document) -> None:
    """Put the card into search with the text of each file's latest version.

    Same shape as the cards area's indexing at registration.
    """
    latest: dict[int, str] = {}
    versions = FileVersion.objects.filter(document_file__document=document).order_by(
        "document_file_id", "-number"
    )
    for file_id, text in versions.values_list("document_file_id", "text"):
        latest.setdefault(file_id, text)
    search_services.search_document_index(
        kind=SEARCH_KIND,
        object_id=str(document.public_id),
        title=f"{document.registration_number or ''} {document.summary}"[:1000],
        body="\n".join([document.summary, *latest.values()]),
        fields={"registration_number": document.registration_number},
        is_public=False,
    )


@transaction.atomic
def file_add(
    *,
    document: Document,
    actor: User,
    content: File[bytes] | bytes,
    name: str,
    title: str = "",
    role: FileRole = FileRole.MAIN,
) -> DocumentFile:
    """Add a file with its version 1 to a card; small files are read at once.

    Locks the card. Refused kinds and sizes raise ``ValidationError`` and
    write nothing. Audited as ``documents.file_add``.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    _check_may_add(actor, document)
    stored = _store(content=content, name=name, actor=actor)
    last_order = document.files.aggregate(last=Max("order"))["last"]
    document_file = DocumentFile.objects.create(
        document=document,
        title=(title.strip() or Path(stored.original_name).stem)[:255],
        role=role,
        order=0 if last_order is None else last_order + 1,
    )
    version = _version_create(document_file=document_file, stored=stored, actor=actor)
    audit_record(
        actor=actor,
        action="documents.file_add",
        target=document_file,
        data={
            "document_id": document.pk,
            "version_id": version.pk,
            "name": stored.original_name,
            "sha256": stored.sha256,
            "role": role,
        },
    )
    return document_file


@transaction.atomic
def version_add(
    *,
    document_file: DocumentFile,
    actor: User,
    content: File[bytes] | bytes,
    name: str,
) -> FileVersion:
    """Store a new immutable version ``n + 1`` of a file.

    Locks the file. Audited as ``documents.version_add``; after commit sends
    ``FileVersionAdded``, on which the routes area cancels a running route.
    """
    document_file = DocumentFile.objects.select_for_update().get(pk=document_file.pk)
    document = document_file.document
    _check_may_add(actor, document)
    stored = _store(content=content, name=name, actor=actor)
    version = _version_create(document_file=document_file, stored=stored, actor=actor)
    audit_record(
        actor=actor,
        action="documents.version_add",
        target=version,
        data={
            "document_id": document.pk,
            "document_file_id": document_file.pk,
            "number": version.number,
            "name": stored.original_name,
            "sha256": stored.sha256,
        },
    )
    events.file_version_added.send_on_commit(
        events.FileVersionAdded(
            document_id=document.pk,
            document_file_id=document_file.pk,
            version_id=version.pk,
        )
    )
    return version


@transaction.atomic
def file_version_text_extract(*, version_id: int) -> None:
    """Read a version's text again, with OCR when available; reindex the card.

    Called by the task of the same name; safe to run twice. No human actor:
    the text is derived from immutable bytes, so no permission applies.
    """
    version = (
        FileVersion.objects.select_for_update()
        .select_related("stored_file", "document_file__document")
        .filter(pk=version_id)
        .first()
    )
    if version is not None:
        _text_save(version, ocr=True)


@transaction.atomic
def file_version_download_record(
    *, version: FileVersion, actor: User, how: str = "download"
) -> None:
    """Audit that ``actor`` read a version of a ДСК/restricted card (EDMS-29).

    ``how`` is ``download``, or the way the content was shown otherwise:
    ``preview``, ``page`` (a page image), ``diff``, ``route`` (the file of
    an approval step). Reads of open cards are not recorded; the caller
    checked that the actor may see the version.
    """
    document = version.document_file.document
    if not permissions.is_restricted(actor, document):
        return
    data = {
        "document_id": document.pk,
        "access_level": document.access_level,
        "sha256": version.stored_file.sha256,
    }
    audit_record(
        actor=actor,
        action="documents.file_download"
        if how == "download"
        else "documents.file_read",
        target=version,
        data=data if how == "download" else {**data, "how": how},
    )
