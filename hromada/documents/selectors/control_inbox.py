"""Reads of the "Today" inbox: what waits for a person, and the menu badge."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import connection
from django.db.models import CharField, F, Q, QuerySet, Value
from django.utils import timezone

from hromada.accounts.models import User
from hromada.core import deadlines
from hromada.documents.models import (
    ApprovalKind,
    ApprovalTask,
    DeadlineChange,
    Document,
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
from hromada.documents.selectors import counters, desk_sections
from hromada.documents.selectors.control_tasks import (
    CONTROLLED_ROLES,
    OPEN_STATUSES,
    Urgency,
    task_held_since,
    task_list_with_desk,
    urgency_of,
)
from hromada.documents.selectors.routes import approvals_pending

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
    """The "Today" page of one person; each section lists ``DeskItem``.

    ``full`` names the sections cut at ``SECTION_LIMIT``: they hold more
    than they list (the page says "25+", not "25").
    """

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
    full: frozenset[str] = frozenset()

    @property
    def total(self) -> int:
        """Items needing action; overdue ones are already in other sections."""
        return sum(
            len(getattr(self, name))
            for name in self.__slots__
            if name not in ("overdue", "full")
        )


def inbox_for_user(*, user: User, today: date) -> Inbox:
    """Everything waiting for ``user`` (and whoever they substitute) today.

    One query picks the most urgent rows of every section at once (a union
    of the sections' first ``SECTION_LIMIT`` ids); then one query fetches
    the picked tasks of all task sections together, and one query each
    the rows of any other non-empty section. Items carry days on the desk,
    urgency and the resolution's urgency mark. Cancelled tasks wait for
    nobody.
    """
    people = control_permissions.acting_ids(user)
    calendar = deadlines.calendar_current()
    # The badge's counts are of the user's own rows only.
    counts = None
    if people == {user.pk} and user.is_active:
        counts = counters.desk_counts(user)
    picked = _pick(_waiting(user, people, today, counts))
    rows = _fetch(picked)

    def items(key: str, make: Callable[[Any], DeskItem]) -> list[DeskItem]:
        return [make(row) for row in rows.get(key, ())]

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
        to_register=items("to_register", document_item),
        to_resolve=items("to_resolve", document_item),
        resolutions_to_approve=items(
            "resolutions_to_approve",
            lambda r: _item(r, r.document, r.due_on, r.created_at, today, calendar),
        ),
        to_execute=items("to_execute", task_item),
        to_review=items(
            "to_review",
            lambda r: _item(
                r, r.task.document, r.task.due_on, r.created_at, today, calendar
            ),
        ),
        extensions_to_decide=items(
            "extensions_to_decide",
            lambda c: _item(
                c, c.task.document, c.old_due_on, c.created_at, today, calendar
            ),
        ),
        to_approve=items("to_approve", approval_item),
        to_sign=items("to_sign", approval_item),
        to_acquaint=[
            *items("to_acquaint", approval_item),
            *items(
                "informed",
                lambda t: _item(t, t.document, None, t.assigned_at, today, calendar),
            ),
        ],
        overdue=items("overdue", task_item),
        # Tasks for information show in "to_acquaint".
        full=frozenset(
            "to_acquaint" if key == "informed" else key
            for key, ids in picked.ids.items()
            if len(ids) >= SECTION_LIMIT
        ),
    )


def _waiting(
    user: User, people: frozenset[int], today: date, counts: counters.DeskCounts | None
) -> dict[str, QuerySet[Any]]:
    """Each section's rows, unordered and unsliced.

    Sections ``user`` does not have (registrars' and heads' own) are absent,
    and so are those ``counts`` found empty (``_known_empty``).
    """
    builders: dict[str, Callable[[], QuerySet[Any] | None]] = {
        "to_register": lambda: desk_sections.to_register_rows(user),
        "to_resolve": lambda: desk_sections.to_resolve_rows(user, people),
        "resolutions_to_approve": lambda: desk_sections.drafts_rows(people),
        "to_execute": lambda: _my_tasks(people).filter(
            status=TaskStatus.ASSIGNED, role__in=CONTROLLED_ROLES
        ),
        "to_review": lambda: _to_review(people),
        "extensions_to_decide": lambda: desk_sections.extensions_to_decide_rows(people),
        "to_approve": lambda: _approval_tasks(people, APPROVING_KINDS),
        "to_sign": lambda: _approval_tasks(people, SIGNING_KINDS),
        "to_acquaint": lambda: _approval_tasks(people, (ApprovalKind.ACQUAINT,)),
        "informed": lambda: _my_tasks(people).filter(
            status=TaskStatus.ASSIGNED, role=TaskRole.FOR_INFORMATION
        ),
        "overdue": lambda: _overdue(people, today),
    }
    waiting: dict[str, QuerySet[Any]] = {}
    for key, build in builders.items():
        if _known_empty(key, counts):
            continue
        rows = build()
        if rows is not None:
            waiting[key] = rows
    return waiting


# The badge's counts (``counters.DeskCounts``, named after the sections)
# are asked on every cabinet page anyway, once per request; for a person
# who acts for nobody they count the same rows (or more), so a section
# counted 0 needs no part in the union: a busy executor's page builds and
# compiles half the parts it did, and its union query got faster too
# (bench/edms.py, E2). The approval sections share one count; "Overdue"
# (its tasks are in their own sections) is not counted.
_APPROVAL_SECTIONS = frozenset({"to_approve", "to_sign", "to_acquaint"})


def _known_empty(key: str, counts: counters.DeskCounts | None) -> bool:
    if counts is None:
        return False
    counted = "approvals_own" if key in _APPROVAL_SECTIONS else key
    return getattr(counts, counted, None) == 0


# How each section orders its rows, most urgent first: a field path.
_ORDER: dict[str, str] = {
    "to_register": "created_at",
    "to_resolve": "registered_at",
    "resolutions_to_approve": "created_at",
    "to_execute": "due_on",
    "to_review": "created_at",
    "extensions_to_decide": "created_at",
    "to_approve": "step__due_on",
    "to_sign": "step__due_on",
    "to_acquaint": "step__due_on",
    "informed": "assigned_at",
    "overdue": "due_on",
}
# What a row of each non-task section shows, fetched for its rows only.
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
# The columns a task's row shows (and its desk time needs): a busy
# executor's page loads two sections of them, not every column of four
# tables.
_TASK_ROW = (
    "public_id",
    "status",
    "role",
    "due_on",
    "assigned_at",
    "document__public_id",
    "document__registration_number",
    "document__summary",
    "resolution__text",
    "resolution__urgency",
    "resolution__status",
)


@dataclass(frozen=True, kw_only=True, slots=True)
class _Picked:
    """The ids picked for each non-empty section, and the sections' models."""

    ids: dict[str, list[int]]
    models: dict[str, type[Any]]


def _pick(waiting: dict[str, QuerySet[Any]]) -> _Picked:
    """The first ``SECTION_LIMIT`` ids of every section, in one query.

    A union of one branch per section: sections that hold nothing cost
    nothing more, and Django compiles each branch once (a probe of
    ``EXISTS`` per section and then a query per section cost twice that;
    bench/edms.py, E2).
    """
    branches = [_branch(key, rows) for key, rows in waiting.items()]
    first, *rest = branches
    ids: dict[str, list[int]] = {}
    for key, pk in first.union(*rest, all=True):
        ids.setdefault(key, []).append(pk)
    return _Picked(ids=ids, models={key: rows.model for key, rows in waiting.items()})


def _branch(key: str, rows: QuerySet[Any]) -> QuerySet[Any]:
    """(section, id) of the section's first rows, as one part of a union.

    PostgreSQL takes "ORDER BY … LIMIT" in each part of a union; SQLite
    does not, so there a part asks "ids in (the first ids)" instead.
    """
    ordered = rows.order_by(F(_ORDER[key]).asc(nulls_last=True), "pk")
    limited_parts = connection.features.supports_slicing_ordering_in_compound
    if not limited_parts:
        first = ordered.values("pk")[:SECTION_LIMIT]
        ordered = rows.model.objects.filter(pk__in=first).order_by()
    labelled: QuerySet[Any] = ordered.annotate(
        section=Value(key, output_field=CharField())
    ).values_list("section", "pk")
    if limited_parts:
        labelled = labelled[:SECTION_LIMIT]
    return labelled


def _fetch(picked: _Picked) -> dict[str, list[Any]]:
    """The picked rows of each section with what a row shows, in order."""
    fetched: dict[str, list[Any]] = {}
    task_keys = [key for key in picked.ids if picked.models[key] is Task]
    if task_keys:
        wanted = {pk for key in task_keys for pk in picked.ids[key]}
        tasks = {
            task.pk: task
            for task in task_list_with_desk(Task.objects.filter(pk__in=wanted))
            .select_related("document", "resolution")
            .only(*_TASK_ROW)
        }
        for key in task_keys:
            rows = [tasks[pk] for pk in picked.ids[key] if pk in tasks]
            fetched[key] = _in_order(key, rows)
    for key, ids in picked.ids.items():
        if key in fetched:
            continue
        related = _RELATED.get(key, _APPROVAL_RELATED)
        rows = list(
            picked.models[key].objects.filter(pk__in=ids).select_related(*related)
        )
        fetched[key] = _in_order(key, rows)
    return fetched


def _in_order(key: str, rows: list[Any]) -> list[Any]:
    """``rows`` in their section's order: by value (empty last), then id."""
    path = _ORDER[key].split("__")

    def value_of(row: Any) -> Any:
        for name in path:
            row = getattr(row, name)
        return row

    keyed = [(value_of(row), row.pk, row) for row in rows]
    present = sorted((k for k in keyed if k[0] is not None), key=lambda k: k[:2])
    empty = sorted((k for k in keyed if k[0] is None), key=lambda k: k[1])
    return [row for _value, _pk, row in present + empty]


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


def _to_review(people: frozenset[int]) -> QuerySet[TaskReport]:
    return TaskReport.objects.filter(
        task__reviewer__in=people,
        status=TaskReportStatus.SUBMITTED,
        task__status=TaskStatus.REPORTED,
    )


def _approval_tasks(
    people: frozenset[int], kinds: Iterable[ApprovalKind]
) -> QuerySet[ApprovalTask]:
    """The rows of "To approve and sign" (``routes``), of some step kinds."""
    return approvals_pending().filter(
        participant__in=people, step__kind__in=list(kinds)
    )
