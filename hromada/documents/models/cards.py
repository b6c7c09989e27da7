"""Registration cards (РКК), their journals and correspondents."""

from typing import Final

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.models import BaseModel
from hromada.core.transitions import Transitions
from hromada.documents.models.archive import CaseFile
from hromada.org.models import OrgUnit


class DocumentKind(models.TextChoices):
    """What a document is; each kind has its journals and mandatory fields."""

    INCOMING = "incoming", _("Incoming letter")
    OUTGOING = "outgoing", _("Outgoing letter")
    INTERNAL = "internal", _("Internal memo")
    ORDER = "order", _("Mayor's order")
    EXECUTIVE_DECISION = "executive_decision", _("Executive committee decision")
    APPEAL = "appeal", _("Citizen's appeal")
    PUBLIC_INFO_REQUEST = "public_info_request", _("Request for public information")
    DEPUTY_APPEAL = "deputy_appeal", _("Deputy's appeal")
    CNAP_APPLICATION = "cnap_application", _("Administrative service application")


class DocumentStatus(models.TextChoices):
    """Where a card is: draft, registered, dispatched (outgoing) or voided."""

    DRAFT = "draft", _("Draft")
    REGISTERED = "registered", _("Registered")
    DISPATCHED = "dispatched", _("Dispatched")
    CANCELLED = "cancelled", _("Cancelled")


# A registered number is never reused (EDMS-03): a voided card keeps it.
DOCUMENT_TRANSITIONS: Final[Transitions[DocumentStatus]] = {
    DocumentStatus.DRAFT: frozenset(
        {DocumentStatus.REGISTERED, DocumentStatus.CANCELLED}
    ),
    DocumentStatus.REGISTERED: frozenset(
        {DocumentStatus.DISPATCHED, DocumentStatus.CANCELLED}
    ),
    DocumentStatus.DISPATCHED: frozenset(),
    DocumentStatus.CANCELLED: frozenset(),
}


class CardClosure(models.TextChoices):
    """How a registered card was closed without tasks (DOMAIN.md).

    «До справи»: the head decided the document needs no action or reply;
    it stays registered and filed in its case, off everyone's desk.
    """

    TO_FILE = "to_file", _("To file («До справи»)")


class AccessLevel(models.TextChoices):
    """Who may see a card besides those it is addressed or assigned to."""

    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")
    # Law 2939-VI art. 9: official-use information (гриф «ДСК»), EDMS-29.
    DSK = "dsk", _("For official use (ДСК)")
    RESTRICTED = "restricted", _("Restricted by law")


class Channel(models.TextChoices):
    """How a document came in or went out."""

    POST = "post", _("Post")
    EMAIL = "email", _("E-mail")
    PORTAL = "portal", _("Portal")
    IN_PERSON = "in_person", _("In person")
    SEV_OVV = "sev_ovv", _("СЕВ ОВВ")
    PHONE = "phone", _("Phone")
    INTERNAL = "internal", _("Internal")


