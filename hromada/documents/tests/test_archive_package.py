import hashlib
import io
import zipfile
from datetime import date
from xml.etree import ElementTree as ET

import pytest

from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from hromada.core.models import AuditEvent
from hromada.documents.models import AccessLevel, CaseFileStatus, RetentionKind
from hromada.documents.services import archive as services
from hromada.documents.tests.factories_archive import (
    CaseFileFactory,
    RegisteredDocumentFactory,
    archivist,
    file_version_add,
    registrar,
    unit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def permanent_case():
    return CaseFileFactory.create(
        item__nomenclature__org_unit=unit("01"),
        item__nomenclature__year=2020,
        item__case_index="01-01",
        item__title="Рішення міської ради",
        item__retention_kind=RetentionKind.PERMANENT,
        item__retention_years=None,
        status=CaseFileStatus.CLOSED,
        closed_on=date(2020, 12, 31),
    )


@pytest.fixture
def filed(permanent_case):
    open_card = RegisteredDocumentFactory.create(
        journal__org_unit=unit("01"),
        case_file=permanent_case,
        registration_number="12",
        summary="Про бюджет",
    )
    restricted = RegisteredDocumentFactory.create(
        journal__org_unit=unit("01"),
        case_file=permanent_case,
        registration_number="13",
        access_level=AccessLevel.DSK,
    )
    old = file_version_add(open_card, content=b"%PDF-1.4 draft")
    newer = file_version_add(restricted, content=b"%PDF-1.4 final", name="final.pdf")
    return open_card, restricted, old, newer


def test_package_holds_the_files_and_the_uio_metadata(permanent_case, filed):
    # given
    _open_card, _restricted, first, second = filed

    # when
    package = services.archive_package_build(case_file=permanent_case)

    # then
    archive = zipfile.ZipFile(io.BytesIO(package))
    names = archive.namelist()
    assert names == [
        f"documents/0001/{first.document_file_id}_лист.pdf",
        f"documents/0002/{second.document_file_id}_final.pdf",
        "metadata.xml",
    ]
    assert archive.read(names[0]) == b"%PDF-1.4 draft"
    assert archive.read(names[1]) == b"%PDF-1.4 final"
    root = ET.fromstring(archive.read("metadata.xml"))
    assert (root.tag, root.attrib) == (
        "UIO",
        {
            "formatUIO": "XML",
            "versionUIO": "1.0",
            "codeLanguageUIO": "uk",
            "encodingUIO": "Unicode",
        },
    )
    case = root.find("Case")
    assert (case.get("index"), case.get("retention"), case.get("closedOn")) == (
        "01-01",
        "Пост.",
        "2020-12-31",
    )
    documents = root.findall("Documents/Document")
    assert [
        (d.get("number"), d.find("Access").get("codeAccess")) for d in documents
    ] == [("12", "0"), ("13", "1")]
    assert documents[0].find("Summary").text == "Про бюджет"
    assert documents[1].find("Files/File").get("sha256") == second.stored_file.sha256


def test_package_is_the_same_every_time(permanent_case, filed):
    assert services.archive_package_build(
        case_file=permanent_case
    ) == services.archive_package_build(case_file=permanent_case)


def test_only_the_current_version_is_packed(permanent_case, filed):
    # given: the first card gets a second version
    first = filed[2]
    from hromada.core import storage
    from hromada.documents.models import FileVersion

    stored = storage.file_store(
        content=b"%PDF-1.4 v2",
        name="лист.pdf",
        allowed_types=frozenset({storage.PDF}),
        folder="documents/test",
    )
    FileVersion.objects.create(
        document_file=first.document_file,
        number=2,
        stored_file=stored,
        created_by=first.created_by,
    )

    # when
    archive = zipfile.ZipFile(
        io.BytesIO(services.archive_package_build(case_file=permanent_case))
    )

    # then
    assert archive.read(f"documents/0001/{first.document_file_id}_лист.pdf") == (
        b"%PDF-1.4 v2"
    )


@pytest.mark.parametrize(
    ("why", "code"),
    [("open", "case_file_not_closed"), ("five years", "case_file_not_permanent")],
)
def test_package_only_for_closed_permanent_cases(why, code):
    case_file = CaseFileFactory.create(
        item__nomenclature__org_unit=unit("01"),
        item__retention_kind=RetentionKind.YEARS
        if why == "five years"
        else RetentionKind.PERMANENT,
        item__retention_years=5 if why == "five years" else None,
        status=CaseFileStatus.OPEN if why == "open" else CaseFileStatus.CLOSED,
    )

    with pytest.raises(ApplicationError) as caught:
        services.archive_package_build(case_file=case_file)

    assert caught.value.code == code


def test_archiving_marks_the_case_and_audits_the_package(permanent_case, filed):
    # given
    actor = archivist()

    # when
    package = services.case_file_archive(case_file=permanent_case, actor=actor)

    # then
    permanent_case.refresh_from_db()
    assert permanent_case.status == CaseFileStatus.ARCHIVED
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.data) == (
        "documents.case_file_archive",
        actor,
        {"sha256": hashlib.sha256(package).hexdigest(), "documents": 2},
    )
    with pytest.raises(InvalidTransitionError):
        services.case_file_archive(case_file=permanent_case, actor=actor)


def test_archiving_by_a_registrar_is_refused_and_nothing_changes(permanent_case):
    with pytest.raises(PermissionDeniedError):
        services.case_file_archive(case_file=permanent_case, actor=registrar())

    permanent_case.refresh_from_db()
    assert permanent_case.status == CaseFileStatus.CLOSED
    assert AuditEvent.objects.exists() is False
