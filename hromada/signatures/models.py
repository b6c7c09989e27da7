"""Certificates of signers and the signatures made with them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.models import BaseModel, StoredFile


class Certificate(BaseModel):
    """An X.509 certificate of a person, an institution seal or a demo CA.

    Real КЕП keys never live on the server: in production the signer signs
    in their own tool (Дія.Підпис, a КНЕДП token) and the server only
    validates. ``key_store`` is filled for the DEMO PKI only (and, later, by
    an institutional e-seal HSM adapter that keeps its key elsewhere).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
    )
    is_authority = models.BooleanField(_("certification authority"), default=False)
    subject_cn = models.CharField(
        pgettext_lazy("certificate", "subject"), max_length=300
    )
    serial_number = models.CharField(_("serial number"), max_length=80)
    issuer_cn = models.CharField(_("issuer"), max_length=300)
    not_before = models.DateTimeField(_("valid from"))
    not_after = models.DateTimeField(_("valid to"))
    fingerprint_sha256 = models.CharField(
        _("SHA-256 fingerprint"), max_length=64, unique=True
    )
    certificate_pem = models.TextField(_("certificate (PEM)"))
    is_active = models.BooleanField(
        pgettext_lazy("certificate", "active"), default=True
    )
    # DEMO ONLY: an encrypted PKCS#12 with the private key; its passphrase is
    # derived from SECRET_KEY. Empty for every real certificate.
    key_store = models.BinaryField(_("demo key store"), blank=True, default=b"")

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-not_after"]
        constraints = [
            models.CheckConstraint(
                condition=Q(not_after__gt=models.F("not_before")),
                name="signatures_certificate_valid_range",
            ),
            models.CheckConstraint(
                condition=Q(is_authority=False) | Q(user__isnull=True),
                name="signatures_certificate_authority_has_no_holder",
            ),
        ]

    def __str__(self) -> str:
        return self.subject_cn


class SignatureLevel(models.TextChoices):
    """The PAdES baseline level of a signature (ETSI EN 319 142-1)."""

    B_B = "PAdES-B-B", _("PAdES-B-B (basic)")
    B_T = "PAdES-B-T", _("PAdES-B-T (with a time-stamp)")


class Signature(BaseModel):
    """One signature embedded in a stored, signed PDF, as it was validated."""

    stored_file = models.ForeignKey(
        StoredFile,
        verbose_name=_("signed file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    certificate = models.ForeignKey(
        Certificate,
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signer"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed at"))
    source_sha256 = models.CharField(
        _("SHA-256 of the file signed"), max_length=64, blank=True
    )
    signed_sha256 = models.CharField(_("SHA-256 of the signed file"), max_length=64)
    level = models.CharField(
        _("level"), max_length=16, choices=SignatureLevel, default=SignatureLevel.B_B
    )
    is_valid = models.BooleanField(_("valid"))
    validation_summary = models.JSONField(_("validation summary"), default=dict)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-signed_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=SignatureLevel.values),
                name="signatures_signature_level_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.signer} {self.signed_at:%Y-%m-%d %H:%M}"
