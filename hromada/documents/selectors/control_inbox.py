"""Reads of the "Today" inbox: what waits for a person, and the menu badge."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

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
    ResolutionUrgency,
    Task,
    TaskReport,
    TaskReportStatus,
    TaskRole,
    TaskStatus,
)
from hromada.documents.permissions import control as control_permissions
from hromada.documents.permissions import visibility
from hromada.documents.selectors.control_tasks import (
    CONTROLLED_ROLES,
    OPEN_STATUSES,
    Urgency,
    task_held_since,
    task_list_with_desk,
    urgency_of,
)
from hromada.org import selectors as org_selectors

# "Today" shows the most urgent items of each section; the control journal
# (paginated) lists all of them. Rendering hundreds of rows made the page
# of a busy executor slow (bench/edms.py, E2).
SECTION_LIMIT = 25
SIGNING_KINDS = (ApprovalKind.SIGN,)
APPROVING_KINDS = (ApprovalKind.VISA, ApprovalKind.APPROVE, ApprovalKind.ENDORSE)

DeskSubject = Document | Resolution | Task | TaskReport | DeadlineChange | ApprovalTask


@dataclass(frozen=True, kw_only=True, slots=True)
class DeskItem:
    """One thing waiting for a person: what, on which card, for how long.

    ``mark`` is the urgency mark of the resolution behind the item, if any.
    """

    item: DeskSubject
    document: Document
    due_on: date | None
    held_since: datetime | None
    days_on_desk: int | None
    urgency: Urgency | None
    mark: ResolutionUrgency = ResolutionUrgency.ORDINARY


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

    Each section is one query; items carry days on the desk, urgency and
    the resolution's urgency mark. Cancelled tasks wait for nobody.
    """
    people = control_permissions.acting_ids(user)
    calendar = deadlines.calendar_current()

    def task_item(task: Task) -> DeskItem:
        since = task_held_since(task)
        return _item(task, task.document, task.due_on, since, today, calendar)

    my_tasks = _my_tasks(people)
    to_execute = my_tasks.filter(status=TaskStatus.ASSIGNED, role__in=CONTROLLED_ROLES)
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
        overdue=[task_item(t) for t in _overdue(people, today)[:SECTION_LIMIT]],
    )


def _my_tasks(people: frozenset[int]) -> QuerySet[Task]:
    return task_list_with_desk(
        Task.objects.filter(
            executor__in=people,
            resolution__status=ResolutionStatus.ACTIVE,
            closed_by__isnull=True,
        )
    ).select_related("document", "resolution", "controller")


def _overdue(people: frozenset[int], today: date) -> QuerySet[Task]:
    return (
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


def _mark_of(item: DeskSubject) -> ResolutionUrgency:
    resolution: Resolution | None = None
    if isinstance(item, Resolution):
        resolution = item
    elif isinstance(item, Task):
        resolution = item.resolution
    elif isinstance(item, TaskReport | DeadlineChange):
        resolution = item.task.resolution
    if resolution is None:
        return ResolutionUrgency.ORDINARY
    return ResolutionUrgency(resolution.urgency)


def _item(
    item: DeskSubject,
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
        mark=_mark_of(item),
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
            _reviewer_q(people, prefix="task__"),
            status=TaskReportStatus.SUBMITTED,
            task__status=TaskStatus.REPORTED,
        )
        .select_related(
            "task", "task__document", "task__resolution", "task__executor", "author"
        )
        .order_by("created_at", "pk")[:SECTION_LIMIT]
    )


def _extensions_to_decide(people: frozenset[int]) -> QuerySet[DeadlineChange]:
    return (
        DeadlineChange.objects.filter(
            task__resolution__author__in=people,
            task__status__in=OPEN_STATUSES,
            status=DeadlineChangeStatus.REQUESTED,
        )
        .select_related("task", "task__document", "task__resolution", "requested_by")
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
