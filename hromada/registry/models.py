"""The registry of legal acts: acts, their editions and their relations,
and the impact analyses and effectiveness reports of regulatory acts.

DOMAIN.md §2.7 (REG-01…REG-07) and §3.7. Written only by ``services``; the
public reads through ``selectors``, which never show an internal act to
anyone but staff.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.models import BaseModel, StoredFile
from hromada.org.models import OrgUnit


class ActKind(models.TextChoices):
    """The kinds of acts a city council and its bodies issue (REG-01)."""

    COUNCIL_DECISION = "council_decision", _("Council decision")
    EXECUTIVE_DECISION = "executive_decision", _("Executive committee decision")
    MAYOR_ORDER = "mayor_order", _("Mayor's order")
    ORDER = "order", _("Order of a head of a body")
    OTHER = "other", _("Other act")


class ActStatus(models.TextChoices):
    """Where an act stands (REG-02), from draft to repeal.

    ``amended`` is in force in a changed edition; ``suspended`` is not in
    force until the suspension ends; ``repealed`` has lost force for good.
    """

    DRAFT = "draft", pgettext_lazy("act", "Draft")
    ADOPTED = "adopted", _("Adopted, not yet in force")
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("In force, amended")
    SUSPENDED = "suspended", _("Suspended")
    REPEALED = "repealed", _("No longer in force")


ACT_TRANSITIONS: dict[ActStatus, frozenset[ActStatus]] = {
    ActStatus.DRAFT: frozenset({ActStatus.ADOPTED, ActStatus.IN_FORCE}),
    ActStatus.ADOPTED: frozenset(
        {ActStatus.IN_FORCE, ActStatus.SUSPENDED, ActStatus.REPEALED}
    ),
    ActStatus.IN_FORCE: frozenset(
        {ActStatus.AMENDED, ActStatus.SUSPENDED, ActStatus.REPEALED}
    ),
    ActStatus.AMENDED: frozenset(
        {ActStatus.AMENDED, ActStatus.SUSPENDED, ActStatus.REPEALED}
    ),
    ActStatus.SUSPENDED: frozenset(
        {ActStatus.IN_FORCE, ActStatus.AMENDED, ActStatus.REPEALED}
    ),
    ActStatus.REPEALED: frozenset(),
}

# Statuses of an act that has been adopted: it may be in force on some date.
ADOPTED_STATUSES = frozenset(set(ActStatus) - {ActStatus.DRAFT})
# The colour of each status's tag (the design system's tag modifiers);
# an act adopted and not yet in force has the default, blue.
STATUS_COLOURS: dict[str, str] = {
    ActStatus.DRAFT: "yellow",
    ActStatus.IN_FORCE: "green",
    ActStatus.AMENDED: "turquoise",
    ActStatus.SUSPENDED: "orange",
    ActStatus.REPEALED: "grey",
}


class ActAccess(models.TextChoices):
    """Who may read an act: everyone, or the council's staff only (REG-03)."""

    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal, for staff only")


class RelationKind(models.TextChoices):
    """How one act acts on another: «source amends target»."""

    AMENDS = "amends", _("amends")
    REPEALS = "repeals", _("repeals")
    SUPERSEDES = "supersedes", _("supersedes")
    IMPLEMENTS = "implements", _("implements")
    SUSPENDS = "suspends", _("suspends")


# How the acted-upon act reads the relation: «amended by …».
RELATION_INCOMING = {
    RelationKind.AMENDS: _("amended by"),
    RelationKind.REPEALS: _("repealed by"),
    RelationKind.SUPERSEDES: _("superseded by"),
    RelationKind.IMPLEMENTS: _("implemented by"),
    RelationKind.SUSPENDS: _("suspended by"),
}


