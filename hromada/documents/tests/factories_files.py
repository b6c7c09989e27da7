"""Factories and sample contents of the files area."""

import io
import zipfile

import docx
from PIL import Image

from hromada.accounts.models import User
from hromada.documents.models import Document, DocumentFile, FileRole
from hromada.documents.services import files as file_services
from hromada.signatures.tests.pdf import pdf_with_text

__all__ = [
    "docx_bytes",
    "file_with_version",
    "image_bytes",
    "odt_bytes",
    "pdf_with_text",
]


def docx_bytes(*paragraphs: str) -> bytes:
    """A Word document with one paragraph per argument."""
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes(*paragraphs: str) -> bytes:
    """A minimal OpenDocument text with one paragraph per argument."""
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
        'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:'
        f'text:1.0"><office:body><office:text>{body}</office:text></office:body>'
        "</office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def image_bytes(image_format: str) -> bytes:
    """A small white picture in ``PNG``, ``JPEG`` or ``TIFF``."""
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "white").save(buffer, format=image_format)
    return buffer.getvalue()


def file_with_version(
    *,
    document: Document,
    actor: User | None = None,
    content: bytes | None = None,
    name: str = "letter.pdf",
    role: FileRole = FileRole.MAIN,
) -> DocumentFile:
    """A file added through the service by the card's creator."""
    return file_services.file_add(
        document=document,
        actor=actor or document.created_by,
        content=pdf_with_text() if content is None else content,
        name=name,
        role=role,
    )
