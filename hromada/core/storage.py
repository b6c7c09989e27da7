"""Atomic file storage: validated, hashed, never half-written.

ARCHITECTURE.md §1: every stored file has a SHA-256 and every write is
atomic. Every room stores uploads and generated files through
``file_store``; the ``StoredFile`` row it returns carries the SHA-256 that
signatures and approvals bind to (EDMS-15).
"""

import codecs
import hashlib
import json
import os
import re
import tempfile
import uuid
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hromada.core.errors import ValidationError
from hromada.core.models import StoredFile

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
TIFF = "image/tiff"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
TEXT = "text/plain"
CSV = "text/csv"
XML = "application/xml"
ZIP = "application/zip"
JSON = "application/json"
GEOJSON = "application/geo+json"

DOCUMENT_TYPES = frozenset({PDF, DOCX, ODT})
IMAGE_TYPES = frozenset({PNG, JPEG, GIF})
SPREADSHEET_TYPES = frozenset({XLSX, CSV})

CHUNK = 64 * 1024
_FOLDER = re.compile(r"[a-z0-9_-]+(/[a-z0-9_-]+)*")
# Control characters never belong in a file name that people read.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Members of an office file that are read to tell its kind; bigger ones are
# not opened, so a zip bomb costs nothing.
_MEMBER_MAX = 1024 * 1024


@dataclass(frozen=True, kw_only=True, slots=True)
class FileKind:
    """A kind of file that rooms may accept: MIME type, extensions, check."""

    content_type: str
    extensions: tuple[str, ...]
    label: "StrOrPromise"
    matches: Callable[[Path], bool]


def _head(path: Path, size: int = 1024) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


def _is_pdf(path: Path) -> bool:
    # Readers accept the header anywhere in the first kilobyte.
    return b"%PDF-" in _head(path)


def _is_png(path: Path) -> bool:
    return _head(path, 8) == b"\x89PNG\r\n\x1a\n"


def _is_jpeg(path: Path) -> bool:
    return _head(path, 3) == b"\xff\xd8\xff"


def _is_gif(path: Path) -> bool:
    return _head(path, 6) in (b"GIF87a", b"GIF89a")


def _is_tiff(path: Path) -> bool:
    # Little-endian "II*\0" or big-endian "MM\0*" (TIFF 6.0, section 2).
    return _head(path, 4) in (b"II*\x00", b"MM\x00*")


def _zip_member(path: Path, name: str) -> bytes | None:
    if not zipfile.is_zipfile(path):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(name)
            if info.file_size > _MEMBER_MAX:
                return None
            return archive.read(info)
    except (KeyError, zipfile.BadZipFile, zipfile.LargeZipFile, OSError):
        return None


def _office_open_xml(main_type: str) -> Callable[[Path], bool]:
    # [Content_Types].xml names the main part's type, which tells a Word
    # document from a workbook though both are ZIP archives.
    def matches(path: Path) -> bool:
        types = _zip_member(path, "[Content_Types].xml")
        return types is not None and main_type.encode() in types

    return matches


def _is_odt(path: Path) -> bool:
    # OpenDocument: a first, stored member "mimetype" holding the type.
    return _zip_member(path, "mimetype") == ODT.encode()


def _utf8_chunks(path: Path) -> Iterator[str] | None:
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    parts: list[str] = []
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                if b"\x00" in chunk:
                    return None
                parts.append(decoder.decode(chunk))
            parts.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        return None
    return iter(parts)


def _is_text(path: Path) -> bool:
    return _utf8_chunks(path) is not None


def _is_json(path: Path) -> bool:
    try:
        json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return True


def _is_zip(path: Path) -> bool:
    return zipfile.is_zipfile(path)


def _is_xml(path: Path) -> bool:
    chunks = _utf8_chunks(path)
    return chunks is not None and next(chunks, "").lstrip().startswith("<")


