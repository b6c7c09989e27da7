"""Writes of control of execution: reports, deadlines, removal, digests."""

import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from hromada.core.transitions import transition_apply
from hromada.documents import events
from hromada.documents.models import (
    DEADLINE_CHANGE_TRANSITIONS,
    TASK_REPORT_TRANSITIONS,
    TASK_TRANSITIONS,
    DeadlineChange,
    DeadlineChangeStatus,
    Document,
    ResolutionStatus,
    Task,
    TaskReport,
    TaskReportStatus,
    TaskRole,
    TaskStatus,
)
from hromada.documents.permissions import control as control_permissions
from hromada.documents.services import control_files
from hromada.notifications import services as notification_services

logger = logging.getLogger(__name__)

OPEN_STATUSES = (TaskStatus.ASSIGNED, TaskStatus.REPORTED)
# A digest lists at most this many tasks; the rest are counted.
DIGEST_MAX_LINES = 30


def _task_lock(task: Task) -> Task:
    return (
        Task.objects.select_for_update(of=("self",))
        .select_related("resolution", "document")
        .get(pk=task.pk)
    )


@transaction.atomic
def task_report_submit(
    *,
    task: Task,
    actor: User,
    text: str,
    reply_document: Document | None = None,
    files: Sequence[File[bytes]] = (),
) -> TaskReport:
    """Report on a task; it waits for review by the reviewer (EDMS-07).

    The executor or their substitute reports; a co-executor's report goes
    to the responsible executor, the responsible's to the controller.
    ``files`` are uploads (the kinds a card's files accept); the
    ``reply_document`` must be a reply to the task's card that the
    executor sees. Any refusal stores nothing.
    """
    task = _task_lock(task)
    if not control_permissions.can_report(actor, task):
        raise PermissionDeniedError(_("Only the executor of the task can report."))
    if not text.strip():
        message = _("Write the report.")
        raise ApplicationError(
            message, code="report_empty", details={"text": [message]}
        )
    if reply_document is not None:
        control_files.reply_document_check(
            reply_document=reply_document, task=task, actor=actor
        )
    previous = transition_apply(task, to=TaskStatus.REPORTED, table=TASK_TRANSITIONS)
    stored = control_files.report_files_store(files=files, actor=actor)
    task.save(update_fields=["status", "updated_at"])
    report = TaskReport.objects.create(
        task=task, author=actor, text=text.strip(), reply_document=reply_document
    )
    if stored:
        report.files.set(stored)
    reviewer_id = task.reviewer_id
    if task.role == TaskRole.RESPONSIBLE:
        _holder_set(document_id=task.document_id, holder_id=reviewer_id)
    audit_record(
        actor=actor,
        action="documents.task_report_submit",
        target=task,
        data={
            "from": previous,
            "report": report.pk,
            "reviewer": reviewer_id,
            "reply_document": reply_document.pk if reply_document else None,
            "files": [file.sha256 for file in stored],
        },
    )
    notification_services.notification_send(
        recipient=User.objects.get(pk=reviewer_id),
        template="documents/task_reported",
        context=_task_context(task),
        dedup_key=f"documents.task_reported:{report.pk}",
    )
    return report


@transaction.atomic
def task_report_accept(*, report: TaskReport, actor: User) -> Task:
    """Accept a report: the task is done today (on time or late, EDMS-13).

    A task with an open child task cannot be closed (EDMS-09). When every
    task of the document's root resolutions is done, the card goes back to
    the controller.
    """
    task = _task_lock(report.task)
    report = TaskReport.objects.select_for_update().get(pk=report.pk)
    if not control_permissions.can_review_report(actor, task):
        raise PermissionDeniedError(
            _("Only the reviewer of the task can accept its report.")
        )
    transition_apply(
        report, to=TaskReportStatus.ACCEPTED, table=TASK_REPORT_TRANSITIONS
    )
    _check_no_open_children(task)
    previous = transition_apply(task, to=TaskStatus.DONE, table=TASK_TRANSITIONS)
    task.done_on = timezone.localdate()
    task.save(update_fields=["status", "done_on", "updated_at"])
    _review_save(report=report, actor=actor, comment="")
    _holder_after_done(task)
    audit_record(
        actor=actor,
        action="documents.task_report_accept",
        target=task,
        data={"from": previous, "report": report.pk, "done_on": task.done_on},
    )
    events.task_done.send_on_commit(
        events.TaskDone(
            task_id=task.pk,
            document_id=task.document_id,
            document_kind=task.document.kind,
        )
    )
    return task


