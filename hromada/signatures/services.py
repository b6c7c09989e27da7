"""Writes of the signatures room: demo certificates and signature records."""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError
from hromada.core.models import StoredFile
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit
from hromada.signatures import pki
from hromada.signatures.interfaces import VerificationResult
from hromada.signatures.models import Certificate, Signature, SignatureLevel


def _authority_name() -> str:
    return f"{settings.CITY_NAME} Demo CA"


def _demo_allowed() -> None:
    # Tests opt in with HROMADA_DEMO_PKI; production never issues keys.
    allowed = settings.HROMADA_DEMO or getattr(settings, "HROMADA_DEMO_PKI", False)
    if settings.IS_PRODUCTION or not allowed:
        raise ApplicationError(
            _(
                "Demo certificates can be issued only in demo mode. A qualified "
                "signature is made in the signer's own tool."
            ),
            code="demo_pki_refused",
        )


def _certificate_save(
    *, issued: pki.Issued, user: User | None, is_authority: bool
) -> Certificate:
    certificate = issued.certificate
    return Certificate.objects.create(
        user=user,
        is_authority=is_authority,
        subject_cn=pki.common_name(certificate.subject),
        serial_number=format(certificate.serial_number, "x"),
        issuer_cn=pki.common_name(certificate.issuer),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        fingerprint_sha256=pki.fingerprint(certificate),
        certificate_pem=pki.pem(certificate),
        key_store=pki.key_store_pack(issued),
    )


def _authority() -> pki.Issued:
    stored = (
        Certificate.objects.select_for_update()
        .filter(is_authority=True, is_active=True, subject_cn=_authority_name())
        .exclude(key_store=b"")
        .order_by("pk")
        .first()
    )
    if stored is not None:
        return pki.key_store_unpack(key_store=bytes(stored.key_store))
    issued = pki.authority_issue(common_name=_authority_name(), now=timezone.now())
    created = _certificate_save(issued=issued, user=None, is_authority=True)
    audit_record(
        actor=None,
        action="signatures.authority_issue",
        target=created,
        data={"fingerprint_sha256": created.fingerprint_sha256},
    )
    return issued


def _unit_name(user: User) -> str:
    unit_ids = org_selectors.org_unit_ids_for_user(user=user)
    unit = OrgUnit.objects.filter(pk__in=unit_ids).order_by("name").first()
    return unit.name if unit is not None else ""


@transaction.atomic
def certificate_issue_demo(*, user: User) -> Certificate:
    """Issue a DEMO signing certificate for ``user`` from the demo CA.

    Demo mode (or tests with ``HROMADA_DEMO_PKI``) only; the CA is created on
    first use. The user's earlier certificates are deactivated. No human
    actor: the demo loader is the authority.
    """
    _demo_allowed()
    authority = _authority()
    issued = pki.person_issue(
        authority=authority,
        common_name=user.get_full_name() or user.email,
        unit=_unit_name(user),
        now=timezone.now(),
    )
    Certificate.objects.filter(user=user, is_active=True).update(
        is_active=False, updated_at=timezone.now()
    )
    certificate = _certificate_save(issued=issued, user=user, is_authority=False)
    audit_record(
        actor=None,
        action="signatures.certificate_issue",
        target=certificate,
        data={
            "user_id": user.pk,
            "fingerprint_sha256": certificate.fingerprint_sha256,
            "demo": True,
        },
    )
    return certificate


@transaction.atomic
def signature_record(
    *,
    stored_file: StoredFile,
    certificate: Certificate,
    signer: User,
    signed_at: datetime,
    source_sha256: str,
    result: VerificationResult,
    level: SignatureLevel = SignatureLevel.B_B,
) -> Signature:
    """Record a signature made in ``stored_file`` and how it validated.

    A building block of the calling room's signing service, which checks
    permission and writes the audit event.
    """
    return Signature.objects.create(
        stored_file=stored_file,
        certificate=certificate,
        signer=signer,
        signed_at=signed_at,
        source_sha256=source_sha256,
        signed_sha256=stored_file.sha256,
        level=level,
        is_valid=result.intact and result.trusted,
        validation_summary={
            "intact": result.intact,
            "trusted": result.trusted,
            "signer_cn": result.signer_cn,
            "signature_count": result.signature_count,
            "summary": result.summary,
        },
    )
