"""Text and page count of a stored file, for search, preview and diff.

PDF text layer (pypdf), DOCX paragraphs (python-docx), ODT ``content.xml``,
plain text as is. OCR with the ``tesseract`` CLI is optional: it runs only
when the program is installed and a scan or PDF has no text layer.
"""

import io
import logging
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final
from xml.etree import ElementTree

import docx
import pypdf
import pypdfium2
from pypdf.errors import PyPdfError

from hromada.core import storage

logger = logging.getLogger(__name__)

# Enough for any real letter; a larger text is cut, not refused.
TEXT_MAX_CHARS: Final = 1_000_000
_ODT_CONTENT_MAX: Final = 20 * 1024 * 1024
_ODT_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OCR_TIMEOUT_SECONDS: Final = 120
_OCR_PAGES_MAX: Final = 50
OCR_TYPES: Final = frozenset({storage.PDF, storage.PNG, storage.JPEG, storage.TIFF})


@dataclass(frozen=True, kw_only=True, slots=True)
class Extracted:
    """What was read from a file; ``page_count`` is known for PDFs only."""

    text: str
    page_count: int | None = None


def ocr_available() -> bool:
    """Whether the ``tesseract`` program is installed on this server."""
    return shutil.which("tesseract") is not None


def needs_ocr(*, content_type: str, extracted: Extracted) -> bool:
    """A scan or image without a text layer, which only OCR can read."""
    return content_type in OCR_TYPES and not extracted.text.strip()


def extract(*, content: bytes, content_type: str, ocr: bool = False) -> Extracted:
    """Read the text of ``content``; a damaged file gives empty text.

    With ``ocr`` and ``tesseract`` installed, scans without text are OCRed
    (slow: call it from a task, never inside a request's transaction).
    """
    try:
        extracted = _extract(content=content, content_type=content_type)
    except (PyPdfError, ValueError, KeyError, OSError, zipfile.BadZipFile):
        logger.warning("Text extraction failed", exc_info=True)
        extracted = Extracted(text="")
    if (
        ocr
        and ocr_available()
        and needs_ocr(content_type=content_type, extracted=extracted)
    ):
        extracted = Extracted(
            text=_ocr(content=content, content_type=content_type),
            page_count=extracted.page_count,
        )
    return Extracted(
        text=extracted.text[:TEXT_MAX_CHARS], page_count=extracted.page_count
    )


def _extract(*, content: bytes, content_type: str) -> Extracted:
    if content_type == storage.PDF:
        reader = pypdf.PdfReader(io.BytesIO(content))
        pages = [page.extract_text() or "" for page in reader.pages]
        return Extracted(text="\n".join(pages).strip(), page_count=len(pages))
    if content_type == storage.DOCX:
        document = docx.Document(io.BytesIO(content))
        return Extracted(text="\n".join(p.text for p in document.paragraphs))
    if content_type == storage.ODT:
        return Extracted(text="\n".join(_odt_paragraphs(content)))
    if content_type == storage.TEXT:
        return Extracted(text=content.decode("utf-8-sig", errors="replace"))
    return Extracted(text="")


def _odt_paragraphs(content: bytes) -> Iterator[str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        info = archive.getinfo("content.xml")
        if info.file_size > _ODT_CONTENT_MAX:
            return
        # Expat since 2.4 refuses entity-expansion bombs; ODT has no DTD.
        root = ElementTree.fromstring(archive.read(info))  # noqa: S314
    for element in root.iter():
        if element.tag in (f"{{{_ODT_TEXT}}}p", f"{{{_ODT_TEXT}}}h"):
            yield "".join(element.itertext())


def _ocr_image(image: bytes) -> str:
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return ""
    try:
        completed = subprocess.run(  # noqa: S603 - fixed program, no shell
            [tesseract, "-", "-", "-l", "ukr"],
            input=image,
            capture_output=True,
            timeout=_OCR_TIMEOUT_SECONDS,
            check=True,
        )
    except (subprocess.SubprocessError, OSError):
        logger.warning("OCR failed", exc_info=True)
        return ""
    return completed.stdout.decode("utf-8", errors="replace").strip()


# PDFium is not thread-safe (pypdfium2's documentation says so): a threaded
# server rendering two page previews at once crashed the whole process. Every
# use of it goes through ``pdf_opened``, which holds this lock.
_PDFIUM_LOCK = threading.RLock()


@contextmanager
def pdf_opened(content: bytes) -> Iterator[pypdfium2.PdfDocument]:
    """The PDF open in PDFium for this thread alone; closed afterwards."""
    with _PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(content)
        try:
            yield document
        finally:
            document.close()


def _ocr(*, content: bytes, content_type: str) -> str:
    if content_type != storage.PDF:
        return _ocr_image(content)
    with pdf_opened(content) as document:
        pages = [
            render_png(document, index=index, width=1800)
            for index in range(min(len(document), _OCR_PAGES_MAX))
        ]
    return "\n".join(_ocr_image(page) for page in pages).strip()


def render_png(document: pypdfium2.PdfDocument, *, index: int, width: int) -> bytes:
    """One page of a PDF open through ``pdf_opened`` as PNG, ``width`` wide."""
    page = document[index]
    try:
        scale = width / page.get_width()
        bitmap = page.render(scale=scale)
        image = bitmap.to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
    finally:
        page.close()
    return buffer.getvalue()
