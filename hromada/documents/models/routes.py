"""Approval and signing routes over a specific file version (EDMS-14, -15)."""

from typing import Final

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.models import BaseModel
from hromada.core.transitions import Transitions
from hromada.documents.models.cards import Document, DocumentKind
from hromada.documents.models.files import FileVersion
from hromada.org.models import OrgUnit


class ApprovalKind(models.TextChoices):
    """What a participant does at a step."""

    VISA = "visa", _("Visa")
    APPROVE = "approve", _("Approval")
    SIGN = "sign", _("Signature")
    ENDORSE = "endorse", _("Endorsement")
    ACQUAINT = "acquaint", _("Acquaintance")


class Quorum(models.TextChoices):
    """How many participants of a parallel step must agree."""

    ALL = "all", _("All")
    ANY = "any", _("Any one")
    N_OF_M = "n_of_m", _("N of M")


class OnReject(models.TextChoices):
    """What a rejection does to the route."""

    RETURN_TO_AUTHOR = "return_to_author", _("Return to the author")
    STOP = "stop", _("Stop the route")


class RouteTemplate(BaseModel):
    """A reusable route per document kind and unit."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("document kind"), max_length=32, choices=DocumentKind)
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("route template")
        verbose_name_plural = _("route templates")
        ordering = ["kind", "name"]
        # Two constraints: NULL units never collide in a unique index.
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "kind", "name"],
                condition=Q(org_unit__isnull=False),
                name="documents_routetemplate_name_unique_in_unit",
            ),
            models.UniqueConstraint(
                fields=["kind", "name"],
                condition=Q(org_unit__isnull=True),
                name="documents_routetemplate_name_unique_council_wide",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class RouteTemplateStep(BaseModel):
    """One step of a template: participants acting in parallel."""

    template = models.ForeignKey(
        RouteTemplate,
        verbose_name=_("template"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=16, choices=ApprovalKind)
    quorum = models.CharField(
        _("quorum"), max_length=8, choices=Quorum, default=Quorum.ALL
    )
    quorum_n = models.PositiveSmallIntegerField(_("N"), null=True, blank=True)
    term_days = models.PositiveSmallIntegerField(_("term in working days"), default=1)
    term_hours = models.PositiveSmallIntegerField(
        _("term in working hours"),
        null=True,
        blank=True,
        help_text=_("When given, the term is in working hours, not days."),
    )
    on_reject = models.CharField(
        _("on rejection"),
        max_length=20,
        choices=OnReject,
        default=OnReject.RETURN_TO_AUTHOR,
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("participants"), related_name="+"
    )

    class Meta:
        verbose_name = _("route template step")
        verbose_name_plural = _("route template steps")
        ordering = ["template", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "order"],
                name="documents_routetemplatestep_order_unique",
            ),
            models.CheckConstraint(
                condition=~Q(quorum=Quorum.N_OF_M) | Q(quorum_n__gte=1),
                name="documents_routetemplatestep_n_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} #{self.order}"


class RouteStatus(models.TextChoices):
    """A route runs until approved, rejected, or cancelled by a new version."""

    RUNNING = "running", _("Running")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned for rework")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


# A finished route stays finished: a new version or a rework starts a new one.
ROUTE_TRANSITIONS: Final[Transitions[RouteStatus]] = {
    RouteStatus.RUNNING: frozenset(
        {
            RouteStatus.APPROVED,
            RouteStatus.RETURNED,
            RouteStatus.REJECTED,
            RouteStatus.CANCELLED,
        }
    ),
    RouteStatus.APPROVED: frozenset(),
    RouteStatus.RETURNED: frozenset(),
    RouteStatus.REJECTED: frozenset(),
    RouteStatus.CANCELLED: frozenset(),
}


class ApprovalRoute(BaseModel):
    """A route running over one file version of a document."""

    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="approval_routes",
    )
    file_version = models.ForeignKey(
        FileVersion,
        verbose_name=_("file version"),
        on_delete=models.PROTECT,
        related_name="approval_routes",
    )
    template = models.ForeignKey(
        RouteTemplate,
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RouteStatus, default=RouteStatus.RUNNING
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("approval route")
        verbose_name_plural = _("approval routes")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(status="running"),
                name="documents_approvalroute_one_running",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document}: {self.get_status_display()}"


class ApprovalStepStatus(models.TextChoices):
    """A step waits, runs, or is decided."""

    WAITING = "waiting", _("Waiting")
    ACTIVE = "active", _("Active")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


APPROVAL_STEP_TRANSITIONS: Final[Transitions[ApprovalStepStatus]] = {
    ApprovalStepStatus.WAITING: frozenset({ApprovalStepStatus.ACTIVE}),
    ApprovalStepStatus.ACTIVE: frozenset(
        {ApprovalStepStatus.APPROVED, ApprovalStepStatus.REJECTED}
    ),
    ApprovalStepStatus.APPROVED: frozenset(),
    ApprovalStepStatus.REJECTED: frozenset(),
}


class ApprovalStep(BaseModel):
    """A step of a running route; the next starts when this one is decided."""

    route = models.ForeignKey(
        ApprovalRoute,
        verbose_name=_("route"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=16, choices=ApprovalKind)
    quorum = models.CharField(
        _("quorum"), max_length=8, choices=Quorum, default=Quorum.ALL
    )
    quorum_n = models.PositiveSmallIntegerField(_("N"), null=True, blank=True)
    on_reject = models.CharField(
        _("on rejection"),
        max_length=20,
        choices=OnReject,
        default=OnReject.RETURN_TO_AUTHOR,
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApprovalStepStatus,
        default=ApprovalStepStatus.WAITING,
    )
    # Copied from the template: a waiting step gets its due date only when
    # it becomes active (EDMS-14), so the term must travel with the step.
    term_days = models.PositiveSmallIntegerField(_("term in working days"), default=1)
    term_hours = models.PositiveSmallIntegerField(
        _("term in working hours"), null=True, blank=True
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    # Set for a term in working hours: the moment, not only the day.
    due_at = models.DateTimeField(_("due at"), null=True, blank=True)

    class Meta:
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        ordering = ["route", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["route", "order"], name="documents_approvalstep_order_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.route} #{self.order}"


class ApprovalDecision(models.TextChoices):
    """A participant's decision."""

    PENDING = "pending", pgettext_lazy("route step", "Pending")
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_REMARKS = "approved_with_remarks", _("Approved with remarks")
    REJECTED = "rejected", _("Rejected")
    RETURNED = "returned", _("Returned for rework")


class ApprovalTask(BaseModel):
    """One participant at one step; the decision cites the SHA-256 it saw."""

    step = models.ForeignKey(
        ApprovalStep,
        verbose_name=_("step"),
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="approval_tasks",
    )
    decision = models.CharField(
        _("decision"),
        max_length=24,
        choices=ApprovalDecision,
        default=ApprovalDecision.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    seen_sha256 = models.CharField(
        _("SHA-256 of the version decided on"), max_length=64, blank=True
    )

    class Meta:
        verbose_name = _("approval task")
        verbose_name_plural = _("approval tasks")
        ordering = ["step", "pk"]
        indexes = [models.Index(fields=["participant", "decision"])]
        constraints = [
            models.UniqueConstraint(
                fields=["step", "participant"],
                name="documents_approvaltask_once_per_step",
            ),
            models.CheckConstraint(
                condition=Q(decision="pending") | ~Q(seen_sha256=""),
                name="documents_approvaltask_decision_cites_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.step}: {self.participant}"