@transaction.atomic
def task_report_return(*, report: TaskReport, actor: User, comment: str) -> Task:
    """Return a report for rework: the task is back with its executor."""
    task = _task_lock(report.task)
    report = TaskReport.objects.select_for_update().get(pk=report.pk)
    if not control_permissions.can_review_report(actor, task):
        raise PermissionDeniedError(
            _("Only the reviewer of the task can return its report.")
        )
    if not comment.strip():
        message = _("Say what needs to be reworked.")
        raise ApplicationError(
            message, code="comment_missing", details={"comment": [message]}
        )
    transition_apply(
        report, to=TaskReportStatus.RETURNED, table=TASK_REPORT_TRANSITIONS
    )
    previous = transition_apply(task, to=TaskStatus.ASSIGNED, table=TASK_TRANSITIONS)
    task.save(update_fields=["status", "updated_at"])
    _review_save(report=report, actor=actor, comment=comment.strip())
    if task.role == TaskRole.RESPONSIBLE:
        _holder_set(document_id=task.document_id, holder_id=task.executor_id)
    audit_record(
        actor=actor,
        action="documents.task_report_return",
        target=task,
        data={"from": previous, "report": report.pk},
    )
    notification_services.notification_send(
        recipient=task.executor,
        template="documents/report_returned",
        context={**_task_context(task), "comment": report.review_comment[:1000]},
        dedup_key=f"documents.report_returned:{report.pk}",
    )
    return task


@transaction.atomic
def deadline_change_request(
    *, task: Task, actor: User, new_due_on: date, reason: str
) -> DeadlineChange:
    """Ask the resolution's author for a later due date (EDMS-11).

    Asked by the executor no later than the due date; one open request per
    task (the database refuses a second).
    """
    task = _task_lock(task)
    if not control_permissions.can_request_deadline_change(actor, task):
        raise PermissionDeniedError(
            _("Only the executor of the task can ask for more time.")
        )
    _check_open(task)
    _check_change_allowed(task=task, new_due_on=new_due_on, reason=reason)
    change = DeadlineChange.objects.create(
        task=task,
        requested_by=actor,
        decider_id=task.resolution.author_id,
        reason=reason.strip(),
        old_due_on=task.due_on,
        new_due_on=new_due_on,
    )
    audit_record(
        actor=actor,
        action="documents.deadline_change_request",
        target=task,
        data={"change": change.pk, "old": task.due_on, "new": new_due_on},
    )
    return change


@transaction.atomic
def deadline_change_decide(
    *, change: DeadlineChange, actor: User, approve: bool
) -> DeadlineChange:
    """Approve or refuse an extension; approval moves the task's due date.

    Decided by the resolution's author or the leadership (EDMS-11).
    """
    task = _task_lock(change.task)
    change = DeadlineChange.objects.select_for_update().get(pk=change.pk)
    if not control_permissions.can_decide_deadline_change(actor, task):
        raise PermissionDeniedError(
            _("Only the author of the resolution can change its due date.")
        )
    target = DeadlineChangeStatus.APPROVED if approve else DeadlineChangeStatus.REFUSED
    transition_apply(change, to=target, table=DEADLINE_CHANGE_TRANSITIONS)
    change.decided_by = actor
    change.decided_at = timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    if approve:
        _check_open(task)
        task.due_on = change.new_due_on
        task.save(update_fields=["due_on", "updated_at"])
    audit_record(
        actor=actor,
        action="documents.deadline_change_decide",
        target=task,
        data={"change": change.pk, "status": change.status, "due_on": task.due_on},
    )
    return change


@transaction.atomic
def task_remove_from_control(*, task: Task, actor: User, basis: str) -> Task:
    """Remove a task from control, recording who and on what basis.

    ``basis`` is «До справи» or the number of the reply document (EDMS-12).
    An open task is done today; a parent waits for its children (EDMS-09).
    """
    task = _task_lock(task)
    if not control_permissions.can_remove_from_control(actor, task):
        raise PermissionDeniedError(
            _("Only the controller or the author can remove a task from control.")
        )
    if not basis.strip():
        message = _("Give the basis: «До справи» or the reply document's number.")
        raise ApplicationError(
            message, code="basis_missing", details={"basis": [message]}
        )
    if task.closed_by_id is not None or task.status == TaskStatus.CANCELLED:
        raise InvalidTransitionError(
            _("The task has already been removed from control."),
            code="task_already_removed",
        )
    _check_no_open_children(task)
    previous = TaskStatus(task.status)
    if task.status != TaskStatus.DONE:
        transition_apply(task, to=TaskStatus.DONE, table=TASK_TRANSITIONS)
        task.done_on = timezone.localdate()
    task.closed_by = actor
    task.closed_basis = basis.strip()
    task.save(
        update_fields=["status", "done_on", "closed_by", "closed_basis", "updated_at"]
    )
    _holder_after_done(task)
    audit_record(
        actor=actor,
        action="documents.task_remove_from_control",
        target=task,
        data={"from": previous, "basis": task.closed_basis},
    )
    return task


@transaction.atomic
def task_acknowledge(*, task: Task, actor: User) -> Task:
    """Mark a for-information task as read by its addressee."""
    task = _task_lock(task)
    if not control_permissions.can_acknowledge(actor, task):
        raise PermissionDeniedError(_("Only the addressee can mark this as read."))
    previous = transition_apply(task, to=TaskStatus.DONE, table=TASK_TRANSITIONS)
    task.done_on = timezone.localdate()
    task.save(update_fields=["status", "done_on", "updated_at"])
    audit_record(
        actor=actor,
        action="documents.task_acknowledge",
        target=task,
        data={"from": previous},
    )
    return task


