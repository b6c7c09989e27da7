"""Reads of control of execution: the "Today" inbox, journal, discipline."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hromada.accounts.models import User
from hromada.core import deadlines
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    ApprovalStepStatus,
    ApprovalTask,
    DeadlineChange,
    DeadlineChangeStatus,
    Document,
    DocumentAddressee,
    DocumentStatus,
    Resolution,
    ResolutionStatus,
    Task,
    TaskReport,
    TaskReportStatus,
    TaskRole,
    TaskStatus,
)
from hromada.documents.permissions import control as control_permissions
from hromada.documents.permissions import visibility
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit

# Fewer working days than this left before the due date: "at risk".
AT_RISK_WORKING_DAYS = 2
# A section of the inbox shows at most this many items.
# "Today" shows the most urgent items of each section; the control journal
# (paginated) lists all of them. Rendering hundreds of rows made the page
# of a busy executor slow (bench/edms.py, E2).
SECTION_LIMIT = 25
OPEN_STATUSES = (TaskStatus.ASSIGNED, TaskStatus.REPORTED)
CONTROLLED_ROLES = (TaskRole.RESPONSIBLE, TaskRole.CO_EXECUTOR)
SIGNING_KINDS = (ApprovalKind.SIGN,)
APPROVING_KINDS = (ApprovalKind.VISA, ApprovalKind.APPROVE, ApprovalKind.ENDORSE)


class Urgency(models.TextChoices):
    """How close an item is to its due date, as shown on the desk."""

    OVERDUE = "overdue", _("Overdue")
    DUE_TODAY = "due_today", _("Due today")
    AT_RISK = "at_risk", _("At risk")


class JournalStatus(models.TextChoices):
    """The status filter of the control journal."""

    ON_CONTROL = "on_control", _("On control")
    OVERDUE = "overdue", _("Overdue")
    DONE = "done", _("Done")
    REMOVED = "removed", _("Removed from control")


@dataclass(frozen=True, kw_only=True, slots=True)
class DeskItem:
    """One thing waiting for a person: what, on which card, for how long."""

    item: Document | Resolution | Task | TaskReport | DeadlineChange | ApprovalTask
    document: Document
    due_on: date | None
    held_since: datetime | None
    days_on_desk: int | None
    urgency: Urgency | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Inbox:
    """The "Today" page of one person; each section lists ``DeskItem``."""

    to_register: list[DeskItem] = field(default_factory=list)
    to_resolve: list[DeskItem] = field(default_factory=list)
    resolutions_to_approve: list[DeskItem] = field(default_factory=list)
    to_execute: list[DeskItem] = field(default_factory=list)
    to_review: list[DeskItem] = field(default_factory=list)
    extensions_to_decide: list[DeskItem] = field(default_factory=list)
    to_approve: list[DeskItem] = field(default_factory=list)
    to_sign: list[DeskItem] = field(default_factory=list)
    to_acquaint: list[DeskItem] = field(default_factory=list)
    overdue: list[DeskItem] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Items needing action; overdue ones are already in other sections."""
        return sum(
            len(getattr(self, name)) for name in self.__slots__ if name != "overdue"
        )


def urgency_of(
    *, due_on: date | None, today: date, calendar: deadlines.WorkingCalendar
) -> Urgency | None:
    """Overdue, due today, at risk (two working days or fewer) or nothing."""
    if due_on is None:
        return None
    if due_on < today:
        return Urgency.OVERDUE
    if due_on == today:
        return Urgency.DUE_TODAY
    left = deadlines.working_days_between(start=today, end=due_on, calendar=calendar)
    return Urgency.AT_RISK if left <= AT_RISK_WORKING_DAYS else None


def task_held_since(task: Task) -> datetime:
    """Since when the task sits where it is, from ``task_list_with_desk``."""
    reported_at: datetime | None = getattr(task, "last_report_at", None)
    if task.status == TaskStatus.REPORTED and reported_at is not None:
        return reported_at
    returned_at: datetime | None = getattr(task, "last_review_at", None)
    if returned_at is not None and returned_at > task.assigned_at:
        return returned_at
    return task.assigned_at


