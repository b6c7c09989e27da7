"""Cancelling a resolution, with everything given under it down the cascade."""

from collections.abc import Sequence

from django.db import transaction
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
from hromada.documents.models import (
    RESOLUTION_TRANSITIONS,
    TASK_TRANSITIONS,
    Document,
    Resolution,
    ResolutionStatus,
    Task,
    TaskReport,
    TaskReportStatus,
    TaskStatus,
)
from hromada.documents.permissions import control as control_permissions
from hromada.documents.services import awaiting
from hromada.notifications import services as notification_services

OPEN_STATUSES = (TaskStatus.ASSIGNED, TaskStatus.REPORTED)
LIVE_STATUSES = awaiting.LIVE_RESOLUTION_STATUSES


@transaction.atomic
def resolution_cancel(
    *, resolution: Resolution, actor: User, reason: str
) -> Resolution:
    """Cancel a resolution; its open tasks and their cascade are cancelled.

    The author, the registrar who entered it, or an official above the
    author cancels (``can_cancel_resolution``), with a reason, while no
    task of it or of its cascade has been executed. The card goes back to
    the author; executors of cancelled tasks are notified.
    """
    resolution = (
        Resolution.objects.select_for_update(of=("self",))
        .select_related("document", "parent_task__resolution")
        .get(pk=resolution.pk)
    )
    if not control_permissions.can_cancel_resolution(actor, resolution):
        raise PermissionDeniedError(
            _("Only the author of the resolution or an official above can cancel it.")
        )
    if not reason.strip():
        message = _("Give the reason for cancelling the resolution.")
        raise ApplicationError(
            message, code="reason_missing", details={"reason": [message]}
        )
    cascade = _cascade_lock(resolution)
    _check_nothing_executed(cascade)
    cancelled: list[Task] = []
    for each in cascade:
        cancelled += _cancel_one(each, actor=actor, reason=reason.strip())
    _holder_to_author(resolution)
    awaiting.awaiting_resolution_sync(document_id=resolution.document_id)
    _notify_cancelled(cancelled, reason=reason.strip())
    return resolution


def _cascade_lock(resolution: Resolution) -> list[Resolution]:
    """``resolution`` and every live resolution below its tasks, locked."""
    cascade = [resolution]
    level = [resolution.pk]
    while level:
        children = list(
            Resolution.objects.select_for_update()
            .filter(parent_task__resolution__in=level, status__in=LIVE_STATUSES)
            .order_by("pk")
        )
        cascade += children
        level = [child.pk for child in children]
    return cascade


def _check_nothing_executed(cascade: Sequence[Resolution]) -> None:
    executed = (
        TaskReport.objects.filter(
            task__resolution__in=cascade, status=TaskReportStatus.ACCEPTED
        ).exists()
        or Task.objects.filter(resolution__in=cascade, closed_by__isnull=False).exists()
    )
    if executed:
        raise InvalidTransitionError(
            _(
                "The resolution cannot be cancelled: a report on it has been "
                "accepted or a task was removed from control."
            ),
            code="resolution_executed",
        )


def _cancel_one(resolution: Resolution, *, actor: User, reason: str) -> list[Task]:
    previous = transition_apply(
        resolution, to=ResolutionStatus.CANCELLED, table=RESOLUTION_TRANSITIONS
    )
    resolution.cancelled_at = timezone.now()
    resolution.cancelled_by = actor
    resolution.cancel_reason = reason
    resolution.save(
        update_fields=[
            "status",
            "cancelled_at",
            "cancelled_by",
            "cancel_reason",
            "updated_at",
        ]
    )
    tasks = list(
        Task.objects.select_for_update(of=("self",))
        .select_related("document", "executor")
        .filter(resolution=resolution, status__in=OPEN_STATUSES)
        .order_by("pk")
    )
    for task in tasks:
        transition_apply(task, to=TaskStatus.CANCELLED, table=TASK_TRANSITIONS)
        task.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="documents.resolution_cancel",
        target=resolution,
        data={
            "from": previous,
            "reason": reason,
            "tasks": [task.pk for task in tasks],
            "parent_task": resolution.parent_task_id,
        },
    )
    return tasks


def _holder_to_author(resolution: Resolution) -> None:
    document = Document.objects.select_for_update().get(pk=resolution.document_id)
    if document.holder_id == resolution.author_id:
        return
    document.holder_id = resolution.author_id
    document.held_since = timezone.now()
    document.save(update_fields=["holder", "held_since", "updated_at"])


def _notify_cancelled(tasks: Sequence[Task], *, reason: str) -> None:
    for task in tasks:
        notification_services.notification_send(
            recipient=task.executor,
            template="documents/task_cancelled",
            context={
                "task_public_id": str(task.public_id),
                "registration_number": task.document.registration_number,
                "summary": task.document.summary[:200],
                "reason": reason[:500],
            },
            dedup_key=f"documents.task_cancelled:{task.pk}",
        )
