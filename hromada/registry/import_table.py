"""Reading a bulk import's metadata table (CSV or XLSX) into typed rows.

The first row names the columns, in Ukrainian or English; one act per row
below it. A row that cannot become an act is rejected with its reason and
the rest go on (``RowError``); a table that cannot be read at all raises
``TableError``.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

import openpyxl
from django.utils.translation import gettext as _

from hromada.core import storage
from hromada.registry.models import ActAccess, ActKind, ActStatus

# Column names as people write them → the field they fill.
COLUMNS = {
    "вид": "kind",
    "kind": "kind",
    "номер": "number",
    "number": "number",
    "дата": "date",
    "date": "date",
    "орган": "issuer",
    "issuer": "issuer",
    "назва": "title",
    "title": "title",
    "текст": "text",
    "text": "text",
    "файл": "file",
    "file": "file",
    "статус": "status",
    "status": "status",
    "чинний з": "effective_from",
    "effective_from": "effective_from",
    "оприлюднено": "published_on",
    "published_on": "published_on",
    "доступ": "access",
    "access": "access",
    "нормативний": "is_normative",
    "is_normative": "is_normative",
    "регуляторний": "is_regulatory",
    "is_regulatory": "is_regulatory",
}
REQUIRED = ("kind", "number", "date", "issuer", "title")
_KIND_WORDS = {
    "рішення ради": ActKind.COUNCIL_DECISION,
    "рішення міської ради": ActKind.COUNCIL_DECISION,
    "рішення виконкому": ActKind.EXECUTIVE_DECISION,
    "рішення виконавчого комітету": ActKind.EXECUTIVE_DECISION,
    "розпорядження": ActKind.MAYOR_ORDER,
    "розпорядження міського голови": ActKind.MAYOR_ORDER,
    "наказ": ActKind.ORDER,
    "інший": ActKind.OTHER,
    "інший акт": ActKind.OTHER,
}
_STATUS_WORDS = {
    "проєкт": ActStatus.DRAFT,
    "проект": ActStatus.DRAFT,
    "чинний": ActStatus.IN_FORCE,
}
_YES = {"так", "yes", "true", "1", "+", "х", "x"}
_NO = {"", "ні", "no", "false", "0", "-"}
_ACCESS_WORDS = {
    "публічний": ActAccess.PUBLIC,
    "відкритий": ActAccess.PUBLIC,
    "внутрішній": ActAccess.INTERNAL,
    "для службового користування": ActAccess.INTERNAL,
}
MAX_ROWS = 100_000


class TableError(Exception):
    """The table as a whole cannot be read; the message is translated."""


class RowError(Exception):
    """One row cannot become an act; the message is translated."""


@dataclass(frozen=True, kw_only=True)
class TableRow:
    """A row of the table as read: its number (2 for the first act) and
    its cells by field name, as text or as the date a spreadsheet stored."""

    line: int
    cells: dict[str, object]


def table_rows(*, content: bytes, content_type: str) -> list[TableRow]:
    """Every row of the table below its header, empty rows left out."""
    if content_type == storage.XLSX:
        records = _xlsx_records(content)
    else:
        records = _csv_records(content)
    header = next(records, None)
    if header is None:
        raise TableError(_("The table is empty."))
    fields = [COLUMNS.get(str(name or "").strip().lower(), "") for name in header]
    missing = [name for name in REQUIRED if name not in fields]
    if missing:
        raise TableError(
            _("The table lacks the columns: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    rows = []
    for line, record in enumerate(records, start=2):
        cells = {
            field: value for field, value in zip(fields, record, strict=False) if field
        }
        if any(_text(value) for value in cells.values()):
            rows.append(TableRow(line=line, cells=cells))
        if len(rows) > MAX_ROWS:
            raise TableError(
                _("A table may have at most %(max)d rows.") % {"max": MAX_ROWS}
            )
    return rows


def _csv_records(content: bytes) -> Iterator[list[object]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError(_("The CSV table is not in UTF-8.")) from None
    try:
        dialect: type[csv.Dialect] = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    yield from csv.reader(io.StringIO(text), dialect)


def _xlsx_records(content: bytes) -> Iterator[list[object]]:
    try:
        book = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=True
        )
    # openpyxl raises many kinds of errors on a broken file.
    except Exception:
        raise TableError(_("The XLSX table cannot be opened.")) from None
    sheet = book.worksheets[0]
    for values in sheet.iter_rows(values_only=True):
        yield list(values)


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def cell_text(row: TableRow, field: str) -> str:
    """The cell as trimmed text, ``""`` when empty."""
    return _text(row.cells.get(field))


def cell_required(row: TableRow, field: str, label: str) -> str:
    """The cell's text, or a rejection naming the column."""
    value = cell_text(row, field)
    if not value:
        raise RowError(_("The column «%(column)s» is empty.") % {"column": label})
    return value


def cell_date(row: TableRow, field: str, label: str) -> date | None:
    """A date written 14.03.2025 or 2025-03-14, or a spreadsheet's date."""
    value = row.cells.get(field)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a day
        except ValueError:
            continue
    raise RowError(
        _(
            "«%(value)s» in the column «%(column)s» is not a date: "
            "write it as 14.03.2025."
        )
        % {"value": text, "column": label}
    )


def cell_kind(row: TableRow) -> ActKind:
    """The kind by its code or its Ukrainian name."""
    text = cell_required(row, "kind", _("kind")).lower()
    kind = _KIND_WORDS.get(text) or (ActKind(text) if text in ActKind.values else None)
    if kind is None:
        raise RowError(_("«%(value)s» is not a kind of act.") % {"value": text})
    return kind


def cell_is_draft(row: TableRow) -> bool:
    """Whether the row's status says the act is a draft (empty: adopted)."""
    text = cell_text(row, "status").lower()
    if text and text not in _STATUS_WORDS and text not in ActStatus.values:
        raise RowError(
            _("«%(value)s» is not a status an import sets.") % {"value": text}
        )
    return _STATUS_WORDS.get(text, text) == ActStatus.DRAFT


def cell_access(row: TableRow) -> ActAccess:
    """Public unless the row says internal."""
    text = cell_text(row, "access").lower()
    if not text:
        return ActAccess.PUBLIC
    access = _ACCESS_WORDS.get(text) or (
        ActAccess(text) if text in ActAccess.values else None
    )
    if access is None:
        raise RowError(_("«%(value)s» is not a level of access.") % {"value": text})
    return access


def cell_flag(row: TableRow, field: str, label: str) -> bool:
    """«так» or «ні» (also yes/no, 1/0, empty for no)."""
    text = cell_text(row, field).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise RowError(
        _("Write «так» or «ні» in the column «%(column)s».") % {"column": label}
    )
