"""Nomenclature of cases, case files and disposal acts (EDMS-18..24)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hromada.core.models import BaseModel
from hromada.org.models import OrgUnit


class Nomenclature(BaseModel):
    """A unit's yearly list of case files (номенклатура справ)."""

    year = models.PositiveSmallIntegerField(_("year"))
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("nomenclature of cases")
        verbose_name_plural = _("nomenclatures of cases")
        ordering = ["-year", "org_unit"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "org_unit"], name="documents_nomenclature_once_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.org_unit} {self.year}"


class RetentionKind(models.TextChoices):
    """Kinds of retention terms of the schedule (Мін'юст 578/5, EDMS-21/22)."""

    PERMANENT = "permanent", _("Permanent")
    YEARS = "years", _("Years")
    UNTIL_LIQUIDATION = "until_liquidation", _("Until the organisation is liquidated")
    AFTER_EXPIRY = "after_expiry", _("Years after expiry")
    EPK = "epk", _("Decided by the appraisal commission (ЕПК)")
    UNTIL_NEED = "until_need", _("Until no longer needed")


class NomenclatureItem(BaseModel):
    """One case of the nomenclature: index, title, retention (EDMS-20)."""

    nomenclature = models.ForeignKey(
        Nomenclature,
        verbose_name=_("nomenclature"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    case_index = models.CharField(_("case index"), max_length=20)
    title = models.CharField(_("title"), max_length=500)
    volumes = models.PositiveSmallIntegerField(_("volumes"), default=1)
    retention_kind = models.CharField(
        _("retention"), max_length=20, choices=RetentionKind
    )
    retention_years = models.PositiveSmallIntegerField(
        _("years"), null=True, blank=True
    )
    retention_article = models.CharField(
        _("article of the schedule"), max_length=50, blank=True
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("nomenclature item")
        verbose_name_plural = _("nomenclature items")
        ordering = ["nomenclature", "case_index"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomenclature", "case_index"],
                name="documents_nomenclatureitem_index_unique",
            ),
            models.CheckConstraint(
                condition=~Q(retention_kind__in=["years", "after_expiry"])
                | Q(retention_years__gte=1),
                name="documents_nomenclatureitem_years_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_index} {self.title}"


class CaseFileStatus(models.TextChoices):
    """A case is open in its year, then closed, then disposed or archived."""

    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    DISPOSED = "disposed", _("Disposed")
    ARCHIVED = "archived", _("Transferred to the archive")


class CaseFile(BaseModel):
    """A case file (справа) of one nomenclature item and year."""

    item = models.ForeignKey(
        NomenclatureItem,
        verbose_name=_("nomenclature item"),
        on_delete=models.PROTECT,
        related_name="case_files",
    )
    volume = models.PositiveSmallIntegerField(_("volume"), default=1)
    status = models.CharField(
        _("status"), max_length=16, choices=CaseFileStatus, default=CaseFileStatus.OPEN
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # 578/5 general part (D27, EDMS-23): 1 January after closing + the term.
    disposition_on = models.DateField(_("may be disposed of on"), null=True, blank=True)

    class Meta:
        verbose_name = _("case file")
        verbose_name_plural = _("case files")
        ordering = ["item", "volume"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "volume"], name="documents_casefile_volume_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item.case_index} т.{self.volume}"


class DisposalActStatus(models.TextChoices):
    """A disposal act is drafted, then approved (its number is given then)."""

    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


class DisposalAct(BaseModel):
    """Act selecting cases past their term for destruction (EDMS-24)."""

    number = models.CharField(_("number"), max_length=32, blank=True)
    act_date = models.DateField(_("date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DisposalActStatus,
        default=DisposalActStatus.DRAFT,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    case_files = models.ManyToManyField(
        CaseFile, verbose_name=_("case files"), related_name="disposal_acts"
    )

    class Meta:
        verbose_name = _("disposal act")
        verbose_name_plural = _("disposal acts")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft")
                | (~Q(number="") & Q(act_date__isnull=False)),
                name="documents_disposalact_numbered_when_approved",
            ),
        ]

    def __str__(self) -> str:
        return self.number or str(_("draft act"))
