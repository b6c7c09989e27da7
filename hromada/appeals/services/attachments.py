"""An appeal's files, and its answers': photos and PDFs, checked by kind
and size, stored atomically with their SHA-256 (``core.storage``)."""

from collections.abc import Sequence
from typing import Final

from django.core.files import File

from hromada.accounts.models import User
from hromada.appeals.models import (
    Appeal,
    AppealAnswer,
    AppealAttachment,
    AttachmentRole,
)
from hromada.core import storage
from hromada.core.models import StoredFile

PHOTO_TYPES: Final = frozenset({storage.JPEG, storage.PNG})
FILE_TYPES: Final = PHOTO_TYPES | {storage.PDF}
FILE_MAX_BYTES: Final = 10 * 1024 * 1024
FILES_MAX: Final = 5


def attachments_store(
    appeal: Appeal,
    files: Sequence[File[bytes]],
    *,
    actor: User | None,
    answer: AppealAnswer | None = None,
) -> None:
    """Store photos and PDFs of the appeal (or of ``answer``) atomically,
    each checked by kind and size and kept with its SHA-256."""
    attachments_link(appeal, attachments_keep(files, actor=actor), answer=answer)


def attachments_keep(
    files: Sequence[File[bytes]], *, actor: User | None
) -> list[StoredFile]:
    """Check and store the files (kind, size, SHA-256) before the appeal
    they belong to exists: an accepted appeal keeps them until it is
    registered (``attachments_link``)."""
    return [
        storage.file_store(
            content=upload,
            name=upload.name or "file",
            allowed_types=FILE_TYPES,
            folder="appeals",
            max_bytes=FILE_MAX_BYTES,
            uploaded_by=actor,
        )
        for upload in files
    ]


def attachments_link(
    appeal: Appeal,
    stored: Sequence[StoredFile],
    *,
    answer: AppealAnswer | None = None,
) -> None:
    """Attach stored files to the appeal (or to its ``answer``)."""
    AppealAttachment.objects.bulk_create(
        AppealAttachment(
            appeal=appeal,
            answer=answer,
            stored_file=file,
            role=AttachmentRole.ANSWER if answer else AttachmentRole.APPLICANT,
            is_image=file.content_type in PHOTO_TYPES,
        )
        for file in stored
    )