def overdue_digest_send(*, today: date) -> int:
    """Send each executor and controller one digest of their overdue tasks.

    Run by the system each morning, not on anyone's behalf; idempotent per
    person and day (dedup key). Returns how many people have a digest.
    """
    overdue = (
        Task.objects.filter(
            status__in=OPEN_STATUSES,
            due_on__lt=today,
            closed_by__isnull=True,
            resolution__status=ResolutionStatus.ACTIVE,
        )
        .exclude(role=TaskRole.FOR_INFORMATION)
        .select_related("document")
        .order_by("due_on", "pk")
    )
    per_person: dict[int, list[Task]] = defaultdict(list)
    for task in overdue:
        per_person[task.executor_id].append(task)
        if task.controller_id != task.executor_id:
            per_person[task.controller_id].append(task)
    users = User.objects.filter(is_active=True).in_bulk(list(per_person))
    for user_id, tasks in per_person.items():
        user = users.get(user_id)
        if user is not None:
            _digest_send(user=user, tasks=tasks, today=today)
    return len(users)


@transaction.atomic
def _digest_send(*, user: User, tasks: Sequence[Task], today: date) -> None:
    lines = [
        f"{task.document.registration_number} — {task.document.summary[:80]} — "
        f"{task.due_on.strftime('%d.%m.%Y')}"
        for task in tasks[:DIGEST_MAX_LINES]
    ]
    notification_services.notification_send(
        recipient=user,
        template="documents/task_overdue_digest",
        context={
            "count": len(tasks),
            "lines": "\n".join(lines),
            "more": max(len(tasks) - DIGEST_MAX_LINES, 0),
            "today": today.strftime("%d.%m.%Y"),
        },
        dedup_key=f"documents.digest:{user.pk}:{today.isoformat()}",
    )


def _check_open(task: Task) -> None:
    if task.status not in OPEN_STATUSES or task.closed_by_id is not None:
        raise InvalidTransitionError(
            _("The task is no longer open."), code="task_not_open"
        )


def _check_change_allowed(*, task: Task, new_due_on: date, reason: str) -> None:
    if timezone.localdate() > task.due_on:
        raise ApplicationError(
            _("More time can be asked for only before the due date."),
            code="deadline_passed",
        )
    if new_due_on <= task.due_on:
        message = _("The new due date must be later than the current one.")
        raise ApplicationError(
            message, code="deadline_not_later", details={"new_due_on": [message]}
        )
    parent = task.resolution.parent_task
    if parent is not None and new_due_on > parent.due_on:
        message = _("The new due date cannot be later than the parent task's.")
        raise ApplicationError(
            message, code="due_date_after_parent", details={"new_due_on": [message]}
        )
    if not reason.strip():
        message = _("Give the reason for the extension.")
        raise ApplicationError(
            message, code="reason_missing", details={"reason": [message]}
        )
    if task.deadline_changes.filter(status=DeadlineChangeStatus.REQUESTED).exists():
        raise ApplicationError(
            _("An extension of this task is already waiting for a decision."),
            code="deadline_change_open",
        )


def _check_no_open_children(task: Task) -> None:
    open_children = Task.objects.filter(
        resolution__parent_task=task,
        resolution__status=ResolutionStatus.ACTIVE,
        status__in=OPEN_STATUSES,
    ).exclude(role=TaskRole.FOR_INFORMATION)
    if open_children.exists():
        raise InvalidTransitionError(
            _("The task has open subordinate tasks; close them first."),
            code="child_tasks_open",
        )


def _review_save(*, report: TaskReport, actor: User, comment: str) -> None:
    report.reviewed_by = actor
    report.reviewed_at = timezone.now()
    report.review_comment = comment
    report.save(
        update_fields=[
            "status",
            "reviewed_by",
            "reviewed_at",
            "review_comment",
            "updated_at",
        ]
    )


def _holder_set(*, document_id: int, holder_id: int) -> None:
    document = Document.objects.select_for_update().get(pk=document_id)
    if document.holder_id == holder_id:
        return
    document.holder_id = holder_id
    document.held_since = timezone.now()
    document.save(update_fields=["holder", "held_since", "updated_at"])


def _holder_after_done(task: Task) -> None:
    # The card leaves the executors' desks once the root resolutions are done.
    root_tasks = Task.objects.filter(
        document_id=task.document_id,
        resolution__parent_task__isnull=True,
        resolution__status=ResolutionStatus.ACTIVE,
    ).exclude(role=TaskRole.FOR_INFORMATION)
    if root_tasks.filter(
        ~Q(status__in=(TaskStatus.DONE, TaskStatus.CANCELLED))
    ).exists():
        return
    _holder_set(document_id=task.document_id, holder_id=task.controller_id)


def _task_context(task: Task) -> dict[str, str | int | None]:
    return {
        "task_public_id": str(task.public_id),
        "registration_number": task.document.registration_number,
        "summary": task.document.summary[:200],
        "due_on": task.due_on.strftime("%d.%m.%Y"),
    }
