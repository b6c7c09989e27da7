"""Demo PKI, PAdES signing and verification, certificate selectors."""

import asyncio
from datetime import timedelta

import pytest
from cryptography import x509
from django.utils import timezone

from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import ApplicationError
from hromada.core.models import AuditEvent
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory, PositionFactory
from hromada.signatures import pki, selectors, services
from hromada.signatures.models import Certificate
from hromada.signatures.pades import PadesSigner, PadesVerifier
from hromada.signatures.tests.pdf import pdf_with_text

pytestmark = pytest.mark.django_db


def test_a_demo_certificate_names_the_user_and_unit_and_is_signed_by_the_ca():
    # given
    user = UserFactory(last_name="Коваль", first_name="Олена")
    unit = OrgUnitFactory(name="Загальний відділ")
    EmployeeFactory(user=user, position=PositionFactory(org_unit=unit))

    # when
    certificate = services.certificate_issue_demo(user=user)

    # then
    parsed = x509.load_pem_x509_certificate(certificate.certificate_pem.encode())
    authority = Certificate.objects.get(is_authority=True)
    unit_names = parsed.subject.get_attributes_for_oid(
        x509.oid.NameOID.ORGANIZATIONAL_UNIT_NAME
    )
    assert (certificate.subject_cn, unit_names[0].value) == (
        user.get_full_name(),
        "Загальний відділ",
    )
    assert (certificate.issuer_cn, authority.user, authority.subject_cn) == (
        "Вишнева міська рада Demo CA",
        None,
        "Вишнева міська рада Demo CA",
    )
    assert certificate.not_after - certificate.not_before == timedelta(
        days=730, minutes=5
    )
    assert bytes(certificate.key_store) != b""
    assert selectors.certificate_for_user(user=user) == certificate
    assert list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)) == [
        "signatures.authority_issue",
        "signatures.certificate_issue",
    ]


def test_the_demo_ca_is_created_once_and_a_new_certificate_replaces_the_old():
    # given
    user = UserFactory()
    first = services.certificate_issue_demo(user=user)

    # when
    second = services.certificate_issue_demo(user=user)

    # then
    first.refresh_from_db()
    assert Certificate.objects.filter(is_authority=True).count() == 1
    assert (first.is_active, second.is_active) == (False, True)
    assert selectors.certificate_for_user(user=user) == second


def test_the_key_store_is_encrypted_with_the_secret_key(settings):
    # given
    certificate = services.certificate_issue_demo(user=UserFactory())
    settings.SECRET_KEY = "another-secret-key-that-is-long-enough-for-django-1234"

    # when / then
    with pytest.raises(ValueError, match="Invalid password"):
        pki.key_store_unpack(key_store=bytes(certificate.key_store))


def test_issuing_outside_demo_mode_is_refused_and_writes_nothing(settings):
    # given
    settings.HROMADA_DEMO = False
    settings.HROMADA_DEMO_PKI = False
    user = UserFactory()

    # when
    with pytest.raises(ApplicationError) as refused:
        services.certificate_issue_demo(user=user)

    # then
    assert refused.value.code == "demo_pki_refused"
    assert (Certificate.objects.exists(), AuditEvent.objects.exists()) == (False, False)


def test_an_expired_or_inactive_certificate_is_not_offered():
    # given
    user = UserFactory()
    certificate = services.certificate_issue_demo(user=user)

    # when
    Certificate.objects.filter(pk=certificate.pk).update(
        not_after=timezone.now() - timedelta(seconds=1)
    )

    # then
    assert selectors.certificate_for_user(user=user) is None


def test_a_signed_pdf_verifies_as_intact_trusted_and_names_the_signer():
    # given
    user = UserFactory(last_name="Мельник", first_name="Іван")
    certificate = services.certificate_issue_demo(user=user)

    # when
    signed = PadesSigner().sign_pdf(
        pdf=pdf_with_text(),
        certificate=certificate,
        reason="Погоджено",
        location="Вишневе",
    )
    result = PadesVerifier().verify_pdf(pdf=signed)

    # then
    assert (
        result.intact,
        result.trusted,
        result.signer_cn,
        result.signature_count,
    ) == (
        True,
        True,
        user.get_full_name(),
        1,
    )
    assert result.signed_at is not None


