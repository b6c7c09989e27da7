"""Files of a document and their immutable versions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hromada.core.models import BaseModel, StoredFile
from hromada.documents.models.cards import Document


class FileRole(models.TextChoices):
    """The main text of a document or an attachment to it."""

    MAIN = "main", _("Main text")
    ATTACHMENT = "attachment", _("Attachment")
    SIGNED = "signed", _("Signed copy")


class DocumentFile(BaseModel):
    """One file slot of a document; its content lives in versions."""

    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    title = models.CharField(_("title"), max_length=255)
    role = models.CharField(
        _("role"), max_length=16, choices=FileRole, default=FileRole.MAIN
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        ordering = ["document", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=FileRole.values),
                name="documents_documentfile_role_known",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class FileVersion(BaseModel):
    """An immutable file version; approvals and signatures cite its SHA-256."""

    document_file = models.ForeignKey(
        DocumentFile,
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveSmallIntegerField(_("version"))
    stored_file = models.ForeignKey(
        StoredFile,
        verbose_name=_("stored file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("extracted text"), blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)

    class Meta:
        verbose_name = _("file version")
        verbose_name_plural = _("file versions")
        ordering = ["document_file", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document_file", "number"],
                name="documents_fileversion_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_file} v{self.number}"

    @property
    def sha256(self) -> str:
        """The SHA-256 of this version's bytes."""
        return self.stored_file.sha256