class Journal(BaseModel):
    """A registration journal: one numbering series per kind and unit.

    Numbers restart every year (EDMS-02); ``index_template`` uses the
    placeholders of ``core.sequences.registration_index_format``.
    """

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("document kind"), max_length=32, choices=DocumentKind)
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="journals",
    )
    index_template = models.CharField(
        _("index template"), max_length=100, default="{seq}"
    )
    case_index = models.CharField(_("case index"), max_length=20, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("registration journal")
        verbose_name_plural = _("registration journals")
        ordering = ["org_unit", "kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values),
                name="documents_journal_kind_known",
            ),
            models.UniqueConstraint(
                fields=["org_unit", "name"], name="documents_journal_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def sequence_key(self) -> str:
        """The name of this journal's counter in ``core.sequences``."""
        return f"documents.journal.{self.pk}"


class CorrespondentKind(models.TextChoices):
    """An organisation or a private person."""

    # With a context: the org room's name, "Organisation", means the structure.
    ORGANISATION = "organisation", pgettext_lazy("correspondent kind", "Organisation")
    PERSON = "person", _("Person")


class Correspondent(BaseModel):
    """A sender or addressee outside the council (registry of correspondents).

    A person's details are personal data: shown to staff only.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=CorrespondentKind)
    name = models.CharField(_("name"), max_length=300)
    edrpou = models.CharField(_("ЄДРПОУ code"), max_length=8, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    # Case-folded name for search on SQLite, whose LIKE folds only ASCII.
    search_name = models.CharField(_("search name"), max_length=300, editable=False)

    class Meta:
        verbose_name = _("correspondent")
        verbose_name_plural = _("correspondents")
        ordering = ["name"]
        indexes = [models.Index(fields=["search_name"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CorrespondentKind.values),
                name="documents_correspondent_kind_known",
            ),
            # One active entry per set of details: a form sent twice adds
            # one correspondent, and the registry keeps no twins.
            models.UniqueConstraint(
                fields=["kind", "search_name", "edrpou", "address", "email"],
                condition=Q(is_active=True),
                name="documents_correspondent_active_once",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Document(BaseModel):
    """The registration card (РКК) of one document, with its files and tasks.

    The registration index and date, once given, never change (EDMS-01).
    """

    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind)
    status = models.CharField(
        _("status"), max_length=16, choices=DocumentStatus, default=DocumentStatus.DRAFT
    )
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    # Empty when the system took the card in (an appeal filed on the portal).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    journal = models.ForeignKey(
        Journal,
        verbose_name=_("journal"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    registration_year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True
    )
    registration_seq = models.PositiveIntegerField(
        _("sequence number"), null=True, blank=True
    )
    registration_number = models.CharField(
        _("registration index"), max_length=64, blank=True, db_index=True
    )
    registered_on = models.DateField(_("registration date"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    summary = models.TextField(_("summary"))
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    access_level = models.CharField(
        _("access level"),
        max_length=16,
        choices=AccessLevel,
        default=AccessLevel.INTERNAL,
    )
    access_basis = models.CharField(
        _("legal basis of the restriction"), max_length=300, blank=True
    )
    channel = models.CharField(
        pgettext_lazy("document", "channel"),
        max_length=16,
        choices=Channel,
        default=Channel.POST,
    )
    correspondent = models.ForeignKey(
        Correspondent,
        verbose_name=_("correspondent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    correspondent_number = models.CharField(
        _("correspondent's number"), max_length=64, blank=True
    )
    correspondent_date = models.DateField(
        _("correspondent's date"), null=True, blank=True
    )
    signatory = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signatory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signatory_name = models.CharField(
        _("signatory (as written)"), max_length=200, blank=True
    )
    # Whose desk the card is on, and since when (the "flag" of R4/R5).
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("held by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    held_since = models.DateTimeField(_("held since"), null=True, blank=True)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    case_file = models.ForeignKey(
        CaseFile,
        verbose_name=_("case file"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    dispatched_at = models.DateTimeField(_("dispatched at"), null=True, blank=True)
    dispatched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dispatched by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_as = models.CharField(
        _("closed as"), max_length=16, choices=CardClosure, blank=True
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_note = models.CharField(_("note"), max_length=500, blank=True)
    # The e-mail Message-ID of an intake letter: a letter is taken in once.
    source_message_id = models.CharField(
        _("source message id"), max_length=300, blank=True
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-registered_at", "-created_at"]
        indexes = [
            models.Index(fields=["org_unit", "status", "-registered_at"]),
            models.Index(fields=["kind", "-registered_on"]),
            models.Index(fields=["holder", "status"]),
            # The card list's order (newest registration first).
            models.Index(
                fields=["-registered_at", "-created_at", "-id"],
                name="documents_document_list_order",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values),
                name="documents_document_kind_known",
            ),
            models.CheckConstraint(
                condition=Q(status__in=DocumentStatus.values),
                name="documents_document_status_known",
            ),
            models.CheckConstraint(
                condition=Q(access_level__in=AccessLevel.values),
                name="documents_document_access_known",
            ),
            models.CheckConstraint(
                condition=Q(status=DocumentStatus.DRAFT)
                | Q(status=DocumentStatus.CANCELLED, registered_on__isnull=True)
                | (
                    Q(
                        journal__isnull=False,
                        registration_year__isnull=False,
                        registration_seq__isnull=False,
                        registered_on__isnull=False,
                    )
                    & ~Q(registration_number="")
                ),
                name="documents_document_number_once_registered",
            ),
            models.UniqueConstraint(
                fields=["journal", "registration_year", "registration_seq"],
                name="documents_document_number_unique",
            ),
            models.UniqueConstraint(
                fields=["source_message_id"],
                condition=~Q(source_message_id=""),
                name="documents_document_message_taken_once",
            ),
            models.CheckConstraint(
                condition=~Q(access_level=AccessLevel.RESTRICTED) | ~Q(access_basis=""),
                name="documents_document_restriction_has_basis",
            ),
            models.CheckConstraint(
                condition=Q(closed_as="", closed_at__isnull=True)
                | Q(
                    closed_as__in=CardClosure.values,
                    closed_at__isnull=False,
                    registered_on__isnull=False,
                ),
                name="documents_document_closed_once_registered",
            ),
        ]

    def __str__(self) -> str:
        return self.registration_number or str(_("draft"))
