"""Reads of the signatures room: certificates and trust roots."""

from cryptography import x509
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from hromada.accounts.models import User
from hromada.signatures.models import Certificate, Signature


def certificate_for_user(*, user: User) -> Certificate | None:
    """The user's active, currently valid personal certificate, if any.

    The one valid longest wins when a user holds several.
    """
    now = timezone.now()
    return (
        Certificate.objects.filter(
            user=user,
            is_active=True,
            is_authority=False,
            not_before__lte=now,
            not_after__gt=now,
        )
        .order_by("-not_after", "-pk")
        .first()
    )


def certificate_list_authorities() -> QuerySet[Certificate]:
    """Active certification authorities registered on this server."""
    return Certificate.objects.filter(is_authority=True, is_active=True).order_by("pk")


def trust_root_list() -> list[x509.Certificate]:
    """Roots a verifier trusts: registered authorities plus the trust list.

    ``settings.HROMADA_SIGNATURE_TRUST_ROOTS`` (optional) holds PEM texts of
    further roots, for example of qualified providers' RSA/ECDSA CAs.
    """
    pems = list(
        certificate_list_authorities().values_list("certificate_pem", flat=True)
    )
    pems += list(getattr(settings, "HROMADA_SIGNATURE_TRUST_ROOTS", ()))
    return [x509.load_pem_x509_certificate(text.encode()) for text in pems]


def signature_list_for_file(*, sha256: str) -> QuerySet[Signature]:
    """Signatures recorded for a signed file by SHA-256, newest first."""
    return (
        Signature.objects.filter(signed_sha256=sha256)
        .select_related("certificate", "signer")
        .order_by("-signed_at", "-pk")
    )
