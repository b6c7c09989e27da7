"""Atomic file storage: checked kind and size, exact bytes, nothing half-written."""

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from hromada.core import storage
from hromada.core.errors import ValidationError
from hromada.core.models import StoredFile

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
GIF_BYTES = b"GIF89a" + b"\x01\x00\x01\x00" + b"\x00" * 10
TIFF_LE_BYTES = b"II*\x00\x08\x00\x00\x00" + b"\x00" * 10
TIFF_BE_BYTES = b"MM\x00*\x00\x00\x00\x08" + b"\x00" * 10


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX_BYTES = _zip(
    {
        "[Content_Types].xml": (
            b'<Types><Override PartName="/word/document.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "word/document.xml": b"<w:document/>",
    }
)
XLSX_BYTES = _zip(
    {
        "[Content_Types].xml": (
            b'<Types><Override PartName="/xl/workbook.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
        ),
        "xl/workbook.xml": b"<workbook/>",
    }
)
ODT_BYTES = _zip(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}
)


@pytest.fixture
def media(settings) -> Path:
    return Path(settings.MEDIA_ROOT)


def _files_under(root: Path) -> list[Path]:
    return (
        sorted(path for path in root.rglob("*") if path.is_file())
        if root.exists()
        else []
    )


def test_a_pdf_is_stored_with_its_exact_bytes_and_sha256(media):
    # when
    stored = storage.file_store(
        content=PDF_BYTES,
        name="Лист до ради.pdf",
        allowed_types=storage.DOCUMENT_TYPES,
        folder="documents/incoming",
    )

    # then
    stored.refresh_from_db()
    path = media / stored.storage_name
    assert path.read_bytes() == PDF_BYTES
    assert (stored.sha256, stored.size, stored.content_type, stored.original_name) == (
        hashlib.sha256(PDF_BYTES).hexdigest(),
        len(PDF_BYTES),
        "application/pdf",
        "Лист до ради.pdf",
    )
    assert _files_under(media) == [path]
    with storage.file_open(stored) as handle:
        assert handle.read() == PDF_BYTES
    assert storage.file_verify(stored) is True


def test_the_name_is_random_under_the_folder_and_month(media):
    stored = storage.file_store(
        content=PDF_BYTES,
        name="a.PDF",
        allowed_types=storage.DOCUMENT_TYPES,
        folder="appeals",
    )

    parts = Path(stored.storage_name).parts
    assert (parts[0], len(parts[1]), len(parts[2])) == ("appeals", 4, 2)
    assert (Path(parts[3]).suffix, len(Path(parts[3]).stem)) == (".pdf", 32)


def test_two_files_with_the_same_name_never_collide():
    first = storage.file_store(
        content=PDF_BYTES,
        name="scan.pdf",
        allowed_types=storage.DOCUMENT_TYPES,
        folder="appeals",
    )
    second = storage.file_store(
        content=PDF_BYTES,
        name="scan.pdf",
        allowed_types=storage.DOCUMENT_TYPES,
        folder="appeals",
    )

    assert first.storage_name != second.storage_name
    assert StoredFile.objects.count() == 2


@pytest.mark.parametrize(
    ("content", "name", "content_type"),
    [
        (PNG_BYTES, "photo.png", storage.PNG),
        (JPEG_BYTES, "photo.JPEG", storage.JPEG),
        (JPEG_BYTES, "photo.jpg", storage.JPEG),
        (GIF_BYTES, "icon.gif", storage.GIF),
        (TIFF_LE_BYTES, "scan.tif", storage.TIFF),
        (TIFF_BE_BYTES, "scan.TIFF", storage.TIFF),
        (DOCX_BYTES, "letter.docx", storage.DOCX),
        (XLSX_BYTES, "budget.xlsx", storage.XLSX),
        (ODT_BYTES, "draft.odt", storage.ODT),
        ("Рядок тексту\n".encode(), "note.txt", storage.TEXT),
        ("\ufeffномер;сума\n1;2\n".encode(), "table.csv", storage.CSV),
        (b'<?xml version="1.0"?><UIO/>', "export.xml", storage.XML),
    ],
)
def test_each_kind_is_recognised_by_its_bytes(content, name, content_type):
    stored = storage.file_store(
        content=content,
        name=name,
        allowed_types=frozenset(storage.KINDS),
        folder="tests",
    )

    assert (stored.content_type, stored.size) == (content_type, len(content))