class LegalAct(BaseModel):
    """One act of the council, its executive committee, the mayor or a body.

    ``text`` is the act's text as adopted; the text in force on a date is
    the edition valid on that date (``LegalActEdition``), and an act without
    editions is in force as adopted. ``number_key`` is ``number`` normalised
    for exact lookups (case, dashes and spaces ignored).
    """

    kind = models.CharField(_("kind"), max_length=32, choices=ActKind.choices)
    number = models.CharField(_("number"), max_length=64)
    number_key = models.CharField(_("number for lookups"), max_length=64)
    adopted_on = models.DateField(_("date"))
    issuer = models.ForeignKey(
        OrgUnit,
        verbose_name=pgettext_lazy("act", "issued by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(pgettext_lazy("act", "title"), max_length=1000)
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActStatus.choices, default=ActStatus.DRAFT
    )
    access = models.CharField(
        _("access"), max_length=16, choices=ActAccess.choices, default=ActAccess.PUBLIC
    )
    is_normative = models.BooleanField(_("normative act"), default=False)
    is_regulatory = models.BooleanField(_("regulatory act"), default=False)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    repealed_on = models.DateField(_("no longer in force from"), null=True, blank=True)
    scan = models.ForeignKey(
        StoredFile,
        verbose_name=_("scan of the signed original"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    slug = models.SlugField(_("address"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")
        ordering = ["-adopted_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "issuer", "number", "adopted_on"],
                name="registry_legalact_unique_number",
            ),
            models.CheckConstraint(
                condition=~Q(number="") & ~Q(title=""),
                name="registry_legalact_number_title",
            ),
            models.CheckConstraint(
                condition=Q(repealed_on__isnull=True)
                | Q(effective_from__isnull=True)
                | Q(repealed_on__gte=F("effective_from")),
                name="registry_legalact_repealed_after_force",
            ),
        ]
        indexes = [
            models.Index(fields=["number_key"], name="registry_act_number_key"),
            models.Index(
                fields=["access", "-adopted_on", "-id"], name="registry_act_by_date"
            ),
            models.Index(fields=["kind", "-adopted_on"], name="registry_act_kind"),
            models.Index(fields=["issuer", "-adopted_on"], name="registry_act_issuer"),
            models.Index(fields=["status", "-adopted_on"], name="registry_act_status"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} № {self.number} ({self.adopted_on:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        """The act's permanent public address."""
        return reverse("registry:act_detail", kwargs={"slug": self.slug})

    @property
    def status_colour(self) -> str:
        """The colour of the act's status tag (``STATUS_COLOURS``)."""
        return STATUS_COLOURS.get(self.status, "blue")

    @property
    def is_public(self) -> bool:
        """Whether everyone may read the act."""
        return self.access == ActAccess.PUBLIC


class LegalActEdition(BaseModel):
    """The act's text as consolidated on a date of change (REG-06).

    An edition is valid from ``valid_from`` until the next edition's
    ``valid_from`` (``valid_to`` is that date, kept for queries; ``None``
    for the current one). ``changed_by`` is the amending act.
    """

    act = models.ForeignKey(
        LegalAct,
        verbose_name=_("act"),
        on_delete=models.CASCADE,
        related_name="editions",
    )
    valid_from = models.DateField(pgettext_lazy("edition", "valid from"))
    valid_to = models.DateField(
        pgettext_lazy("act", "valid until"), null=True, blank=True
    )
    text = models.TextField(_("text"))
    changed_by = models.ForeignKey(
        LegalAct,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["act", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["act", "valid_from"], name="registry_edition_unique_date"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=F("valid_from")),
                name="registry_edition_valid_to_after_from",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.act} — {self.valid_from:%d.%m.%Y}"


class LegalActRelation(BaseModel):
    """«``source`` ``kind`` ``target``»: a later act acting on an earlier."""

    source = models.ForeignKey(
        LegalAct,
        verbose_name=_("acting act"),
        on_delete=models.CASCADE,
        related_name="relations_out",
    )
    target = models.ForeignKey(
        LegalAct,
        verbose_name=_("act acted upon"),
        on_delete=models.CASCADE,
        related_name="relations_in",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RelationKind.choices)
    effective_on = models.DateField(_("takes effect on"))

    class Meta:
        verbose_name = _("relation between acts")
        verbose_name_plural = _("relations between acts")
        ordering = ["effective_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="registry_relation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(source=F("target")), name="registry_relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display()} {self.target}"

    @property
    def incoming_label(self) -> str:
        """The relation as its target reads it: «amended by»."""
        return str(RELATION_INCOMING[RelationKind(self.kind)])


class RegulatoryDocumentKind(models.TextChoices):
    """What a regulatory act carries (REG-05, Law 1160-IV arts. 8 and 10).

    The impact analysis (АРВ) comes with the draft; effectiveness is then
    tracked in order: basic, repeat, and periodic every three years.
    """

    IMPACT_ANALYSIS = "impact_analysis", _("Regulatory impact analysis")
    BASIC_TRACKING = "basic_tracking", _("Basic effectiveness tracking")
    REPEAT_TRACKING = "repeat_tracking", _("Repeat effectiveness tracking")
    PERIODIC_TRACKING = "periodic_tracking", _("Periodic effectiveness tracking")


# An act has one of each of these; periodic tracking repeats.
SINGLE_REGULATORY_KINDS = (
    RegulatoryDocumentKind.IMPACT_ANALYSIS,
    RegulatoryDocumentKind.BASIC_TRACKING,
    RegulatoryDocumentKind.REPEAT_TRACKING,
)


class RegulatoryDocument(BaseModel):
    """A regulatory act's impact analysis or an effectiveness report (PDF).

    ``prepared_on`` is the day the document was completed and signed; the
    tracking terms run from it (``hromada.registry.tracking``). Visible to
    whoever may read its act.
    """

    act = models.ForeignKey(
        LegalAct,
        verbose_name=_("act"),
        on_delete=models.CASCADE,
        related_name="regulatory_documents",
    )
    kind = models.CharField(
        _("kind"), max_length=32, choices=RegulatoryDocumentKind.choices
    )
    title = models.CharField(pgettext_lazy("document", "title"), max_length=500)
    prepared_on = models.DateField(_("prepared on"))
    published_on = models.DateField(_("published on"), null=True, blank=True)
    file = models.ForeignKey(
        StoredFile,
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("regulatory document")
        verbose_name_plural = _("regulatory documents")
        ordering = ["act", "prepared_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["act", "kind"],
                condition=Q(kind__in=SINGLE_REGULATORY_KINDS),
                name="registry_regulatorydocument_one_of_kind",
            ),
            models.UniqueConstraint(
                fields=["act", "kind", "prepared_on"],
                name="registry_regulatorydocument_one_a_day",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=RegulatoryDocumentKind.values),
                name="registry_regulatorydocument_kind_known",
            ),
            models.CheckConstraint(
                condition=~Q(title=""),
                name="registry_regulatorydocument_title",
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True)
                | Q(published_on__gte=F("prepared_on")),
                name="registry_regulatorydocument_published_after_prepared",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.prepared_on:%d.%m.%Y})"


class ImportStatus(models.TextChoices):
    """Where a bulk import stands."""

    WAITING = "waiting", _("Waiting")
    RUNNING = "running", pgettext_lazy("import", "Running")
    DONE = "done", pgettext_lazy("import", "Done")
    FAILED = "failed", pgettext_lazy("import", "Failed")


class ActImport(BaseModel):
    """One bulk import: a metadata table (CSV or XLSX) and a ZIP of scans.

    A background run reads the table row by row; each row is an act or a
    rejection with its reason in ``report``. ``failure`` says why a whole
    import stopped (an unreadable table), in the reader's language.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    metadata = models.ForeignKey(
        StoredFile,
        verbose_name=_("metadata table"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    archive = models.ForeignKey(
        StoredFile,
        verbose_name=_("archive of scans"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ImportStatus.choices,
        default=ImportStatus.WAITING,
    )
    total = models.PositiveIntegerField(_("rows"), default=0)
    processed = models.PositiveIntegerField(_("rows read"), default=0)
    imported = models.PositiveIntegerField(_("acts imported"), default=0)
    report = models.JSONField(_("rejected rows"), default=list, blank=True)
    failure = models.CharField(_("failure"), max_length=500, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import of acts")
        verbose_name_plural = _("imports of acts")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.metadata.original_name} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        """How much of the table has been read, 0–100."""
        return 100 if not self.total else min(100, self.processed * 100 // self.total)
