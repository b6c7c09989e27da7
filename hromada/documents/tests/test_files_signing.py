"""Signing a PDF version of a card's file with PAdES, and verifying it."""

import pytest

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core import storage
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import AuditEvent, StoredFile
from hromada.documents.models import (
    ApprovalKind,
    ApprovalRoute,
    ApprovalStep,
    ApprovalStepStatus,
    ApprovalTask,
    DocumentFile,
    FileRole,
    FileVersion,
)
from hromada.documents.services import signing
from hromada.documents.tests.factories_cards import DocumentFactory
from hromada.documents.tests.factories_files import (
    docx_bytes,
    file_with_version,
    pdf_with_text,
)
from hromada.signatures import services as signature_services
from hromada.signatures.models import Signature

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo_pki(settings):
    settings.HROMADA_DEMO_PKI = True


def _version(document, content=None, name="letter.pdf"):
    document_file = file_with_version(document=document, content=content, name=name)
    return FileVersion.objects.get(document_file=document_file)


def test_the_signatory_signs_and_the_signed_copy_verifies():
    # given
    mayor = UserFactory(roles=[Role.MAYOR], last_name="Бондар", first_name="Петро")
    signature_services.certificate_issue_demo(user=mayor)
    document = DocumentFactory(signatory=mayor)
    version = _version(document, pdf_with_text("Order 1"))

    # when
    signed = signing.file_version_sign(
        version=version, signer=mayor, reason="Затверджую"
    )

    # then
    assert (signed.document_file.role, signed.number, signed.document_file.title) == (
        FileRole.SIGNED,
        1,
        version.document_file.title,
    )
    result = signing.file_version_verify(version=signed)
    assert (result.intact, result.trusted, result.signer_cn) == (
        True,
        True,
        mayor.get_full_name(),
    )
    signature = Signature.objects.get()
    assert (
        signature.signer,
        signature.source_sha256,
        signature.signed_sha256,
        signature.is_valid,
    ) == (mayor, version.sha256, signed.sha256, True)
    event = AuditEvent.objects.get(action="documents.sign")
    assert (event.data["source_sha256"], event.data["signed_sha256"]) == (
        version.sha256,
        signed.sha256,
    )
    assert signed.text == "Order 1"


def test_a_second_signature_is_a_new_version_of_the_signed_copy():
    # given
    mayor = UserFactory(roles=[Role.MAYOR])
    signature_services.certificate_issue_demo(user=mayor)
    document = DocumentFactory(signatory=mayor)
    first = signing.file_version_sign(
        version=_version(document), signer=mayor, reason=""
    )

    # when
    second = signing.file_version_sign(version=first, signer=mayor, reason="")

    # then
    assert (second.document_file_id, second.number) == (first.document_file_id, 2)
    assert signing.file_version_verify(version=second).signature_count == 2


def test_a_participant_of_an_active_sign_step_may_sign_that_version():
    # given
    signer = UserFactory(roles=[Role.DEPUTY_MAYOR])
    signature_services.certificate_issue_demo(user=signer)
    document = DocumentFactory()
    version = _version(document)
    route = ApprovalRoute.objects.create(
        document=document, file_version=version, started_by=document.created_by
    )
    step = ApprovalStep.objects.create(
        route=route, order=1, kind=ApprovalKind.SIGN, status=ApprovalStepStatus.ACTIVE
    )
    ApprovalTask.objects.create(step=step, participant=signer)

    # when
    signed = signing.file_version_sign(version=version, signer=signer, reason="")

    # then: the draft's empty «Підписант» now names the signer
    assert signed.document_file.role == FileRole.SIGNED
    document.refresh_from_db()
    assert document.signatory == signer
    event = AuditEvent.objects.get(action="documents.sign")
    assert event.data["signatory_set"] is True


def test_signing_keeps_the_signatory_already_on_the_card():
    # given: the mayor is the signatory; a deputy signs on a route (a visa copy)
    mayor, deputy = UserFactory(roles=[Role.MAYOR]), UserFactory(roles=[Role.MAYOR])
    signature_services.certificate_issue_demo(user=deputy)
    document = DocumentFactory(signatory=mayor)
    version = _version(document)
    route = ApprovalRoute.objects.create(
        document=document, file_version=version, started_by=document.created_by
    )
    step = ApprovalStep.objects.create(
        route=route, order=1, kind=ApprovalKind.SIGN, status=ApprovalStepStatus.ACTIVE
    )
    ApprovalTask.objects.create(step=step, participant=deputy)

    # when
    signing.file_version_sign(version=version, signer=deputy, reason="")

    # then
    document.refresh_from_db()
    assert document.signatory == mayor
    event = AuditEvent.objects.get(action="documents.sign")
    assert event.data["signatory_set"] is False


def _nothing_written(before_files, before_stored):
    return (
        DocumentFile.objects.count() - before_files,
        StoredFile.objects.count() - before_stored,
        Signature.objects.count(),
        AuditEvent.objects.filter(action="documents.sign").count(),
    ) == (0, 0, 0, 0)


def test_signing_a_docx_is_refused():
    # given
    mayor = UserFactory(roles=[Role.MAYOR])
    signature_services.certificate_issue_demo(user=mayor)
    document = DocumentFactory(signatory=mayor)
    version = _version(document, docx_bytes("Наказ"), "order.docx")
    before = (DocumentFile.objects.count(), StoredFile.objects.count())

    # when
    with pytest.raises(ApplicationError) as refused:
        signing.file_version_sign(version=version, signer=mayor, reason="")

    # then
    assert (refused.value.code, refused.value.message) == (
        "sign_not_pdf",
        "Підписати можна лише PDF.",
    )
    assert _nothing_written(*before)


def test_a_signer_without_a_certificate_is_refused():
    # given
    mayor = UserFactory(roles=[Role.MAYOR])
    document = DocumentFactory(signatory=mayor)
    version = _version(document)
    before = (DocumentFile.objects.count(), StoredFile.objects.count())

    # when
    with pytest.raises(ApplicationError) as refused:
        signing.file_version_sign(version=version, signer=mayor, reason="")

    # then
    assert refused.value.code == "sign_no_certificate"
    assert _nothing_written(*before)


def test_an_unrelated_user_is_refused_with_nothing_written():
    # given
    stranger = UserFactory(roles=[Role.MAYOR])
    signature_services.certificate_issue_demo(user=stranger)
    document = DocumentFactory(signatory=UserFactory(roles=[Role.MAYOR]))
    version = _version(document)
    before = (DocumentFile.objects.count(), StoredFile.objects.count())

    # when
    with pytest.raises(PermissionDeniedError) as refused:
        signing.file_version_sign(version=version, signer=stranger, reason="")

    # then
    assert refused.value.code == "sign_denied"
    assert _nothing_written(*before)


def test_a_tampered_signed_copy_is_not_intact(settings):
    # given
    mayor = UserFactory(roles=[Role.MAYOR])
    signature_services.certificate_issue_demo(user=mayor)
    document = DocumentFactory(signatory=mayor)
    signed = signing.file_version_sign(
        version=_version(document, pdf_with_text("Hromada order")),
        signer=mayor,
        reason="",
    )
    path = settings.MEDIA_ROOT / signed.stored_file.storage_name
    content = bytearray(path.read_bytes())
    content[content.index(b"Hromada order")] = ord("J")
    path.write_bytes(bytes(content))

    # when
    result = signing.file_version_verify(version=signed)

    # then
    assert (result.intact, result.trusted) == (False, False)
    assert storage.file_verify(signed.stored_file) is False