def test_an_uploaded_file_is_streamed_in_chunks(media):
    upload = SimpleUploadedFile("big.txt", b"x" * 200_000, content_type="text/plain")

    stored = storage.file_store(
        content=upload,
        name=upload.name,
        allowed_types=frozenset({storage.TEXT}),
        folder="tests",
    )

    assert (media / stored.storage_name).read_bytes() == b"x" * 200_000
    assert stored.sha256 == hashlib.sha256(b"x" * 200_000).hexdigest()


def test_a_file_over_the_limit_is_refused_and_nothing_is_written(media):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        storage.file_store(
            content=PDF_BYTES,
            name="scan.pdf",
            allowed_types=storage.DOCUMENT_TYPES,
            folder="appeals",
            max_bytes=10,
        )

    assert (refused.value.code, refused.value.message) == (
        "file_too_large",
        "“scan.pdf” is larger than the limit of 10\xa0bytes.",
    )
    assert (_files_under(media), StoredFile.objects.exists()) == ([], False)


def test_the_default_limit_comes_from_settings(settings, media):
    settings.HROMADA_UPLOAD_MAX_BYTES = len(PDF_BYTES) - 1

    with pytest.raises(ValidationError) as refused:
        storage.file_store(
            content=PDF_BYTES,
            name="scan.pdf",
            allowed_types=storage.DOCUMENT_TYPES,
            folder="a",
        )

    assert refused.value.code == "file_too_large"


def test_a_stream_without_a_known_size_is_cut_off_at_the_limit(media):
    # given: a stream whose size nobody declared
    class Unsized(io.RawIOBase):
        def __init__(self):
            self.left = 300_000

        def readable(self):
            return True

        def readinto(self, buffer):
            count = min(len(buffer), self.left)
            buffer[:count] = b"y" * count
            self.left -= count
            return count

    # when
    with pytest.raises(ValidationError) as refused:
        storage.file_store(
            content=File(Unsized(), name="stream.txt"),
            name="stream.txt",
            allowed_types=frozenset({storage.TEXT}),
            folder="tests",
            max_bytes=100_000,
        )

    # then: no temporary file is left behind
    assert refused.value.code == "file_too_large"
    assert _files_under(media) == []


def test_a_wrong_kind_is_refused_naming_the_file_and_accepted_kinds(media):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        storage.file_store(
            content=b"MZ\x90\x00",
            name="virus.exe",
            allowed_types=storage.DOCUMENT_TYPES,
            folder="a",
        )

    assert (refused.value.code, refused.value.message) == (
        "file_type_not_allowed",
        "“virus.exe” is not an accepted kind of file. Accepted kinds: PDF document, "
        "OpenDocument text (ODT), Word document (DOCX).",
    )
    assert (_files_under(media), StoredFile.objects.exists()) == ([], False)


def test_a_png_disguised_as_pdf_is_refused_and_no_temp_file_remains(media):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        storage.file_store(
            content=PNG_BYTES,
            name="contract.pdf",
            allowed_types=storage.DOCUMENT_TYPES,
            folder="a",
        )

    assert (refused.value.code, refused.value.message) == (
        "file_content_mismatch",
        "The contents of “contract.pdf” do not match its extension. Accepted kinds: "
        "PDF document, OpenDocument text (ODT), Word document (DOCX).",
    )
    assert (_files_under(media), StoredFile.objects.exists()) == ([], False)


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (XLSX_BYTES, "letter.docx"),
        (DOCX_BYTES, "budget.xlsx"),
        (DOCX_BYTES, "draft.odt"),
        (b"PK\x03\x04 not really a zip", "letter.docx"),
        (b"plain\x00text", "note.txt"),
        (b"\xff\xfe\x00bad utf-8", "table.csv"),
        (b"not xml at all", "export.xml"),
        (PDF_BYTES, "photo.jpg"),
        (PNG_BYTES, "scan.tiff"),
    ],
)
def test_contents_that_do_not_match_the_extension_are_refused(content, name, media):
    with pytest.raises(ValidationError) as refused:
        storage.file_store(
            content=content,
            name=name,
            allowed_types=frozenset(storage.KINDS),
            folder="tests",
        )

    assert refused.value.code == "file_content_mismatch"
    assert _files_under(media) == []


