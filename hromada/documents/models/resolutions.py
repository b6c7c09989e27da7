"""Resolutions (резолюції), tasks (доручення), reports and deadline changes."""

from typing import Final

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.models import BaseModel, StoredFile
from hromada.core.transitions import Transitions
from hromada.documents.models.cards import Document


class ResolutionStatus(models.TextChoices):
    """A draft by an assistant has no effect until the head signs it."""

    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    CANCELLED = "cancelled", _("Cancelled")


# A draft becomes active when its author approves (signs) it (EDMS-08).
RESOLUTION_TRANSITIONS: Final[Transitions[ResolutionStatus]] = {
    ResolutionStatus.DRAFT: frozenset(
        {ResolutionStatus.ACTIVE, ResolutionStatus.CANCELLED}
    ),
    ResolutionStatus.ACTIVE: frozenset({ResolutionStatus.CANCELLED}),
    ResolutionStatus.CANCELLED: frozenset(),
}


class ResolutionUrgency(models.TextChoices):
    """The head's mark on a resolution; a mark shortens the default term.

    «Терміново» and «Невідкладно» (EDMS-10) give the preset terms of the
    settings when the resolution names no due date.
    """

    ORDINARY = "ordinary", _("Ordinary")
    URGENT = "urgent", _("Urgent")
    IMMEDIATE = "immediate", _("Immediate")


