"""Factories of the archive area: nomenclatures, items, cases, filed cards."""

from datetime import date

import factory

from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core import storage
from hromada.documents.models import (
    CaseFile,
    Document,
    DocumentFile,
    DocumentKind,
    DocumentStatus,
    FileVersion,
    Journal,
    Nomenclature,
    NomenclatureItem,
    RetentionKind,
)
from hromada.org.models import OrgUnit
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory


class ArchiveJournalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Journal

    name = factory.Sequence(lambda n: f"Журнал вхідних №{n}")
    kind = DocumentKind.INCOMING
    org_unit = factory.SubFactory(OrgUnitFactory)


class RegisteredDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    kind = DocumentKind.INCOMING
    status = DocumentStatus.REGISTERED
    journal = factory.SubFactory(ArchiveJournalFactory)
    org_unit = factory.SelfAttribute("journal.org_unit")
    created_by = factory.SubFactory(UserFactory, roles=[Role.REGISTRAR])
    registration_year = 2026
    registration_seq = factory.Sequence(lambda n: n + 1)
    registration_number = factory.LazyAttribute(lambda d: str(d.registration_seq))
    registered_on = factory.LazyAttribute(lambda d: date(d.registration_year, 3, 2))
    summary = factory.Sequence(lambda n: f"Про ремонт під'їзду №{n}")


class NomenclatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomenclature
        django_get_or_create = ("year", "org_unit")

    year = 2026
    org_unit = factory.SubFactory(OrgUnitFactory)


class NomenclatureItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NomenclatureItem

    nomenclature = factory.SubFactory(NomenclatureFactory)
    case_index = factory.LazyAttributeSequence(
        lambda i, n: f"{i.nomenclature.org_unit.unit_index}-{n + 1:02d}"
    )
    title = factory.Sequence(lambda n: f"Листування №{n}")
    retention_kind = RetentionKind.YEARS
    retention_years = 5


class CaseFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseFile

    item = factory.SubFactory(NomenclatureItemFactory)


def file_version_add(
    document: Document, *, content: bytes = b"%PDF-1.4 test", name: str = "лист.pdf"
) -> FileVersion:
    """Give ``document`` one file with one stored version (real bytes)."""
    stored = storage.file_store(
        content=content,
        name=name,
        allowed_types=frozenset({storage.PDF}),
        folder="documents/test",
    )
    document_file = DocumentFile.objects.create(document=document, title=name)
    return FileVersion.objects.create(
        document_file=document_file,
        number=1,
        stored_file=stored,
        created_by=document.created_by,
    )


def unit(index: str, **fields: object) -> OrgUnit:
    """The unit with ``index``, created once (indexes are unique)."""
    existing = OrgUnit.objects.filter(unit_index=index).first()
    return existing or OrgUnitFactory.create(unit_index=index, **fields)


def archivist() -> User:
    """An employee of the archive department (unit 22)."""
    return EmployeeFactory.create(position__org_unit=unit("22")).user


def general_department_head() -> User:
    """The head of the general department (unit 01)."""
    return EmployeeFactory.create(
        position__org_unit=unit("01"), position__is_head=True
    ).user


def registrar() -> User:
    """An office registrar (role only, no archive post)."""
    return UserFactory.create(roles=[Role.REGISTRAR])