KINDS: dict[str, FileKind] = {
    kind.content_type: kind
    for kind in (
        FileKind(
            content_type=PDF,
            extensions=(".pdf",),
            label=gettext_lazy("PDF document"),
            matches=_is_pdf,
        ),
        FileKind(
            content_type=PNG,
            extensions=(".png",),
            label=gettext_lazy("PNG image"),
            matches=_is_png,
        ),
        FileKind(
            content_type=JPEG,
            extensions=(".jpg", ".jpeg"),
            label=gettext_lazy("JPEG image"),
            matches=_is_jpeg,
        ),
        FileKind(
            content_type=GIF,
            extensions=(".gif",),
            label=gettext_lazy("GIF image"),
            matches=_is_gif,
        ),
        FileKind(
            content_type=TIFF,
            extensions=(".tif", ".tiff"),
            label=gettext_lazy("TIFF image"),
            matches=_is_tiff,
        ),
        FileKind(
            content_type=DOCX,
            extensions=(".docx",),
            label=gettext_lazy("Word document (DOCX)"),
            matches=_office_open_xml(
                "application/vnd.openxmlformats-officedocument."
                "wordprocessingml.document.main+xml"
            ),
        ),
        FileKind(
            content_type=XLSX,
            extensions=(".xlsx",),
            label=gettext_lazy("Excel workbook (XLSX)"),
            matches=_office_open_xml(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
            ),
        ),
        FileKind(
            content_type=ODT,
            extensions=(".odt",),
            label=gettext_lazy("OpenDocument text (ODT)"),
            matches=_is_odt,
        ),
        FileKind(
            content_type=TEXT,
            extensions=(".txt",),
            label=gettext_lazy("plain text (TXT)"),
            matches=_is_text,
        ),
        FileKind(
            content_type=CSV,
            extensions=(".csv",),
            label=gettext_lazy("CSV table"),
            matches=_is_text,
        ),
        FileKind(
            content_type=JSON,
            extensions=(".json",),
            label=gettext_lazy("JSON file"),
            matches=_is_json,
        ),
        FileKind(
            content_type=GEOJSON,
            extensions=(".geojson",),
            label=gettext_lazy("GeoJSON file"),
            matches=_is_json,
        ),
        FileKind(
            content_type=ZIP,
            extensions=(".zip",),
            label=gettext_lazy("ZIP archive"),
            matches=_is_zip,
        ),
        FileKind(
            content_type=XML,
            extensions=(".xml",),
            label=gettext_lazy("XML file"),
            matches=_is_xml,
        ),
    )
}


@dataclass(frozen=True, kw_only=True, slots=True)
class _Written:
    path: Path
    size: int
    sha256: str


def file_store(
    *,
    content: File | bytes,
    name: str,
    allowed_types: frozenset[str],
    folder: str,
    max_bytes: int | None = None,
    uploaded_by: AbstractBaseUser | None = None,
) -> StoredFile:
    """Validate ``content``, write it atomically and record a ``StoredFile``.

    The kind is checked by extension and by the bytes themselves; a refusal
    raises ``ValidationError`` and writes nothing. The file lands under
    ``folder/YYYY/MM/`` with a random name. A building block called inside
    a room's service, which writes the audit event; if that transaction
    rolls back, the file stays behind as an orphan without a row.
    """
    kinds = _kinds(allowed_types)
    if not _FOLDER.fullmatch(folder):
        raise ValueError(f"Invalid storage folder {folder!r}")
    original = _clean_name(name)
    kind = _kind_for(original, kinds)
    limit = settings.HROMADA_UPLOAD_MAX_BYTES if max_bytes is None else max_bytes
    file = ContentFile(content) if isinstance(content, bytes) else content
    _check_declared_size(file, original=original, limit=limit)
    extension = Path(original).suffix.lower()
    storage_name = (
        f"{folder}/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}{extension}"
    )
    storage_name, written = _write(
        default_storage,
        file=file,
        storage_name=storage_name,
        original=original,
        kinds=kinds,
        limit=limit,
    )
    return StoredFile.objects.create(
        storage_name=storage_name,
        original_name=original,
        content_type=kind.content_type,
        size=written.size,
        sha256=written.sha256,
        uploaded_by_id=uploaded_by.pk if uploaded_by is not None else None,
    )


def file_open(stored: StoredFile) -> File:
    """Open a stored file for reading in binary mode; the caller closes it."""
    return default_storage.open(stored.storage_name, "rb")


