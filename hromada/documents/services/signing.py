"""Writes of signing: a PAdES signature over a PDF version of a card's file.

The server signs only with demo keys (and, later, an institutional e-seal);
a person's КЕП signs in their own tool and the server validates the result.
"""

from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core import storage
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.documents import permissions
from hromada.documents.models import (
    Document,
    DocumentFile,
    DocumentStatus,
    FileRole,
    FileVersion,
)
from hromada.documents.services import files
from hromada.signatures import selectors as signature_selectors
from hromada.signatures import services as signature_services
from hromada.signatures.interfaces import VerificationResult
from hromada.signatures.pades import PadesSigner, PadesVerifier


def _read(version: FileVersion) -> bytes:
    with storage.file_open(version.stored_file) as handle:
        content: bytes = handle.read()
    return content


def _signed_file(version: FileVersion) -> DocumentFile:
    # A signed copy collects its signatures as versions of one SIGNED file.
    source = version.document_file
    if source.role == FileRole.SIGNED:
        return source
    existing = (
        DocumentFile.objects.select_for_update()
        .filter(document=source.document, role=FileRole.SIGNED, title=source.title)
        .order_by("pk")
        .first()
    )
    if existing is not None:
        return existing
    return DocumentFile.objects.create(
        document=source.document,
        title=source.title,
        role=FileRole.SIGNED,
        order=source.order,
    )


def _check_may_sign(signer: User, version: FileVersion) -> None:
    if not permissions.can_sign_version(signer, version):
        raise PermissionDeniedError(
            _("You may not sign this version of the file."), code="sign_denied"
        )
    if version.stored_file.content_type != storage.PDF:
        raise ApplicationError(_("Only a PDF can be signed."), code="sign_not_pdf")


@transaction.atomic
def file_version_sign(
    *, version: FileVersion, signer: User, reason: str
) -> FileVersion:
    """Sign a PDF version as PAdES; store the result as a SIGNED file version.

    The signer is the card's signatory or has a pending SIGN task of a running
    route over this version. Locks the card; audited as ``documents.sign``
    with the SHA-256 of the source and the signed bytes.
    """
    document = Document.objects.select_for_update().get(
        pk=version.document_file.document_id
    )
    version = FileVersion.objects.select_related(
        "stored_file", "document_file__document"
    ).get(pk=version.pk)
    _check_may_sign(signer, version)
    certificate = signature_selectors.certificate_for_user(user=signer)
    if certificate is None:
        raise ApplicationError(
            _("You have no valid signing certificate. Ask the administrator."),
            code="sign_no_certificate",
        )
    signed = PadesSigner().sign_pdf(
        pdf=_read(version),
        certificate=certificate,
        reason=reason,
        location=settings.HROMADA_CITY["short_name"],
    )
    signed_at = timezone.now()
    stem = Path(version.stored_file.original_name).stem
    target = _signed_file(version)
    stored = storage.file_store(
        content=signed,
        name=f"{stem}.pdf",
        allowed_types=frozenset({storage.PDF}),
        folder=files.STORAGE_FOLDER,
        uploaded_by=signer,
    )
    signed_version = files._version_create(
        document_file=target, stored=stored, actor=signer
    )
    signature_services.signature_record(
        stored_file=stored,
        certificate=certificate,
        signer=signer,
        signed_at=signed_at,
        source_sha256=version.stored_file.sha256,
        result=PadesVerifier().verify_pdf(pdf=signed),
    )
    signatory_set = _signatory_fill(document, signer)
    audit_record(
        actor=signer,
        action="documents.sign",
        target=signed_version,
        data={
            "signatory_set": signatory_set,
            "document_id": target.document_id,
            "source_version_id": version.pk,
            "source_sha256": version.stored_file.sha256,
            "signed_sha256": stored.sha256,
            "certificate_sha256": certificate.fingerprint_sha256,
            "reason": reason,
        },
    )
    return signed_version


def _signatory_fill(document: Document, signer: User) -> bool:
    """A draft without a signatory takes the person who signed it.

    The card's «Підписант» is a mandatory field of outgoing letters; the
    signature on the route names them, so the registrar need not retype it.
    """
    if document.status != DocumentStatus.DRAFT or document.signatory_id is not None:
        return False
    document.signatory = signer
    document.save(update_fields=["signatory", "updated_at"])
    return True


def file_version_verify(*, version: FileVersion) -> VerificationResult:
    """Validate every signature in a PDF version; writes nothing."""
    if version.stored_file.content_type != storage.PDF:
        return VerificationResult(
            intact=False,
            trusted=False,
            signer_cn="",
            signed_at=None,
            summary="not a PDF",
        )
    return PadesVerifier().verify_pdf(pdf=_read(version))