def task_list_with_desk(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """``tasks`` with the report moments that ``task_held_since`` reads."""
    reports = TaskReport.objects.filter(task=OuterRef("pk"))
    return tasks.annotate(
        last_report_at=Subquery(
            reports.order_by("-created_at").values("created_at")[:1]
        ),
        last_review_at=Subquery(
            reports.filter(reviewed_at__isnull=False)
            .order_by("-reviewed_at")
            .values("reviewed_at")[:1]
        ),
    )


def task_list_for_user(*, user: User) -> QuerySet[Task]:
    """Tasks on cards ``user`` may see; views fetch single tasks from here."""
    visible = Document.objects.filter(visibility.visible_documents_q(user))
    return (
        task_list_with_desk(Task.objects.filter(document__in=visible))
        .select_related("document", "resolution", "executor", "controller")
        .order_by("due_on", "pk")
    )


def document_list_visible(*, user: User) -> QuerySet[Document]:
    """Cards ``user`` may see; the resolution form fetches its card here."""
    return Document.objects.filter(visibility.visible_documents_q(user))


def resolution_list_for_user(*, user: User) -> QuerySet[Resolution]:
    """Resolutions on cards ``user`` may see, cards joined."""
    return Resolution.objects.filter(
        document__in=document_list_visible(user=user)
    ).select_related("document")


def task_list_for_document(*, document: Document) -> QuerySet[Task]:
    """A card's tasks in resolution order, for the tasks panel."""
    return (
        task_list_with_desk(Task.objects.filter(document=document))
        .select_related("resolution", "executor", "controller", "closed_by")
        .order_by("resolution__created_at", "resolution_id", "role", "pk")
    )


def resolution_list_for_document(*, document: Document) -> QuerySet[Resolution]:
    """A card's resolutions, oldest first, authors joined."""
    return (
        Resolution.objects.filter(document=document)
        .select_related("author", "entered_by", "controller", "parent_task")
        .order_by("created_at", "pk")
    )


def report_list_for_task(*, task: Task) -> QuerySet[TaskReport]:
    """A task's reports, oldest first."""
    return (
        TaskReport.objects.filter(task=task)
        .select_related("author", "reviewed_by", "reply_document")
        .order_by("created_at", "pk")
    )


def deadline_change_list_for_task(*, task: Task) -> QuerySet[DeadlineChange]:
    """A task's extension requests, newest first."""
    return DeadlineChange.objects.filter(task=task).select_related(
        "requested_by", "decided_by"
    )


def _reviewer_q(people: frozenset[int], prefix: str = "") -> Q:
    responsible = Task.objects.filter(
        resolution=OuterRef(f"{prefix}resolution"),
        role=TaskRole.RESPONSIBLE,
        executor__in=people,
    )
    return Q(
        **{f"{prefix}role": TaskRole.RESPONSIBLE, f"{prefix}controller__in": people}
    ) | Q(Q(**{f"{prefix}role": TaskRole.CO_EXECUTOR}) & Q(Exists(responsible)))


def inbox_for_user(*, user: User, today: date) -> Inbox:
    """Everything waiting for ``user`` (and whoever they substitute) today.

    Each section is one query; items carry days on the desk and urgency.
    """
    people = control_permissions.acting_ids(user)
    calendar = deadlines.calendar_current()

    def task_item(task: Task) -> DeskItem:
        since = task_held_since(task)
        return _item(task, task.document, task.due_on, since, today, calendar)

    my_tasks = task_list_with_desk(
        Task.objects.filter(
            executor__in=people,
            resolution__status=ResolutionStatus.ACTIVE,
            closed_by__isnull=True,
        )
    ).select_related("document", "resolution", "controller")
    to_execute = my_tasks.filter(status=TaskStatus.ASSIGNED, role__in=CONTROLLED_ROLES)
    overdue = (
        task_list_with_desk(
            Task.objects.filter(
                Q(executor__in=people) | Q(controller__in=people),
                status__in=OPEN_STATUSES,
                due_on__lt=today,
                role__in=CONTROLLED_ROLES,
                resolution__status=ResolutionStatus.ACTIVE,
                closed_by__isnull=True,
            )
        )
        .select_related("document", "resolution", "executor")
        .order_by("due_on", "pk")
    )
    return Inbox(
        to_register=[_document_item(d, today, calendar) for d in _to_register(user)],
        to_resolve=[
            _document_item(d, today, calendar) for d in _to_resolve(user, people)
        ],
        resolutions_to_approve=[
            _item(r, r.document, r.due_on, r.created_at, today, calendar)
            for r in _resolutions_to_approve(people)
        ],
        to_execute=[
            task_item(t) for t in to_execute.order_by("due_on", "pk")[:SECTION_LIMIT]
        ],
        to_review=[
            _item(r, r.task.document, r.task.due_on, r.created_at, today, calendar)
            for r in _to_review(people)
        ],
        extensions_to_decide=[
            _item(c, c.task.document, c.old_due_on, c.created_at, today, calendar)
            for c in _extensions_to_decide(people)
        ],
        to_approve=list(_approval_items(people, APPROVING_KINDS, today, calendar)),
        to_sign=list(_approval_items(people, SIGNING_KINDS, today, calendar)),
        to_acquaint=list(_acquaint_items(people, my_tasks, today, calendar)),
        overdue=[task_item(t) for t in overdue[:SECTION_LIMIT]],
    )


def _item(
    item: Document | Resolution | Task | TaskReport | DeadlineChange | ApprovalTask,
    document: Document,
    due_on: date | None,
    since: datetime | None,
    today: date,
    calendar: deadlines.WorkingCalendar,
) -> DeskItem:
    days = None
    if since is not None:
        start = timezone.localtime(since).date()
        days = max(
            deadlines.working_days_between(start=start, end=today, calendar=calendar),
            0,
        )
    return DeskItem(
        item=item,
        document=document,
        due_on=due_on,
        held_since=since,
        days_on_desk=days,
        urgency=urgency_of(due_on=due_on, today=today, calendar=calendar),
    )


def _document_item(
    document: Document, today: date, calendar: deadlines.WorkingCalendar
) -> DeskItem:
    since = document.held_since or document.registered_at or document.created_at
    return _item(document, document, document.due_on, since, today, calendar)


def _to_register(user: User) -> QuerySet[Document]:
    if not visibility.is_registrar(user):
        return Document.objects.none()
    return Document.objects.filter(
        visibility.visible_documents_q(user), status=DocumentStatus.DRAFT
    ).order_by("created_at", "pk")[:SECTION_LIMIT]


def _to_resolve(user: User, people: frozenset[int]) -> QuerySet[Document]:
    headed = org_selectors.org_unit_ids_headed_by(user=user)
    if not headed and not control_permissions.is_head(user):
        return Document.objects.none()
    addressed = DocumentAddressee.objects.filter(document=OuterRef("pk")).filter(
        Q(org_unit__in=headed) | Q(user__in=people)
    )
    resolved = Resolution.objects.filter(
        document=OuterRef("pk"),
        status__in=(ResolutionStatus.ACTIVE, ResolutionStatus.DRAFT),
    )
    return (
        Document.objects.filter(
            visibility.visible_documents_q(user), status=DocumentStatus.REGISTERED
        )
        .filter(Exists(addressed))
        .exclude(Exists(resolved))
        .order_by("registered_at", "pk")[:SECTION_LIMIT]
    )


def _resolutions_to_approve(people: frozenset[int]) -> QuerySet[Resolution]:
    return (
        Resolution.objects.filter(author__in=people, status=ResolutionStatus.DRAFT)
        .select_related("document")
        .order_by("created_at", "pk")[:SECTION_LIMIT]
    )


def _to_review(people: frozenset[int]) -> QuerySet[TaskReport]:
    return (
        TaskReport.objects.filter(
            _reviewer_q(people, prefix="task__"), status=TaskReportStatus.SUBMITTED
        )
        .select_related("task", "task__document", "task__executor", "author")
        .order_by("created_at", "pk")[:SECTION_LIMIT]
    )


def _extensions_to_decide(people: frozenset[int]) -> QuerySet[DeadlineChange]:
    return (
        DeadlineChange.objects.filter(
            task__resolution__author__in=people,
            status=DeadlineChangeStatus.REQUESTED,
        )
        .select_related("task", "task__document", "requested_by")
        .order_by("created_at", "pk")[:SECTION_LIMIT]
    )


def _approval_tasks(
    people: frozenset[int], kinds: Iterable[ApprovalKind]
) -> QuerySet[ApprovalTask]:
    return (
        ApprovalTask.objects.filter(
            participant__in=people,
            decision=ApprovalDecision.PENDING,
            step__status=ApprovalStepStatus.ACTIVE,
            step__kind__in=list(kinds),
        )
        .select_related("step", "step__route", "step__route__document")
        .order_by("step__due_on", "pk")[:SECTION_LIMIT]
    )


def _approval_items(
    people: frozenset[int],
    kinds: Iterable[ApprovalKind],
    today: date,
    calendar: deadlines.WorkingCalendar,
) -> Iterable[DeskItem]:
    for task in _approval_tasks(people, kinds):
        step = task.step
        yield _item(
            task, step.route.document, step.due_on, step.updated_at, today, calendar
        )


def _acquaint_items(
    people: frozenset[int],
    my_tasks: QuerySet[Task],
    today: date,
    calendar: deadlines.WorkingCalendar,
) -> Iterable[DeskItem]:
    yield from _approval_items(people, (ApprovalKind.ACQUAINT,), today, calendar)
    informed = my_tasks.filter(
        status=TaskStatus.ASSIGNED, role=TaskRole.FOR_INFORMATION
    ).order_by("assigned_at", "pk")
    for task in informed[:SECTION_LIMIT]:
        yield _item(task, task.document, None, task.assigned_at, today, calendar)


def inbox_counter(user: User) -> int:
    """The cabinet menu's badge: tasks to execute or review, approvals due.

    Two queries; substitutes' items show on the page, not in the badge.
    """
    tasks = (
        Task.objects.filter(
            Q(executor=user, status=TaskStatus.ASSIGNED, role__in=CONTROLLED_ROLES)
            | (Q(status=TaskStatus.REPORTED) & _reviewer_q(frozenset({user.pk}))),
            resolution__status=ResolutionStatus.ACTIVE,
            closed_by__isnull=True,
        )
        .values("pk")
        .count()
    )
    approvals = ApprovalTask.objects.filter(
        participant=user,
        decision=ApprovalDecision.PENDING,
        step__status=ApprovalStepStatus.ACTIVE,
    ).count()
    return tasks + approvals


def control_journal(
    *,
    user: User,
    org_unit: OrgUnit | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    status: str = "",
    today: date | None = None,
) -> QuerySet[Task]:
    """Tasks on control on cards ``user`` may see, soonest due first.

    ``org_unit`` keeps the executors working in it or below it; the dates
    bound the day a task was given; ``status`` is a ``JournalStatus``.
    """
    today = today or timezone.localdate()
    tasks = task_list_for_user(user=user).filter(
        role__in=CONTROLLED_ROLES, resolution__status=ResolutionStatus.ACTIVE
    )
    if org_unit is not None:
        tasks = tasks.filter(_executor_in_units_q(org_unit))
    if date_from is not None:
        tasks = tasks.filter(assigned_at__date__gte=date_from)
    if date_to is not None:
        tasks = tasks.filter(assigned_at__date__lte=date_to)
    return tasks.filter(_journal_status_q(status, today))


def _journal_status_q(status: str, today: date) -> Q:
    match status:
        case JournalStatus.ON_CONTROL:
            return Q(closed_by__isnull=True, status__in=OPEN_STATUSES)
        case JournalStatus.OVERDUE:
            return Q(closed_by__isnull=True, status__in=OPEN_STATUSES, due_on__lt=today)
        case JournalStatus.DONE:
            return Q(status=TaskStatus.DONE)
        case JournalStatus.REMOVED:
            return Q(closed_by__isnull=False)
    return Q()


def _executor_in_units_q(org_unit: OrgUnit) -> Q:
    unit_ids = org_selectors.org_unit_descendant_ids(unit_ids=frozenset({org_unit.pk}))
    employed = org_selectors.employee_list_current().filter(
        user=OuterRef("executor_id"), position__org_unit_id__in=unit_ids
    )
    return Q(Exists(employed))


@dataclass(frozen=True, kw_only=True, slots=True)
class DisciplineRow:
    """One line of the executive-discipline report (EDMS-13)."""

    name: str
    received: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0
    in_progress: int = 0
    unit_name: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class DisciplineReport:
    """Rows per unit and per executor, with the council's total."""

    date_from: date
    date_to: date
    units: list[DisciplineRow]
    executors: list[DisciplineRow]
    total: DisciplineRow


COUNTS = ("received", "done_on_time", "done_late", "overdue", "in_progress")


def discipline_report(
    *,
    org_unit: OrgUnit | None = None,
    date_from: date,
    date_to: date,
    today: date | None = None,
) -> DisciplineReport:
    """Tasks given in the period counted per unit and executor (EDMS-13).

    One grouped query, plus one for unit names. An executor counts in the
    unit of their current post (a head post first).
    """
    today = today or timezone.localdate()
    grouped = _discipline_grouped(
        org_unit=org_unit, date_from=date_from, date_to=date_to, today=today
    )
    unit_names = dict(
        OrgUnit.objects.filter(pk__in={row[0] for row in grouped}).values_list(
            "pk", "name"
        )
    )
    no_unit = str(_("No current post"))
    executors: list[DisciplineRow] = []
    per_unit: dict[int | None, dict[str, int]] = {}
    for unit_id, person, counts in grouped:
        unit_name = unit_names.get(unit_id, no_unit) if unit_id else no_unit
        executors.append(_row(name=person, unit_name=unit_name, counts=counts))
        unit_counts = per_unit.setdefault(unit_id, dict.fromkeys(COUNTS, 0))
        for name in COUNTS:
            unit_counts[name] += counts[name]
    units = sorted(
        (
            _row(
                name=unit_names.get(unit_id, no_unit) if unit_id else no_unit,
                counts=counts,
            )
            for unit_id, counts in per_unit.items()
        ),
        key=lambda r: r.name,
    )
    total = {name: sum(getattr(u, name) for u in units) for name in COUNTS}
    return DisciplineReport(
        date_from=date_from,
        date_to=date_to,
        units=units,
        executors=sorted(executors, key=lambda r: (r.unit_name, r.name)),
        total=_row(name=str(_("Total")), counts=total),
    )


def _row(*, name: str, counts: dict[str, int], unit_name: str = "") -> DisciplineRow:
    return DisciplineRow(
        name=name,
        unit_name=unit_name,
        received=counts["received"],
        done_on_time=counts["done_on_time"],
        done_late=counts["done_late"],
        overdue=counts["overdue"],
        in_progress=counts["in_progress"],
    )


def _discipline_grouped(
    *, org_unit: OrgUnit | None, date_from: date, date_to: date, today: date
) -> list[tuple[int | None, str, dict[str, int]]]:
    unit = Subquery(
        org_selectors.employee_list_current(on=today)
        .filter(user=OuterRef("executor_id"))
        .order_by("-position__is_head", "pk")
        .values("position__org_unit_id")[:1]
    )
    tasks = (
        Task.objects.filter(
            role__in=CONTROLLED_ROLES,
            resolution__status=ResolutionStatus.ACTIVE,
            assigned_at__date__gte=date_from,
            assigned_at__date__lte=date_to,
        )
        .exclude(status=TaskStatus.CANCELLED)
        .annotate(unit_id=unit)
    )
    if org_unit is not None:
        ids = org_selectors.org_unit_descendant_ids(unit_ids=frozenset({org_unit.pk}))
        tasks = tasks.filter(unit_id__in=ids)
    done = Q(status=TaskStatus.DONE)
    rows = (
        tasks.values(
            "unit_id", "executor_id", "executor__last_name", "executor__first_name"
        )
        .annotate(
            received=Count("pk"),
            done_on_time=Count("pk", filter=done & Q(done_on__lte=F("due_on"))),
            done_late=Count("pk", filter=done & Q(done_on__gt=F("due_on"))),
            overdue=Count("pk", filter=~done & Q(due_on__lt=today)),
            in_progress=Count("pk", filter=~done & Q(due_on__gte=today)),
        )
        .order_by("unit_id", "executor__last_name", "executor_id")
    )
    return [
        (
            row["unit_id"],
            f"{row['executor__last_name']} {row['executor__first_name']}".strip(),
            {name: int(row[name]) for name in COUNTS},
        )
        for row in rows
    ]
