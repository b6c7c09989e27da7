"""Bulk import of acts: a metadata table (CSV or XLSX) and a ZIP of scans.

The keeper uploads both; the import is stored and audited, and a
background run reads the table row by row. Each row is registered through
``acts.act_register`` in its own savepoint, so a bad row (a date that is no
date, an unknown body, a broken PDF, a number already registered) is
rejected with its reason and the rest go on. A PDF without text gets its
text from the text layer, or by OCR when Tesseract is installed.
"""

import logging
import zipfile
from dataclasses import replace
from functools import partial
from pathlib import PurePosixPath
from uuid import UUID

from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from hromada.accounts.models import User
from hromada.core import once, storage
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.documents import extraction
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit
from hromada.registry import import_table, permissions, tasks
from hromada.registry.import_table import RowError, TableError, TableRow
from hromada.registry.models import ActImport, ImportStatus
from hromada.registry.services import acts

logger = logging.getLogger(__name__)

TABLE_TYPES = frozenset({storage.CSV, storage.XLSX})
ARCHIVE_TYPES = frozenset({storage.ZIP})
FOLDER = "registry-imports"
# A ZIP of a year's scans is large; each scan inside is still held to the
# ordinary upload limit.
ARCHIVE_MAX_BYTES = 2 * 1024**3
# The progress bar moves every this many rows (one UPDATE each time).
PROGRESS_EVERY = 20


@transaction.atomic
def act_import_start(
    *,
    actor: User,
    metadata: File[bytes] | bytes,
    metadata_name: str,
    archive: File[bytes] | bytes | None = None,
    archive_name: str = "",
    once_key: UUID | None = None,
) -> ActImport:
    """Store the table and the archive, and queue the import.

    The files' kinds are checked here (a table must be CSV or XLSX, the
    archive a ZIP); the rows are read by the background run.
    """
    if not permissions.can_keep_registry(actor):
        raise PermissionDeniedError(_("The registry of acts is kept by the office."))
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="registry.import_start"
    )
    if earlier is not None:
        return ActImport.objects.get(pk=earlier)
    table = storage.file_store(
        content=metadata,
        name=metadata_name,
        allowed_types=TABLE_TYPES,
        folder=FOLDER,
        uploaded_by=actor,
    )
    stored_archive = None
    if archive is not None:
        stored_archive = storage.file_store(
            content=archive,
            name=archive_name,
            allowed_types=ARCHIVE_TYPES,
            folder=FOLDER,
            max_bytes=ARCHIVE_MAX_BYTES,
            uploaded_by=actor,
        )
    job = ActImport.objects.create(
        created_by=actor, metadata=table, archive=stored_archive
    )
    once.submission_bind(key=once_key, target=job)
    audit_record(
        actor=actor,
        action="registry.import_start",
        target=job,
        data={"table": table.sha256, "archive": getattr(stored_archive, "sha256", "")},
    )
    transaction.on_commit(partial(tasks.act_import_run.enqueue, import_id=job.pk))
    return job


def act_import_run(*, import_id: int) -> ActImport:
    """Read the import's table and register its acts; safe to run twice.

    An import already running or finished is left alone.
    """
    job = _claim(import_id)
    if job is None:
        return ActImport.objects.get(pk=import_id)
    try:
        rows = _read_table(job)
    except TableError as error:
        return _finish(job, failure=str(error))
    ActImport.objects.filter(pk=job.pk).update(total=len(rows))
    scans = _open_archive(job)
    try:
        for index, row in enumerate(rows, start=1):
            _import_row(job, row=row, scans=scans)
            if index % PROGRESS_EVERY == 0:
                _progress(job, processed=index)
    finally:
        if scans is not None:
            scans.close()
    _progress(job, processed=len(rows))
    return _finish(job, failure="")


@transaction.atomic
def _claim(import_id: int) -> ActImport | None:
    job = ActImport.objects.select_for_update().get(pk=import_id)
    if job.status != ImportStatus.WAITING:
        return None
    job.status = ImportStatus.RUNNING
    job.save(update_fields=["status", "updated_at"])
    return job


def _read_table(job: ActImport) -> list[TableRow]:
    with storage.file_open(job.metadata) as handle:
        content = handle.read()
    return import_table.table_rows(
        content=content, content_type=job.metadata.content_type
    )


def _open_archive(job: ActImport) -> zipfile.ZipFile | None:
    if job.archive is None:
        return None
    return zipfile.ZipFile(storage.file_open(job.archive))


