from datetime import UTC, datetime

import pytest
from django.db import transaction

from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    CaseFile,
    CaseFileStatus,
    Document,
    DocumentStatus,
)
from hromada.documents.services import archive as services
from hromada.documents.tests.factories_archive import (
    ArchiveJournalFactory,
    CaseFileFactory,
    NomenclatureFactory,
    NomenclatureItemFactory,
    RegisteredDocumentFactory,
    archivist,
    registrar,
    unit,
)
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory

pytestmark = pytest.mark.django_db
APPROVED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _filed(document):
    with transaction.atomic():
        return services.case_file_for_registration(document=document)


def test_registration_finds_the_case_by_journal_index_and_year():
    # given
    general = unit("01")
    journal = ArchiveJournalFactory.create(org_unit=general, case_index="01-12")
    this_year = NomenclatureFactory.create(
        org_unit=general, year=2026, approved_at=APPROVED
    )
    item = NomenclatureItemFactory.create(nomenclature=this_year, case_index="01-12")
    NomenclatureItemFactory.create(nomenclature=this_year, case_index="01-20")
    last_year = NomenclatureFactory.create(
        org_unit=general, year=2025, approved_at=APPROVED
    )
    NomenclatureItemFactory.create(nomenclature=last_year, case_index="01-12")
    document = RegisteredDocumentFactory.create(journal=journal, registration_year=2026)

    # when
    case_file = _filed(document)

    # then: volume 1 of the 2026 item was opened, and nothing was audited
    assert case_file == CaseFile.objects.get()
    assert (case_file.item, case_file.volume, case_file.status) == (
        item,
        1,
        CaseFileStatus.OPEN,
    )
    assert AuditEvent.objects.exists() is False


def test_registration_reuses_the_open_volume():
    # given
    general = unit("01")
    journal = ArchiveJournalFactory.create(org_unit=general, case_index="01-12")
    item = NomenclatureItemFactory.create(
        nomenclature__org_unit=general, nomenclature__year=2026, case_index="01-12"
    )
    CaseFileFactory.create(item=item, volume=1, status=CaseFileStatus.CLOSED)
    volume_two = CaseFileFactory.create(item=item, volume=2)
    document = RegisteredDocumentFactory.create(journal=journal)

    assert _filed(document) == volume_two
    assert CaseFile.objects.count() == 2


def test_registration_looks_in_the_parent_units_nomenclature():
    # given
    general = unit("01")
    sector = OrgUnitFactory.create(parent=general, unit_index="01.1")
    journal = ArchiveJournalFactory.create(org_unit=sector, case_index="01-20")
    item = NomenclatureItemFactory.create(
        nomenclature__org_unit=general, nomenclature__year=2026, case_index="01-20"
    )
    document = RegisteredDocumentFactory.create(journal=journal)

    assert _filed(document).item == item


def test_approved_nomenclature_wins_over_a_draft_of_a_parent():
    # given: the parent's approved item and the unit's own draft item
    general = unit("01")
    sector = OrgUnitFactory.create(parent=general, unit_index="01.1")
    journal = ArchiveJournalFactory.create(org_unit=sector, case_index="01-20")
    NomenclatureItemFactory.create(
        nomenclature__org_unit=general,
        nomenclature__year=2026,
        nomenclature__approved_at=APPROVED,
        case_index="01-20",
    )
    own = NomenclatureItemFactory.create(
        nomenclature__org_unit=sector, nomenclature__year=2026, case_index="01-20"
    )
    document = RegisteredDocumentFactory.create(journal=journal)

    # then: the nearest unit comes first, even with a draft nomenclature
    assert _filed(document).item == own


@pytest.mark.parametrize("why", ["no case index", "other year", "all volumes closed"])
def test_registration_without_a_case_returns_none(why):
    # given
    general = unit("01")
    journal = ArchiveJournalFactory.create(
        org_unit=general, case_index="" if why == "no case index" else "01-12"
    )
    item = NomenclatureItemFactory.create(
        nomenclature__org_unit=general,
        nomenclature__year=2025 if why == "other year" else 2026,
        case_index="01-12",
    )
    if why == "all volumes closed":
        CaseFileFactory.create(item=item, status=CaseFileStatus.CLOSED)
    document = RegisteredDocumentFactory.create(journal=journal)
    count = CaseFile.objects.count()

    assert _filed(document) is None
    assert CaseFile.objects.count() == count


@pytest.fixture
def case_2026():
    return CaseFileFactory.create(
        item__nomenclature__org_unit=unit("01"),
        item__nomenclature__year=2026,
        item__case_index="01-20",
    )


@pytest.mark.parametrize("who", ["registrar", "archivist"])
def test_registrar_or_archivist_files_a_waiting_card(case_2026, who):
    # given
    actor = registrar() if who == "registrar" else archivist()
    document = RegisteredDocumentFactory.create(journal__org_unit=unit("13"))

    # when
    services.document_file_into_case(
        document=document, case_file=case_2026, actor=actor
    )

    # then
    document.refresh_from_db()
    assert document.case_file == case_2026
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.data) == (
        "documents.document_file",
        actor,
        {"case_file": case_2026.pk, "from": None},
    )


def test_executor_may_not_file_and_nothing_changes(case_2026):
    executor = EmployeeFactory.create(position__org_unit=unit("01")).user
    document = RegisteredDocumentFactory.create(journal__org_unit=unit("01"))

    with pytest.raises(PermissionDeniedError):
        services.document_file_into_case(
            document=document, case_file=case_2026, actor=executor
        )

    document.refresh_from_db()
    assert document.case_file is None
    assert AuditEvent.objects.exists() is False


@pytest.mark.parametrize(
    ("why", "code"),
    [
        ("draft card", "document_not_registered"),
        ("closed case", "case_file_not_open"),
        ("other year", "case_file_other_year"),
    ],
)
def test_manual_filing_refusals(case_2026, why, code):
    # given
    document = RegisteredDocumentFactory.create(
        journal__org_unit=unit("13"),
        registration_year=2025 if why == "other year" else 2026,
    )
    if why == "draft card":
        Document.objects.filter(pk=document.pk).update(status=DocumentStatus.DRAFT)
    if why == "closed case":
        CaseFile.objects.filter(pk=case_2026.pk).update(status=CaseFileStatus.CLOSED)

    # when
    with pytest.raises(ApplicationError) as caught:
        services.document_file_into_case(
            document=document, case_file=case_2026, actor=registrar()
        )

    # then
    document.refresh_from_db()
    assert (caught.value.code, document.case_file) == (code, None)
    assert AuditEvent.objects.exists() is False