def test_a_second_signature_keeps_the_first_valid():
    # given
    first = services.certificate_issue_demo(user=UserFactory())
    second_user = UserFactory(last_name="Шевчук", first_name="Марія")
    second = services.certificate_issue_demo(user=second_user)
    once = PadesSigner().sign_pdf(
        pdf=pdf_with_text(), certificate=first, reason="Візую", location="Вишневе"
    )

    # when
    twice = PadesSigner().sign_pdf(
        pdf=once, certificate=second, reason="Підписую", location="Вишневе"
    )
    result = PadesVerifier().verify_pdf(pdf=twice)

    # then
    assert (
        result.intact,
        result.trusted,
        result.signer_cn,
        result.signature_count,
    ) == (
        True,
        True,
        second_user.get_full_name(),
        2,
    )


def test_one_changed_byte_makes_the_signature_not_intact():
    # given
    certificate = services.certificate_issue_demo(user=UserFactory())
    signed = bytearray(
        PadesSigner().sign_pdf(
            pdf=pdf_with_text("Hromada test document"),
            certificate=certificate,
            reason="",
            location="",
        )
    )
    position = bytes(signed).index(b"Hromada test document")

    # when
    signed[position] = ord("J")
    result = PadesVerifier().verify_pdf(pdf=bytes(signed))

    # then
    assert (result.intact, result.trusted) == (False, False)


def test_a_signature_from_an_unknown_ca_is_intact_but_not_trusted():
    # given
    certificate = services.certificate_issue_demo(user=UserFactory())
    signed = PadesSigner().sign_pdf(
        pdf=pdf_with_text(), certificate=certificate, reason="", location=""
    )

    # when
    Certificate.objects.filter(is_authority=True).update(is_active=False)
    result = PadesVerifier().verify_pdf(pdf=signed)

    # then
    assert (result.intact, result.trusted) == (True, False)


def test_an_unsigned_or_broken_pdf_is_neither_intact_nor_trusted():
    # when
    unsigned = PadesVerifier().verify_pdf(pdf=pdf_with_text())
    broken = PadesVerifier().verify_pdf(pdf=b"%PDF-1.7 nonsense")

    # then
    assert (unsigned.intact, unsigned.trusted, unsigned.summary) == (
        False,
        False,
        "no signature",
    )
    assert (broken.intact, broken.trusted) == (False, False)


def test_a_certificate_without_a_key_on_the_server_cannot_sign():
    # given
    certificate = services.certificate_issue_demo(user=UserFactory())
    Certificate.objects.filter(pk=certificate.pk).update(key_store=b"")
    certificate.refresh_from_db()

    # when
    with pytest.raises(ApplicationError) as refused:
        PadesSigner().sign_pdf(
            pdf=pdf_with_text(), certificate=certificate, reason="", location=""
        )

    # then
    assert refused.value.code == "signature_key_not_on_server"


def test_the_demo_loader_issues_certificates_once(settings):
    # given
    import random

    from hromada.core.demo import DemoContext
    from hromada.signatures import demo

    mayor = UserFactory(email="mayor@vyshneve.example")
    UserFactory(email="head@vyshneve.example")
    context = DemoContext(rng=random.Random(1), password_hash="")

    # when
    demo.load(context)
    demo.load(context)

    # then
    assert Certificate.objects.filter(is_authority=False).count() == 2
    assert selectors.certificate_for_user(user=mayor) is not None
    assert context.log == [
        "signatures: 2 demo certificates",
        "signatures: 0 demo certificates",
    ]


@pytest.mark.django_db(transaction=True)
def test_verification_works_inside_a_running_event_loop():
    # given: pyHanko calls asyncio.run, which a running loop refuses
    certificate = services.certificate_issue_demo(user=UserFactory())
    signed = PadesSigner().sign_pdf(
        pdf=pdf_with_text(),
        certificate=certificate,
        reason="Погоджено",
        location="Вишневе",
    )

    async def verify():
        return PadesVerifier().verify_pdf(pdf=signed)

    # when: an async caller verifies
    result = asyncio.run(verify())

    # then
    assert (result.intact, result.trusted) == (True, True)
