"""Serving an appeal's files: images shown in the page, others downloaded.

Each view finds the file through its own scoped selector first; this only
writes the response.
"""

from django.http import FileResponse

from hromada.appeals.models import AppealAttachment
from hromada.core import storage

INLINE_TYPES = frozenset({storage.JPEG, storage.PNG})


def attachment_response(attachment: AppealAttachment) -> FileResponse:
    """The stored file, with its name and type; never sniffed as HTML."""
    stored = attachment.stored_file
    response = FileResponse(
        storage.file_open(stored),
        as_attachment=stored.content_type not in INLINE_TYPES,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response
