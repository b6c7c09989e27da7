"""Small valid PDFs for the registry's tests."""

import io

from pypdf import PdfWriter


def pdf_bytes() -> bytes:
    """A one-page blank PDF that PDFium opens."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = pdf_bytes()