class Resolution(BaseModel):
    """A head's written instruction on a document (EDMS-06).

    ``parent_task`` is set for a cascade: an executor's own resolution on
    their part (EDMS-09). ``entered_by`` differs from ``author`` when a
    registrar entered a resolution dictated by the head.
    """

    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="resolutions",
    )
    parent_task = models.ForeignKey(
        "documents.Task",
        verbose_name=_("parent task"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="child_resolutions",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("instruction"))
    due_on = models.DateField(_("due date"))
    due_rule = models.CharField(_("deadline rule"), max_length=64, blank=True)
    due_explanation = models.TextField(_("how the due date was computed"), blank=True)
    urgency = models.CharField(
        _("urgency"),
        max_length=16,
        choices=ResolutionUrgency,
        default=ResolutionUrgency.ORDINARY,
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ResolutionStatus,
        default=ResolutionStatus.ACTIVE,
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    # Who keeps the tasks under control; the author when not named.
    controller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("controller"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    # A draft names its people here, responsible executor first; tasks are
    # created from these ids only when the author approves the draft.
    draft_executor_ids = models.JSONField(
        _("executors of the draft"), default=list, blank=True
    )
    draft_for_information_ids = models.JSONField(
        _("people informed by the draft"), default=list, blank=True
    )

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["document", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ResolutionStatus.values),
                name="documents_resolution_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status=ResolutionStatus.ACTIVE)
                | Q(signed_at__isnull=False),
                name="documents_resolution_signed_when_active",
            ),
            models.CheckConstraint(
                condition=~Q(status=ResolutionStatus.CANCELLED)
                | (Q(cancelled_at__isnull=False) & ~Q(cancel_reason="")),
                name="documents_resolution_cancel_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(urgency__in=ResolutionUrgency.values),
                name="documents_resolution_urgency_known",
            ),
        ]
        # A head's drafts to approve among every resolution they wrote.
        indexes = [models.Index(fields=["author", "status"])]

    def __str__(self) -> str:
        return self.text[:60]


class TaskRole(models.TextChoices):
    """The first executor named answers for the task (EDMS-07)."""

    RESPONSIBLE = "responsible", _("Responsible executor")
    CO_EXECUTOR = "co_executor", _("Co-executor")
    FOR_INFORMATION = "for_information", _("For information")


class TaskStatus(models.TextChoices):
    """A task's lifecycle under control of execution (EDMS-12)."""

    ASSIGNED = "assigned", _("Assigned")
    REPORTED = "reported", _("Reported")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


# A returned report sends the task back to ASSIGNED.
TASK_TRANSITIONS: Final[Transitions[TaskStatus]] = {
    TaskStatus.ASSIGNED: frozenset(
        {TaskStatus.REPORTED, TaskStatus.DONE, TaskStatus.CANCELLED}
    ),
    TaskStatus.REPORTED: frozenset(
        {TaskStatus.DONE, TaskStatus.ASSIGNED, TaskStatus.CANCELLED}
    ),
    TaskStatus.DONE: frozenset(),
    TaskStatus.CANCELLED: frozenset(),
}


class Task(BaseModel):
    """One executor's part of a resolution (доручення), under control.

    ``done_on`` against ``due_on`` decides "on time" or "late" (EDMS-13).
    """

    resolution = models.ForeignKey(
        Resolution,
        verbose_name=_("resolution"),
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    executor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("executor"),
        on_delete=models.PROTECT,
        related_name="document_tasks",
    )
    role = models.CharField(_("role"), max_length=16, choices=TaskRole)
    controller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("controller"),
        on_delete=models.PROTECT,
        related_name="controlled_tasks",
    )
    # Who accepts the reports (EDMS-07): the responsible executor of the
    # resolution a co-executor's, the controller everyone else's. Fixed
    # when the task is made, so "reports waiting for me" is one index
    # lookup, not a search of every reported task (bench/edms.py, E2).
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepts the reports"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=TaskStatus, default=TaskStatus.ASSIGNED
    )
    due_on = models.DateField(_("due date"))
    assigned_at = models.DateTimeField(_("assigned at"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    closed_basis = models.CharField(
        _("basis of removal from control"), max_length=300, blank=True
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("removed from control by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["executor", "status", "due_on"]),
            models.Index(fields=["controller", "status", "due_on"]),
            models.Index(fields=["reviewer", "status"]),
            models.Index(fields=["status", "due_on"]),
            # The control journal lists a unit's tasks by due date: read in
            # this order, a page stops after 25 rows instead of sorting all.
            models.Index(fields=["due_on", "id"], name="documents_task_due_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=TaskStatus.values),
                name="documents_task_status_known",
            ),
            models.CheckConstraint(
                condition=Q(role__in=TaskRole.values), name="documents_task_role_known"
            ),
            models.CheckConstraint(
                condition=~Q(status=TaskStatus.DONE) | Q(done_on__isnull=False),
                name="documents_task_done_has_date",
            ),
            models.UniqueConstraint(
                fields=["resolution", "executor"],
                name="documents_task_once_per_resolution",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} → {self.executor}"


class TaskReportStatus(models.TextChoices):
    """The controller accepts a report or returns it for rework."""

    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned")


# A returned report stays on record; the executor submits a new one.
TASK_REPORT_TRANSITIONS: Final[Transitions[TaskReportStatus]] = {
    TaskReportStatus.SUBMITTED: frozenset(
        {TaskReportStatus.ACCEPTED, TaskReportStatus.RETURNED}
    ),
    TaskReportStatus.ACCEPTED: frozenset(),
    TaskReportStatus.RETURNED: frozenset(),
}


class TaskReport(BaseModel):
    """An executor's report on a task: text, files and a reply document."""

    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.PROTECT, related_name="reports"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("report"))
    reply_document = models.ForeignKey(
        Document,
        verbose_name=_("reply document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    files = models.ManyToManyField(
        StoredFile, verbose_name=_("files"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=TaskReportStatus,
        default=TaskReportStatus.SUBMITTED,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)

    class Meta:
        verbose_name = _("task report")
        verbose_name_plural = _("task reports")
        ordering = ["task", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=TaskReportStatus.values),
                name="documents_taskreport_status_known",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class DeadlineChangeStatus(models.TextChoices):
    """An extension request and its outcome (EDMS-11)."""

    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


DEADLINE_CHANGE_TRANSITIONS: Final[Transitions[DeadlineChangeStatus]] = {
    DeadlineChangeStatus.REQUESTED: frozenset(
        {DeadlineChangeStatus.APPROVED, DeadlineChangeStatus.REFUSED}
    ),
    DeadlineChangeStatus.APPROVED: frozenset(),
    DeadlineChangeStatus.REFUSED: frozenset(),
}


class DeadlineChange(BaseModel):
    """A request to move a due date, decided by the resolution's author."""

    task = models.ForeignKey(
        Task,
        verbose_name=_("task"),
        on_delete=models.PROTECT,
        related_name="deadline_changes",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The resolution's author, stored when asked (authors never change):
    # "extensions waiting for me" is then an index lookup, not a walk over
    # every resolution a head ever wrote (bench/edms.py, the badge).
    decider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("to be decided by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.TextField(pgettext_lazy("extension", "reason"))
    old_due_on = models.DateField(_("current due date"))
    new_due_on = models.DateField(_("requested due date"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DeadlineChangeStatus,
        default=DeadlineChangeStatus.REQUESTED,
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

    class Meta:
        verbose_name = _("deadline change")
        verbose_name_plural = _("deadline changes")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["decider", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(new_due_on__gt=F("old_due_on")),
                name="documents_deadlinechange_later",
            ),
            models.UniqueConstraint(
                fields=["task"],
                condition=Q(status="requested"),
                name="documents_deadlinechange_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task}: {self.old_due_on} → {self.new_due_on}"
