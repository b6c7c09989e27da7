"""Reads of the files area: a card's files, page previews, text diffs."""

import difflib
import io
from typing import Final, Literal, TypeAlias

from django.core.cache import cache
from django.db.models import Prefetch, QuerySet
from PIL import Image, UnidentifiedImageError

from hromada.accounts.models import User
from hromada.core import storage
from hromada.documents import extraction
from hromada.documents.models import Document, DocumentFile, FileVersion
from hromada.documents.permissions import visible_documents_q

PREVIEW_WIDTHS: Final = frozenset({450, 900, 1400})
IMAGE_TYPES: Final = frozenset({storage.PNG, storage.JPEG, storage.TIFF})
_PREVIEW_TTL_SECONDS: Final = 7 * 24 * 3600

DiffOp: TypeAlias = Literal["equal", "insert", "delete"]


def document_file_list(*, document: Document) -> QuerySet[DocumentFile]:
    """A card's files in order, each with its versions (newest first).

    Two queries whatever the number of files; the caller checked ``can_view``.
    """
    versions = FileVersion.objects.select_related("stored_file", "created_by")
    return (
        DocumentFile.objects.filter(document=document)
        .order_by("order", "pk")
        .prefetch_related(Prefetch("versions", queryset=versions.order_by("-number")))
    )


def file_version_list_for_user(*, user: User) -> QuerySet[FileVersion]:
    """Versions of the cards ``user`` may see, with file, card and bytes."""
    visible = Document.objects.filter(visible_documents_q(user))
    return FileVersion.objects.filter(
        document_file__document__in=visible
    ).select_related("document_file__document", "stored_file", "created_by")


def document_file_list_for_user(*, user: User) -> QuerySet[DocumentFile]:
    """Files of the cards ``user`` may see, with their card."""
    visible = Document.objects.filter(visible_documents_q(user))
    return DocumentFile.objects.filter(document__in=visible).select_related("document")


def file_version_page_png(
    *, version: FileVersion, page: int, width: int = 900
) -> bytes:
    """Page ``page`` (from 1) of a PDF or an image version as PNG, cached.

    The cache key is the content's SHA-256, page and width. ``ValueError``
    for a page out of range or a kind that has no pages.
    """
    stored = version.stored_file
    if stored.content_type not in IMAGE_TYPES | {storage.PDF} or page < 1:
        raise ValueError("Only PDFs and images have page previews")
    key = f"documents:page-png:{stored.sha256}:{page}:{width}"
    cached = cache.get(key)
    if isinstance(cached, bytes):
        return cached
    with storage.file_open(stored) as handle:
        content = handle.read()
    if stored.content_type == storage.PDF:
        png = _pdf_page_png(content, page=page, width=width)
    else:
        png = _image_png(content, page=page, width=width)
    cache.set(key, png, _PREVIEW_TTL_SECONDS)
    return png


def _pdf_page_png(content: bytes, *, page: int, width: int) -> bytes:
    with extraction.pdf_opened(content) as document:
        if page > len(document):
            raise ValueError("The PDF has no such page")
        return extraction.render_png(document, index=page - 1, width=width)


def _image_png(content: bytes, *, page: int, width: int) -> bytes:
    # TIFF scans are shown as PNG: browsers do not display TIFF.
    if page != 1:
        raise ValueError("An image has one page")
    try:
        with Image.open(io.BytesIO(content)) as image:
            picture = image.convert("RGB")
    except (UnidentifiedImageError, OSError) as error:
        raise ValueError("The image cannot be read") from error
    picture.thumbnail((width, width * 4))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def file_version_text_diff(
    *, old: FileVersion, new: FileVersion
) -> list[tuple[DiffOp, str]]:
    """Line-by-line changes from ``old``'s extracted text to ``new``'s."""
    lines: list[tuple[DiffOp, str]] = []
    ops: dict[str, DiffOp] = {"  ": "equal", "+ ": "insert", "- ": "delete"}
    for line in difflib.ndiff(old.text.splitlines(), new.text.splitlines()):
        op = ops.get(line[:2])
        if op is not None:
            lines.append((op, line[2:]))
    return lines
