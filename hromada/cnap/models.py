"""The registry of administrative services: each service's information
card and technological card, the centres that receive applicants and the
bodies that provide the services.

Law 5203-VI «Про адміністративні послуги» art. 8 (the cards), art. 10
(terms), art. 12 (centres); КМУ №44 of 30.01.2013 (technological cards);
DOMAIN.md §1.3, §2.4 (CNAP-01…CNAP-15) and §3.5. Written only by
``services``; the public reads through ``selectors``, which never show a
draft or an archived card.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.models import BaseModel
from hromada.org.models import OrgUnit


class CentreKind(models.TextChoices):
    """A centre itself, or an outpost of it (CNAP-07; КМУ №118)."""

    MAIN = "main", _("Administrative services centre")
    REMOTE = "remote", _("Remote workplace")
    MOBILE = "mobile", _("Mobile office")


class ServiceCentre(BaseModel):
    """Where applicants are received: the ЦНАП, a remote workplace in a
    village, a mobile office (CNAP-06, CNAP-07)."""

    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="service_centres",
        null=True,
        blank=True,
    )
    kind = models.CharField(
        pgettext_lazy("centre", "kind"), max_length=16, choices=CentreKind
    )
    name = models.CharField(_("name"), max_length=300)
    address = models.CharField(_("address"), max_length=300)
    opening_hours = models.TextField(_("opening hours"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    accessibility_notes = models.TextField(_("accessibility"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service centre")
        verbose_name_plural = _("service centres")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class ServiceProvider(BaseModel):
    """The body or official that decides on an application (суб'єкт
    надання адміністративної послуги): a unit of the council or an outside
    body whose services the centre receives applications for."""

    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit of the council"),
        on_delete=models.PROTECT,
        related_name="service_providers",
        null=True,
        blank=True,
    )
    name = models.CharField(_("name"), max_length=300, unique=True)
    edrpou = models.CharField(_("ЄДРПОУ code"), max_length=8, blank=True)
    is_permit_authority = models.BooleanField(_("permit authority"), default=False)

    class Meta:
        verbose_name = _("service provider")
        verbose_name_plural = _("service providers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LifeSituation(BaseModel):
    """A life event the catalogue groups services by (birth of a child,
    moving house, starting a business)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("life situation")
        verbose_name_plural = _("life situations")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class ServiceStatus(models.TextChoices):
    """Where a card stands. Only an active or a suspended card is public."""

    DRAFT = "draft", pgettext_lazy("service", "Draft")
    ACTIVE = "active", pgettext_lazy("service", "Provided")
    SUSPENDED = "suspended", pgettext_lazy("service", "Temporarily suspended")
    ARCHIVED = "archived", pgettext_lazy("service", "No longer provided")


SERVICE_TRANSITIONS: dict[ServiceStatus, frozenset[ServiceStatus]] = {
    ServiceStatus.DRAFT: frozenset({ServiceStatus.ACTIVE, ServiceStatus.ARCHIVED}),
    ServiceStatus.ACTIVE: frozenset({ServiceStatus.SUSPENDED, ServiceStatus.ARCHIVED}),
    ServiceStatus.SUSPENDED: frozenset({ServiceStatus.ACTIVE, ServiceStatus.ARCHIVED}),
    ServiceStatus.ARCHIVED: frozenset({ServiceStatus.DRAFT}),
}
PUBLIC_STATUSES = frozenset({ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED})


class TermUnit(models.TextChoices):
    """How a term is counted (Law 5203-VI art. 10: at most 30 calendar days
    unless a law sets another term)."""

    CALENDAR_DAYS = "calendar_days", _("calendar days")
    WORKING_DAYS = "working_days", _("working days")
    HOURS = "hours", _("hours")
    SAME_DAY = "same_day", _("on the day of the application")