def _import_row(
    job: ActImport, *, row: TableRow, scans: zipfile.ZipFile | None
) -> None:
    try:
        with transaction.atomic():
            data = _act_data(row)
            scan, scan_name = _scan(row, scans=scans)
            if scan is not None and not data.text:
                data = _with_text(data, scan=scan)
            acts.act_register(
                actor=job.created_by, data=data, scan=scan, scan_name=scan_name
            )
    except RowError as error:
        _reject(job, row=row, reason=str(error))
    except ApplicationError as error:
        _reject(job, row=row, reason=error.message)
    else:
        job.imported += 1


def _reject(job: ActImport, *, row: TableRow, reason: str) -> None:
    job.report.append(
        {
            "line": row.line,
            "number": import_table.cell_text(row, "number"),
            "reason": reason,
        }
    )


def _act_data(row: TableRow) -> acts.ActData:
    adopted_on = import_table.cell_date(row, "date", _("date"))
    if adopted_on is None:
        raise RowError(_("The column «%(column)s» is empty.") % {"column": _("date")})
    is_normative = import_table.cell_flag(row, "is_normative", _("normative"))
    return acts.ActData(
        kind=import_table.cell_kind(row),
        number=import_table.cell_required(row, "number", _("number")),
        adopted_on=adopted_on,
        issuer=_issuer(
            import_table.cell_required(row, "issuer", pgettext("act", "body"))
        ),
        title=import_table.cell_required(row, "title", pgettext("act", "title")),
        text=import_table.cell_text(row, "text"),
        access=import_table.cell_access(row),
        is_normative=is_normative,
        is_regulatory=import_table.cell_flag(row, "is_regulatory", _("regulatory")),
        is_draft=import_table.cell_is_draft(row),
        published_on=import_table.cell_date(row, "published_on", _("published")),
        effective_from=import_table.cell_date(
            row, "effective_from", _("in force from")
        ),
    )


def _issuer(text: str) -> OrgUnit:
    """The body by its name or short name, in any case."""
    unit = (
        org_selectors.org_unit_list_active()
        .filter(Q(name__iexact=text) | Q(short_name__iexact=text))
        .first()
    )
    if unit is None:
        raise RowError(_("There is no body «%(value)s».") % {"value": text})
    return unit


def _scan(row: TableRow, *, scans: zipfile.ZipFile | None) -> tuple[bytes | None, str]:
    name = import_table.cell_text(row, "file")
    if not name:
        return None, ""
    if scans is None:
        raise RowError(_("The row names a file, but no archive of scans was given."))
    member = _member(scans, name)
    if member is None:
        raise RowError(_("The archive has no file «%(name)s».") % {"name": name})
    content = scans.read(member)
    if not acts.pdf_is_readable(content):
        raise RowError(
            _("The file «%(name)s» is damaged: it does not open as a PDF.")
            % {"name": name}
        )
    return content, PurePosixPath(member.filename).name


def _member(scans: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    """The archive's file called ``name``, in any folder of it."""
    wanted = name.strip().lower()
    for member in scans.infolist():
        path = PurePosixPath(member.filename)
        if not member.is_dir() and wanted in {str(path).lower(), path.name.lower()}:
            return member
    return None


def _with_text(data: acts.ActData, *, scan: bytes) -> acts.ActData:
    extracted = extraction.extract(content=scan, content_type=storage.PDF, ocr=True)
    return replace(data, text=extracted.text.strip())


def _progress(job: ActImport, *, processed: int) -> None:
    """Write how far the run got, for the progress bar: one UPDATE."""
    ActImport.objects.filter(pk=job.pk).update(
        processed=processed, imported=job.imported, report=job.report
    )


@transaction.atomic
def _finish(job: ActImport, *, failure: str) -> ActImport:
    locked = ActImport.objects.select_for_update().get(pk=job.pk)
    locked.status = ImportStatus.FAILED if failure else ImportStatus.DONE
    locked.failure = failure[:500]
    locked.finished_at = timezone.now()
    locked.save(update_fields=["status", "failure", "finished_at", "updated_at"])
    audit_record(
        actor=None,
        action="registry.import_finish",
        target=locked,
        data={
            "status": locked.status,
            "imported": locked.imported,
            "rejected": len(locked.report),
        },
    )
    if failure:
        logger.info("Import %s failed: %s", locked.pk, failure)
    return locked