def file_verify(stored: StoredFile) -> bool:
    """Whether the stored bytes still have the recorded size and SHA-256."""
    digest = hashlib.sha256()
    size = 0
    with file_open(stored) as handle:
        for chunk in handle.chunks(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size == stored.size and digest.hexdigest() == stored.sha256


def _kinds(allowed_types: frozenset[str]) -> list[FileKind]:
    unknown = sorted(set(allowed_types) - set(KINDS))
    if unknown or not allowed_types:
        raise ValueError(f"No file check is defined for {unknown or 'an empty set'}")
    return [KINDS[content_type] for content_type in sorted(allowed_types)]


def _clean_name(name: str) -> str:
    # Only the last segment counts, whatever separator a client used, so a
    # name never reaches the storage path (it is kept for people only).
    base = _CONTROL.sub("", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    if base in ("", ".", "..") or not Path(base).suffix:
        raise ValidationError(
            _("A file needs a name with an extension, for example “letter.pdf”."),
            code="file_name_invalid",
        )
    return base[-255:]


def _labels(kinds: list[FileKind]) -> str:
    return ", ".join(str(kind.label) for kind in kinds)


def _kind_for(original: str, kinds: list[FileKind]) -> FileKind:
    extension = Path(original).suffix.lower()
    for kind in kinds:
        if extension in kind.extensions:
            return kind
    raise ValidationError(
        _("“%(name)s” is not an accepted kind of file. Accepted kinds: %(kinds)s.")
        % {"name": original, "kinds": _labels(kinds)},
        code="file_type_not_allowed",
    )


def _too_large(original: str, limit: int) -> ValidationError:
    return ValidationError(
        _("“%(name)s” is larger than the limit of %(limit)s.")
        % {"name": original, "limit": filesizeformat(limit)},
        code="file_too_large",
    )


def _check_declared_size(file: File, *, original: str, limit: int) -> None:
    try:
        size = file.size
    except (AttributeError, OSError, TypeError):
        return
    if size is not None and size > limit:
        raise _too_large(original, limit)


@contextmanager
def _temporary(directory: Path | None) -> Iterator[tuple[IO[bytes], Path]]:
    # In the target directory the final rename stays on one file system.
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below
        dir=directory, prefix=".upload-", suffix=".part", delete=False
    )
    path = Path(handle.name)
    try:
        yield handle, path
    finally:
        handle.close()
        path.unlink(missing_ok=True)


def _copy(file: File, handle: IO[bytes], *, original: str, limit: int) -> _Written:
    digest = hashlib.sha256()
    size = 0
    for chunk in file.chunks(CHUNK):
        size += len(chunk)
        if size > limit:
            raise _too_large(original, limit)
        digest.update(chunk)
        handle.write(chunk)
    if size == 0:
        raise ValidationError(
            _("“%(name)s” is empty.") % {"name": original}, code="file_empty"
        )
    handle.flush()
    os.fsync(handle.fileno())
    return _Written(path=Path(handle.name), size=size, sha256=digest.hexdigest())


def _write(
    storage: Storage,
    *,
    file: File,
    storage_name: str,
    original: str,
    kinds: list[FileKind],
    limit: int,
) -> tuple[str, _Written]:
    local = storage if isinstance(storage, FileSystemStorage) else None
    target = Path(local.path(storage_name)) if local is not None else None
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
    with _temporary(target.parent if target is not None else None) as (handle, path):
        written = _copy(file, handle, original=original, limit=limit)
        _check_contents(path, original=original, kinds=kinds)
        if local is None or target is None:
            # Object stores write a whole object or nothing.
            handle.seek(0)
            return storage.save(storage_name, File(handle)), written
        _publish(path, target, mode=local.file_permissions_mode)
    return storage_name, written


def _check_contents(path: Path, *, original: str, kinds: list[FileKind]) -> None:
    kind = _kind_for(original, kinds)
    if not kind.matches(path):
        raise ValidationError(
            _(
                "The contents of “%(name)s” do not match its extension. "
                "Accepted kinds: %(kinds)s."
            )
            % {"name": original, "kinds": _labels(kinds)},
            code="file_content_mismatch",
        )


def _publish(path: Path, target: Path, *, mode: int | None) -> None:
    # FILE_UPLOAD_PERMISSIONS decides, as for any Django upload; without it
    # the owner and the service's group only, as personal data may be inside.
    path.chmod(mode if mode is not None else 0o640)
    os.replace(path, target)
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
