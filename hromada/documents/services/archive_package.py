"""The archive package of a permanent case: files plus АЕД metadata XML.

EDMS-26 (Мін'юст 1886/5): the XML root is ``UIO``; building the package
reads only, so it is safe to repeat; ``archive.case_file_archive`` records
the transfer.
"""

import io
import zipfile
from datetime import date
from xml.etree import ElementTree as ET

from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.core.errors import ApplicationError
from hromada.core.storage import file_open
from hromada.documents import permissions
from hromada.documents.models import (
    CaseFile,
    CaseFileStatus,
    Document,
    FileVersion,
    RetentionKind,
)
from hromada.documents.selectors import archive as archive_selectors


def _exportable_check(case_file: CaseFile) -> None:
    if case_file.item.retention_kind != RetentionKind.PERMANENT:
        raise ApplicationError(
            _("Only cases of permanent retention are transferred to the archive."),
            code="case_file_not_permanent",
        )
    if case_file.status not in (CaseFileStatus.CLOSED, CaseFileStatus.ARCHIVED):
        raise ApplicationError(
            _("Close the year of the case before transferring it to the archive."),
            code="case_file_not_closed",
        )


def _zip_info(name: str, on: date) -> zipfile.ZipInfo:
    # A fixed timestamp makes the same case give the same bytes (and hash).
    info = zipfile.ZipInfo(name, date_time=(on.year, on.month, on.day, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _case_element(case_file: CaseFile) -> ET.Element:
    item = case_file.item
    retention = archive_selectors.retention_notation(
        kind=item.retention_kind, years=item.retention_years
    )
    return ET.Element(
        "Case",
        {
            "index": item.case_index,
            "title": item.title,
            "volume": str(case_file.volume),
            "year": str(item.nomenclature.year),
            "unit": item.nomenclature.org_unit.name,
            "closedOn": case_file.closed_on.isoformat() if case_file.closed_on else "",
            "retention": retention,
            "retentionKind": item.retention_kind,
            "article": item.retention_article,
        },
    )


def _document_element(
    document: Document, files: list[tuple[str, FileVersion]]
) -> ET.Element:
    element = ET.Element(
        "Document",
        {
            "number": document.registration_number,
            "date": document.registered_on.isoformat()
            if document.registered_on
            else "",
            "kind": document.kind,
        },
    )
    ET.SubElement(element, "Summary").text = document.summary
    # EDMS-26: 0 open, 1 restricted (ДСК and restricted by law).
    restricted = document.access_level not in permissions.OPEN_LEVELS
    ET.SubElement(element, "Access", {"codeAccess": "1" if restricted else "0"})
    listing = ET.SubElement(element, "Files")
    for path, version in files:
        stored = version.stored_file
        ET.SubElement(
            listing,
            "File",
            {
                "path": path,
                "name": stored.original_name,
                "contentType": stored.content_type,
                "size": str(stored.size),
                "sha256": stored.sha256,
            },
        )
    return element


def _metadata_xml(
    case_file: CaseFile, entries: list[tuple[Document, list[tuple[str, FileVersion]]]]
) -> bytes:
    # EDMS-26 (Мін'юст 1886/5): only the root UIO and Access/@codeAccess are
    # verified; the other element and attribute names are provisional (⚠️).
    root = ET.Element(
        "UIO",
        {
            "formatUIO": "XML",
            "versionUIO": "1.0",
            "codeLanguageUIO": "uk",
            "encodingUIO": "Unicode",
        },
    )
    root.append(_case_element(case_file))
    documents = ET.SubElement(root, "Documents")
    for document, files in entries:
        documents.append(_document_element(document, files))
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml


def archive_package_build(*, case_file: CaseFile) -> bytes:
    """The ZIP of a closed permanent case: current file versions and АЕД XML.

    A read: it changes nothing; ``case_file_archive`` records the transfer.
    """
    case_file = CaseFile.objects.select_related("item__nomenclature__org_unit").get(
        pk=case_file.pk
    )
    _exportable_check(case_file)
    stamp = case_file.closed_on or timezone.localdate()
    entries = archive_selectors.case_file_current_versions(case_file=case_file)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for _document, files in entries:
            for path, version in files:
                with file_open(version.stored_file) as handle:
                    archive.writestr(_zip_info(path, stamp), handle.read())
        archive.writestr(
            _zip_info("metadata.xml", stamp), _metadata_xml(case_file, entries)
        )
    return buffer.getvalue()
