"""Factories of the routes area: cards with file versions, route templates."""

import hashlib
from datetime import timedelta

import factory
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.storage import DOCUMENT_TYPES, file_store
from hromada.documents.models import (
    AccessLevel,
    ApprovalKind,
    Document,
    DocumentFile,
    DocumentKind,
    FileRole,
    FileVersion,
    RouteTemplate,
    RouteTemplateStep,
)
from hromada.org.tests.factories import OrgUnitFactory
from hromada.signatures.models import Certificate


def pdf_bytes(text: str = "draft") -> bytes:
    """A tiny PDF whose bytes (and so SHA-256) differ with ``text``."""
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"% " + text.encode() + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


class RouteDocumentFactory(factory.django.DjangoModelFactory):
    """A draft outgoing letter, internal access."""

    class Meta:
        model = Document

    kind = DocumentKind.OUTGOING
    org_unit = factory.SubFactory(OrgUnitFactory)
    created_by = factory.SubFactory(UserFactory, roles=[Role.EXECUTOR])
    summary = factory.Sequence(lambda n: f"Про ремонт дороги №{n}")
    access_level = AccessLevel.INTERNAL


class DocumentFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentFile

    document = factory.SubFactory(RouteDocumentFactory)
    title = "Лист"
    role = FileRole.MAIN


class FileVersionFactory(factory.django.DjangoModelFactory):
    """A version stored through ``core.storage.file_store`` (a real SHA-256)."""

    class Meta:
        model = FileVersion

    class Params:
        content = factory.Sequence(lambda n: pdf_bytes(f"version {n}"))

    document_file = factory.SubFactory(DocumentFileFactory)
    number = 1
    created_by = factory.SelfAttribute("document_file.document.created_by")
    stored_file = factory.LazyAttribute(
        lambda v: file_store(
            content=v.content,
            name="lyst.pdf",
            allowed_types=DOCUMENT_TYPES,
            folder="documents",
        )
    )


class RouteTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RouteTemplate

    name = factory.Sequence(lambda n: f"Погодження листа №{n}")
    kind = DocumentKind.OUTGOING
    org_unit = None


class RouteTemplateStepFactory(factory.django.DjangoModelFactory):
    """A visa step; pass ``participants=[…]`` to name who acts."""

    class Meta:
        model = RouteTemplateStep
        skip_postgeneration_save = True

    template = factory.SubFactory(RouteTemplateFactory)
    order = factory.Sequence(lambda n: n + 1)
    kind = ApprovalKind.VISA

    @factory.post_generation
    def participants(self, create, extracted, **kwargs):
        if create and extracted:
            self.participants.set(extracted)


class SigningCertificateFactory(factory.django.DjangoModelFactory):
    """A personal certificate valid today: its holder can sign on a route.

    Only the registry row; tests that really sign use the demo PKI.
    """

    class Meta:
        model = Certificate

    user = factory.SubFactory(UserFactory, roles=[Role.UNIT_HEAD])
    subject_cn = factory.LazyAttribute(lambda c: c.user.get_full_name())
    serial_number = factory.Sequence(lambda n: f"{n + 1000:x}")
    issuer_cn = "Тестовий КНЕДП"
    not_before = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    not_after = factory.LazyFunction(lambda: timezone.now() + timedelta(days=365))
    fingerprint_sha256 = factory.Sequence(
        lambda n: hashlib.sha256(f"certificate {n}".encode()).hexdigest()
    )
    certificate_pem = "-----BEGIN CERTIFICATE-----"