class AdministrativeService(BaseModel):
    """One administrative service: its information card (the sixteen
    sections of DOMAIN.md §2.4) with the lists below it, and through its
    stages the technological card (CNAP-01, CNAP-15).

    ``version`` counts the changes of a card once it was first published;
    the audit log keeps what each change was.
    """

    national_registry_code = models.CharField(
        _("code in the Register of administrative services"),
        max_length=20,
        blank=True,
        help_text=_("Law 5203-VI art. 16; leave empty if the service has none."),
    )
    name = models.CharField(_("name"), max_length=500)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One sentence for the catalogue: who needs it and why."),
    )
    provider = models.ForeignKey(
        ServiceProvider,
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    centres = models.ManyToManyField(
        ServiceCentre,
        verbose_name=_("where to apply"),
        related_name="services",
        blank=True,
    )
    life_situations = models.ManyToManyField(
        LifeSituation,
        verbose_name=_("life situations"),
        related_name="services",
        blank=True,
    )
    grounds = models.TextField(_("grounds for receiving the service"), blank=True)
    submission_methods = models.TextField(_("how to apply"), blank=True)
    is_paid = models.BooleanField(_("paid service"), default=False)
    fee_legal_basis = models.TextField(_("legal basis of the fee"), blank=True)
    fee_amount = models.DecimalField(
        _("fee, UAH"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    fee_description = models.TextField(
        _("amount and procedure of payment"),
        blank=True,
        help_text=_("When the fee depends on the case: how it is calculated."),
    )
    payment_recipient = models.CharField(_("recipient"), max_length=300, blank=True)
    payment_edrpou = models.CharField(
        _("recipient's ЄДРПОУ code"), max_length=8, blank=True
    )
    payment_iban = models.CharField(_("account (IBAN)"), max_length=29, blank=True)
    payment_purpose = models.CharField(
        _("purpose of payment"), max_length=300, blank=True
    )
    term_value = models.PositiveIntegerField(_("term"), null=True, blank=True)
    term_unit = models.CharField(
        _("term counted in"),
        max_length=16,
        choices=TermUnit,
        default=TermUnit.CALENDAR_DAYS,
    )
    term_legal_basis = models.TextField(
        _("law that sets a longer term"),
        blank=True,
        help_text=_(
            "Required when the term is over 30 calendar days (Law 5203-VI art. 10)."
        ),
    )
    result = models.TextField(_("result of the service"), blank=True)
    result_delivery = models.TextField(_("how to receive the result"), blank=True)
    notes = models.TextField(_("note"), blank=True)
    is_permit = models.BooleanField(
        _("permit document for business"),
        default=False,
        help_text=_(
            "Listed in the Law «Про Перелік документів дозвільного характеру у "
            "сфері господарської діяльності»."
        ),
    )
    approved_by = models.CharField(
        _("card approved by"),
        max_length=300,
        blank=True,
        help_text=_(
            "The act that approved the cards, e.g. «наказ №12 від 03.02.2026»."
        ),
    )
    status = models.CharField(
        pgettext_lazy("service", "status"),
        max_length=16,
        choices=ServiceStatus,
        default=ServiceStatus.DRAFT,
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)

    class Meta:
        verbose_name = _("administrative service")
        verbose_name_plural = _("administrative services")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fee_amount__isnull=True) | Q(fee_amount__gte=0),
                name="cnap_service_fee_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """The information card's public address."""
        return reverse("cnap:service_detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        """Whether the public sees the card (provided or suspended)."""
        return self.status in PUBLIC_STATUSES


class LegalBasisLevel(models.TextChoices):
    """Sections 4–7 of the information card: the acts by who issued them."""

    LAW = "law", _("Laws of Ukraine")
    CABINET = "cabinet", _("Acts of the Cabinet of Ministers of Ukraine")
    CENTRAL = "central", _("Acts of central executive bodies")
    LOCAL = "local", _("Acts of local executive bodies and self-government")


class ServiceLegalBasis(BaseModel):
    """An act the service rests on (sections 4–7 of the information card)."""

    service = models.ForeignKey(
        AdministrativeService,
        on_delete=models.CASCADE,
        related_name="legal_bases",
    )
    order = models.PositiveIntegerField(_("order"))
    level = models.CharField(
        pgettext_lazy("legal basis", "level"), max_length=16, choices=LegalBasisLevel
    )
    title = models.CharField(_("act"), max_length=500)
    url = models.URLField(_("link to the text"), blank=True)

    class Meta:
        verbose_name = pgettext_lazy("service", "legal basis")
        verbose_name_plural = pgettext_lazy("service", "legal basis")
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "order"], name="cnap_legal_basis_order_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class DocumentForm(models.TextChoices):
    """What the applicant brings of a document."""

    ORIGINAL = "original", _("original")
    COPY = "copy", _("copy")
    ORIGINAL_AND_COPY = "original_and_copy", _("original and copy")
    FILLED_FORM = "filled_form", _("filled in at the centre")


class RequiredDocument(BaseModel):
    """One document of the exhaustive list (section 9; Law 5203-VI art. 9
    forbids asking for anything not on it)."""

    service = models.ForeignKey(
        AdministrativeService,
        on_delete=models.CASCADE,
        related_name="required_documents",
    )
    order = models.PositiveIntegerField(_("order"))
    title = models.CharField(_("document"), max_length=500)
    form = models.CharField(
        pgettext_lazy("document", "form"),
        max_length=20,
        choices=DocumentForm,
        default=DocumentForm.ORIGINAL,
    )
    copies = models.PositiveSmallIntegerField(_("copies"), default=1)
    requirements = models.TextField(_("requirements"), blank=True)
    obtainable_from_registry = models.BooleanField(
        _("the centre obtains it from a register"),
        default=False,
        help_text=_(
            "The applicant need not bring it: the administrator gets it from "
            "a state register (Law 5203-VI art. 9 ч. 4)."
        ),
    )

    class Meta:
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "order"], name="cnap_document_order_unique"
            ),
            models.CheckConstraint(
                condition=Q(copies__gte=1), name="cnap_document_copies_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class RefusalGround(BaseModel):
    """One ground of the exhaustive list of refusal grounds (section 13;
    CNAP-05: a refusal names one of these)."""

    service = models.ForeignKey(
        AdministrativeService,
        on_delete=models.CASCADE,
        related_name="refusal_grounds",
    )
    order = models.PositiveIntegerField(_("order"))
    text = models.TextField(_("ground"))

    class Meta:
        verbose_name = _("refusal ground")
        verbose_name_plural = _("refusal grounds")
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "order"], name="cnap_refusal_order_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class StageRole(models.TextChoices):
    """The action column of a technological card (CNAP-03)."""

    PERFORMS = "В", _("В — performs")
    PARTICIPATES = "У", _("У — participates")
    AGREES = "П", _("П — agrees")
    APPROVES = "З", _("З — approves")


class TechCardStage(BaseModel):
    """One stage of the technological card: what is done, by which official
    of which unit, in what role and term (Law 5203-VI art. 8 ч. 5; КМУ
    №44; CNAP-02, CNAP-03)."""

    service = models.ForeignKey(
        AdministrativeService,
        on_delete=models.CASCADE,
        related_name="stages",
    )
    order = models.PositiveIntegerField(_("order"))
    action = models.CharField(_("stage (action)"), max_length=500)
    responsible = models.CharField(_("responsible official"), max_length=300)
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="service_stages",
        null=True,
        blank=True,
    )
    role = models.CharField(
        pgettext_lazy("stage", "action"),
        max_length=1,
        choices=StageRole,
        default=StageRole.PERFORMS,
    )
    term_value = models.PositiveIntegerField(_("term"), null=True, blank=True)
    term_unit = models.CharField(
        _("term counted in"),
        max_length=16,
        choices=TermUnit,
        default=TermUnit.WORKING_DAYS,
    )

    class Meta:
        verbose_name = _("stage of the technological card")
        verbose_name_plural = _("stages of the technological card")
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "order"], name="cnap_stage_order_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.action