def test_an_empty_file_is_refused(media):
    with pytest.raises(ValidationError) as refused:
        storage.file_store(
            content=b"",
            name="empty.txt",
            allowed_types=frozenset({storage.TEXT}),
            folder="a",
        )

    assert refused.value.code == "file_empty"
    assert _files_under(media) == []


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("../../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\system.pdf", "system.pdf"),
        ("/absolute/path/scan.pdf", "scan.pdf"),
        ("sc\x00an\n.pdf", "scan.pdf"),
    ],
)
def test_a_path_in_the_name_never_reaches_the_storage_path(name, kept, media):
    stored = storage.file_store(
        content=PDF_BYTES,
        name=name,
        allowed_types=storage.DOCUMENT_TYPES,
        folder="appeals",
    )

    path = (media / stored.storage_name).resolve()
    assert stored.original_name == kept
    assert path.is_relative_to((media / "appeals").resolve())
    assert _files_under(media) == [media / stored.storage_name]


@pytest.mark.parametrize("name", ["..", "", "noextension", "dir/"])
def test_a_name_without_an_extension_is_refused(name, media):
    with pytest.raises(ValidationError) as refused:
        storage.file_store(
            content=PDF_BYTES,
            name=name,
            allowed_types=storage.DOCUMENT_TYPES,
            folder="a",
        )

    assert refused.value.code == "file_name_invalid"


@pytest.mark.parametrize("folder", ["../outside", "/abs", "a//b", "Docs", "a/../b", ""])
def test_a_folder_outside_the_pattern_is_a_programming_error(folder):
    with pytest.raises(ValueError, match="Invalid storage folder"):
        storage.file_store(
            content=PDF_BYTES,
            name="a.pdf",
            allowed_types=storage.DOCUMENT_TYPES,
            folder=folder,
        )


def test_an_unknown_allowed_type_is_a_programming_error():
    with pytest.raises(ValueError, match="application/x-msdownload"):
        storage.file_store(
            content=PDF_BYTES,
            name="a.pdf",
            allowed_types=frozenset({"application/x-msdownload"}),
            folder="a",
        )


def test_verify_notices_changed_bytes(media):
    # given
    stored = storage.file_store(
        content=PDF_BYTES,
        name="a.pdf",
        allowed_types=storage.DOCUMENT_TYPES,
        folder="a",
    )

    # when: someone edits the file on disk
    (media / stored.storage_name).write_bytes(PDF_BYTES.replace(b"1.7", b"1.4"))

    # then
    assert storage.file_verify(stored) is False


@pytest.mark.parametrize("mode", [0o600, 0o640])
def test_file_permissions_follow_the_upload_setting(settings, media, mode):
    settings.FILE_UPLOAD_PERMISSIONS = mode

    stored = storage.file_store(
        content=PDF_BYTES,
        name="a.pdf",
        allowed_types=storage.DOCUMENT_TYPES,
        folder="a",
    )

    assert (media / stored.storage_name).stat().st_mode & 0o777 == mode


def test_an_object_store_receives_the_file_through_the_storage_api(settings):
    # given: a storage that is not a local file system, as S3 is not
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }

    # when
    stored = storage.file_store(
        content=ContentFile(PDF_BYTES),
        name="a.pdf",
        allowed_types=storage.DOCUMENT_TYPES,
        folder="a",
    )

    # then
    with storage.file_open(stored) as handle:
        assert handle.read() == PDF_BYTES
    assert storage.file_verify(stored) is True
