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
    for upload in files:
        stored = storage.file_store(
            content=upload,
            name=upload.name or "file",
            allowed_types=FILE_TYPES,
            folder="appeals",
            max_bytes=FILE_MAX_BYTES,
            uploaded_by=actor,
        )
        AppealAttachment.objects.create(
            appeal=appeal,
            answer=answer,
            stored_file=stored,
            role=AttachmentRole.ANSWER if answer else AttachmentRole.APPLICANT,
            is_image=stored.content_type in PHOTO_TYPES,
        )
