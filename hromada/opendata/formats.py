"""The files of a dataset: rows written as CSV, JSON, XLSX and GeoJSON.

Every writer is deterministic: the same rows give the same bytes, so a
refresh can tell changed data from unchanged by the SHA-256 alone. Text is
UTF-8 without a byte-order mark; CSV follows RFC 4180 (comma, CRLF, double
quotes). Dates and times are ISO 8601, times with their offset.
"""

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final

from django.utils import timezone
from django.utils.translation import override, pgettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from hromada.core import storage
from hromada.core.datasets import DatasetColumn, Row
from hromada.opendata.models import ResourceFormat

JSON_TYPE: Final = storage.JSON
GEOJSON_TYPE: Final = storage.GEOJSON
# Fixed in every workbook, so that its bytes depend on the rows alone.
XLSX_EPOCH: Final = datetime(2000, 1, 1)  # noqa: DTZ001 - a constant, no zone
ZIP_EPOCH: Final = (1980, 1, 1, 0, 0, 0)
STRUCTURE_HEADER: Final = (
    pgettext_lazy("dataset structure", "Field"),
    pgettext_lazy("dataset structure", "Title"),
    pgettext_lazy("dataset structure", "Type"),
    pgettext_lazy("dataset structure", "Meaning"),
)


@dataclass(frozen=True, kw_only=True, slots=True)
class FormatInfo:
    """How a format is named, typed and stored."""

    label: str
    content_type: str
    extension: str
    eu_file_type: str


FORMATS: Final = {
    ResourceFormat.CSV: FormatInfo(
        label="CSV", content_type=storage.CSV, extension=".csv", eu_file_type="CSV"
    ),
    ResourceFormat.JSON: FormatInfo(
        label="JSON", content_type=JSON_TYPE, extension=".json", eu_file_type="JSON"
    ),
    ResourceFormat.XLSX: FormatInfo(
        label="XLSX", content_type=storage.XLSX, extension=".xlsx", eu_file_type="XLSX"
    ),
    ResourceFormat.GEOJSON: FormatInfo(
        label="GeoJSON",
        content_type=GEOJSON_TYPE,
        extension=".geojson",
        eu_file_type="GEOJSON",
    ),
}
STORED_TYPES: Final = frozenset(info.content_type for info in FORMATS.values())


def plain(value: object) -> str | int | float | bool | None:
    """A value as JSON and XLSX hold it: numbers and booleans stay,
    dates become ISO 8601, anything else its text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        aware = value if timezone.is_aware(value) else timezone.make_aware(value)
        return timezone.localtime(aware).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _text(value: object) -> str:
    cell = plain(value)
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return str(cell)


def rows_plain(
    columns: Sequence[DatasetColumn], rows: Iterable[Row]
) -> list[dict[str, object]]:
    """The producer's rows with plain values, columns in order; a row's
    ``geometry`` is kept as it is."""
    result = []
    for row in rows:
        item: dict[str, object] = {c.name: plain(row.get(c.name)) for c in columns}
        if "geometry" in row:
            item["geometry"] = row["geometry"]
        result.append(item)
    return result


def csv_bytes(columns: Sequence[DatasetColumn], rows: list[dict[str, object]]) -> bytes:
    """RFC 4180 CSV in UTF-8: a header of column names, then the rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([_text(row[c.name]) for c in columns])
    return buffer.getvalue().encode("utf-8")


def json_bytes(
    columns: Sequence[DatasetColumn], rows: list[dict[str, object]]
) -> bytes:
    """A JSON array of objects keyed by the column names."""
    items = [{c.name: row[c.name] for c in columns} for row in rows]
    return _dumps(items)


def geojson_bytes(
    columns: Sequence[DatasetColumn], rows: list[dict[str, object]]
) -> bytes:
    """A GeoJSON FeatureCollection (RFC 7946, WGS 84); the columns are
    each feature's properties."""
    features = [
        {
            "type": "Feature",
            "geometry": row.get("geometry"),
            "properties": {c.name: row[c.name] for c in columns},
        }
        for row in rows
    ]
    return _dumps({"type": "FeatureCollection", "features": features})


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")


def xlsx_bytes(
    columns: Sequence[DatasetColumn], rows: list[dict[str, object]]
) -> bytes:
    """An XLSX workbook of one sheet: column names in bold, then the rows;
    its dates and archive times are fixed, so equal rows give equal bytes."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = "data"
    sheet.append([c.name for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row[c.name] for c in columns])
    workbook.properties.created = XLSX_EPOCH
    workbook.properties.modified = XLSX_EPOCH
    workbook.properties.creator = ""
    buffer = io.BytesIO()
    # Not workbook.save(): it stamps the moment of saving as the time of
    # change, so a refresh a second later wrote different bytes for the
    # same rows and replaced the file every time.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return _zip_fixed(buffer.getvalue())


def _zip_fixed(archive: bytes) -> bytes:
    """``archive`` again with every member dated ``ZIP_EPOCH``."""
    source = zipfile.ZipFile(io.BytesIO(archive))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as fixed:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            member.compress_type = zipfile.ZIP_DEFLATED
            fixed.writestr(member, source.read(info))
    return target.getvalue()


def structure_bytes(columns: Sequence[DatasetColumn]) -> bytes:
    """The structure file (структура набору даних) as CSV, in Ukrainian:
    each column's name, title, type and description."""
    with override("uk"):
        header = [str(label) for label in STRUCTURE_HEADER]
        rows = [
            [c.name, str(c.title), str(c.type.label), str(c.description)]
            for c in columns
        ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def structure_list(columns: Sequence[DatasetColumn]) -> list[dict[str, str]]:
    """The structure as the passport keeps it, in Ukrainian."""
    with override("uk"):
        return [
            {
                "name": c.name,
                "title": str(c.title),
                "type": c.type.value,
                "type_label": str(c.type.label),
                "description": str(c.description),
            }
            for c in columns
        ]
