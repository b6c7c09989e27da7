"""PDFium is not thread-safe: page previews rendered at once stay apart."""

from concurrent.futures import ThreadPoolExecutor

from hromada.documents import extraction
from hromada.documents.selectors import files as file_selectors
from hromada.documents.tests.factories_files import pdf_with_text

PNG = b"\x89PNG\r\n\x1a\n"


def test_previews_rendered_in_parallel_threads_are_all_whole():
    # given: a browser asks for many page images at once (a threaded server)
    pdfs = [pdf_with_text(f"Сторінка {n}") for n in range(8)]

    def render(index: int) -> bytes:
        return file_selectors._pdf_page_png(pdfs[index % 8], page=1, width=300)

    # when
    with ThreadPoolExecutor(max_workers=8) as pool:
        pngs = list(pool.map(render, range(64)))

    # then: the process is alive and every image is a PNG
    assert all(png.startswith(PNG) for png in pngs)


def test_pdf_opened_holds_the_lock_while_the_document_is_open():
    # given
    content = pdf_with_text("Лист")

    # when
    with extraction.pdf_opened(content) as document:
        held = extraction._PDFIUM_LOCK._is_owned()
        pages = len(document)

    # then
    assert (held, pages) == (True, 1)
    assert extraction._PDFIUM_LOCK._is_owned() is False
