"""Reads of the "Today" inbox: what waits for a person, and the menu badge."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

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

    One query finds which sections hold anything; then one query per
    non-empty section. Items carry days on the desk, urgency and the
    resolution's urgency mark. Cancelled tasks wait for nobody.
    """
    people = control_permissions.acting_ids(user)
    calendar = deadlines.calendar_current()
    waiting = _waiting(user, people, today)
    present = _present(user, waiting)

    def items(key: str, make: Callable[[Any], DeskItem], order: str) -> list[DeskItem]:
        if key not in present:
            return []
        return [make(row) for row in _rows(key, waiting[key], order)]

    def task_item(task: Task) -> DeskItem:
        since = task_held_since(task)
        return _item(task, task.document, task.due_on, since, today, calendar)

    def approval_item(task: ApprovalTask) -> DeskItem:
        step = task.step
        document = step.route.document
        return _item(task, document, step.due_on, step.updated_at, today, calendar)

    def document_item(document: Document) -> DeskItem:
        return _document_item(document, today, calendar)

    return Inbox(
        to_register=items("to_register", document_item, "created_at"),
        to_resolve=items("to_resolve", document_item, "registered_at"),
        resolutions_to_approve=items(
            "resolutions_to_approve",
            lambda r: _item(r, r.document, r.due_on, r.created_at, today, calendar),
            "created_at",
        ),
        to_execute=items("to_execute", task_item, "due_on"),
        to_review=items(
            "to_review",
            lambda r: _item(
                r, r.task.document, r.task.due_on, r.created_at, today, calendar
            ),
            "created_at",
        ),
        extensions_to_decide=items(
            "extensions_to_decide",
            lambda c: _item(
                c, c.task.document, c.old_due_on, c.created_at, today, calendar
            ),
            "created_at",
        ),
        to_approve=items("to_approve", approval_item, "step__due_on"),
        to_sign=items("to_sign", approval_item, "step__due_on"),
        to_acquaint=[
            *items("to_acquaint", approval_item, "step__due_on"),
            *items(
                "informed",
                lambda t: _item(t, t.document, None, t.assigned_at, today, calendar),
                "assigned_at",
            ),
        ],
        overdue=items("overdue", task_item, "due_on"),
    )


def _waiting(
    user: User, people: frozenset[int], today: date
) -> dict[str, QuerySet[Any]]:
    """Each section's rows, unordered and unsliced; skipped sections absent."""
    my_tasks = _my_tasks(people)
    waiting: dict[str, QuerySet[Any]] = {
        "resolutions_to_approve": Resolution.objects.filter(
            author__in=people, status=ResolutionStatus.DRAFT
        ),
        "to_execute": my_tasks.filter(
            status=TaskStatus.ASSIGNED, role__in=CONTROLLED_ROLES
        ),
        "to_review": _to_review(people),
        "extensions_to_decide": _extensions_to_decide(people),
        "to_approve": _approval_tasks(people, APPROVING_KINDS),
        "to_sign": _approval_tasks(people, SIGNING_KINDS),
        "to_acquaint": _approval_tasks(people, (ApprovalKind.ACQUAINT,)),
        "informed": my_tasks.filter(
            status=TaskStatus.ASSIGNED, role=TaskRole.FOR_INFORMATION
        ),
        "overdue": _overdue(people, today),
    }
    if visibility.is_registrar(user):
        waiting["to_register"] = _to_register(user)
    to_resolve = _to_resolve(user, people)
    if to_resolve is not None:
        waiting["to_resolve"] = to_resolve
    return waiting


def _present(user: User, waiting: dict[str, QuerySet[Any]]) -> frozenset[str]:
    """The sections that hold anything, in one query of EXISTS."""
    flags = (
        User.objects.filter(pk=user.pk)
        .annotate(**{key: Exists(rows) for key, rows in waiting.items()})
        .values(*waiting)
        .first()
    )
    return frozenset(key for key, value in (flags or {}).items() if value)


# What a row of each section shows, fetched for that section's rows only.
_RELATED: dict[str, tuple[str, ...]] = {
    "to_register": (),
    "to_resolve": (),
    "resolutions_to_approve": ("document",),
    "to_review": (
        "task",
        "task__document",
        "task__resolution",
        "task__executor",
        "author",
    ),
    "extensions_to_decide": (
        "task",
        "task__document",
        "task__resolution",
        "requested_by",
    ),
}
_APPROVAL_RELATED = ("step", "step__route", "step__route__document")


def _rows(key: str, rows: QuerySet[Any], order: str) -> QuerySet[Any]:
    if rows.model is Task:
        return _first(rows, order)
    related = _RELATED.get(key, _APPROVAL_RELATED)
    return rows.select_related(*related).order_by(order, "pk")[:SECTION_LIMIT]


def _my_tasks(people: frozenset[int]) -> QuerySet[Task]:
    return Task.objects.filter(
        executor__in=people,
        resolution__status=ResolutionStatus.ACTIVE,
        closed_by__isnull=True,
    )


def _overdue(people: frozenset[int], today: date) -> QuerySet[Task]:
    return Task.objects.filter(
        Q(executor__in=people) | Q(controller__in=people),
        status__in=OPEN_STATUSES,
        due_on__lt=today,
        role__in=CONTROLLED_ROLES,
        resolution__status=ResolutionStatus.ACTIVE,
        closed_by__isnull=True,
    )


def _first(tasks: QuerySet[Task], order: str) -> QuerySet[Task]:
    """The first SECTION_LIMIT ``tasks`` by ``order``, with what a row shows.

    The ids are picked first (through the executor's index), so the joins
    and the desk subqueries run for one section's rows, not for the
    hundreds of open tasks a busy executor holds (bench/edms.py, E2).
    """
    ids = tasks.order_by(order, "pk").values("pk")[:SECTION_LIMIT]
    return (
        task_list_with_desk(Task.objects.filter(pk__in=ids))
        .select_related("document", "resolution", "executor")
        .order_by(order, "pk")
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
    return Document.objects.filter(
        visibility.visible_documents_q(user), status=DocumentStatus.DRAFT
    )


def _to_resolve(user: User, people: frozenset[int]) -> QuerySet[Document] | None:
    """Registered cards addressed to what ``user`` heads, not yet resolved."""
    headed = org_selectors.org_unit_ids_headed_by(user=user)
    if not headed and not control_permissions.is_head(user):
        return None
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
    )


def _to_review(people: frozenset[int]) -> QuerySet[TaskReport]:
    return TaskReport.objects.filter(
        _reviewer_q(people, prefix="task__"),
        status=TaskReportStatus.SUBMITTED,
        task__status=TaskStatus.REPORTED,
    )


def _extensions_to_decide(people: frozenset[int]) -> QuerySet[DeadlineChange]:
    return DeadlineChange.objects.filter(
        task__resolution__author__in=people,
        task__status__in=OPEN_STATUSES,
        status=DeadlineChangeStatus.REQUESTED,
    )


def _approval_tasks(
    people: frozenset[int], kinds: Iterable[ApprovalKind]
) -> QuerySet[ApprovalTask]:
    return ApprovalTask.objects.filter(
        participant__in=people,
        decision=ApprovalDecision.PENDING,
        step__status=ApprovalStepStatus.ACTIVE,
        step__kind__in=list(kinds),
    )


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
