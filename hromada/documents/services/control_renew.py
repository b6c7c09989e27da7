"""A new control cycle on a finished task, and a later due date decided
outside the executor's request.

A citizen who says the answer did not solve the problem reopens the appeal
(issue: citizens' appeals); in the EDMS that is a new resolution on the
same card, with the same executors and controller, due afresh — the first
cycle stays on record as it ended (done on time or late, EDMS-13). An
appeal's term is extended by its head with a notice to the applicant
(Закон «Про звернення громадян», ст. 20); the task's due date follows.
The calling room checks who may do either.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, InvalidTransitionError
from hromada.documents.models import (
    Resolution,
    ResolutionStatus,
    Task,
    TaskRole,
    TaskStatus,
)
from hromada.documents.services import awaiting, resolutions


@transaction.atomic
def resolution_renew(
    *,
    resolution: Resolution,
    actor: User | None,
    text: str,
    due_on: date,
    due_explanation: str = "",
) -> Resolution:
    """Put ``resolution``'s executors to work again under a new resolution.

    The original must be active with every task finished; the new one
    names the same author and controller, since it continues their order.
    ``actor`` (who asked for it, or ``None`` for the system) is audited.
    """
    resolution = Resolution.objects.select_for_update().get(pk=resolution.pk)
    if resolution.status != ResolutionStatus.ACTIVE:
        raise InvalidTransitionError(
            _("Only an active resolution can be renewed."), code="resolution_inactive"
        )
    tasks = list(resolution.tasks.select_related("executor").order_by("pk"))
    if any(task.status in (TaskStatus.ASSIGNED, TaskStatus.REPORTED) for task in tasks):
        raise InvalidTransitionError(
            _("The resolution is still being carried out."), code="resolution_open"
        )
    if due_on < timezone.localdate():
        raise ApplicationError(
            _("The new due date cannot be in the past."), code="due_in_past"
        )
    executors = [
        task.executor for task in tasks if task.role != TaskRole.FOR_INFORMATION
    ]
    if not executors:
        raise ApplicationError(
            _("The resolution has no executor to give the work to."),
            code="no_executor",
        )
    renewed = Resolution.objects.create(
        document=resolution.document,
        parent_task=resolution.parent_task,
        author=resolution.author,
        entered_by=resolution.entered_by,
        text=text.strip() or resolution.text,
        due_on=due_on,
        due_rule="task.renewed",
        due_explanation=due_explanation,
        urgency=resolution.urgency,
        controller=resolution.controller,
        status=ResolutionStatus.ACTIVE,
        signed_at=timezone.now(),
    )
    new_tasks = resolutions._tasks_create(
        resolution=renewed, executors=executors, for_information=[]
    )
    resolutions._holder_set(document=resolution.document, holder=executors[0])
    awaiting.awaiting_resolution_sync(document_id=resolution.document_id)
    audit_record(
        actor=actor,
        action="documents.resolution_renew",
        target=renewed,
        data={
            "renews": resolution.pk,
            "executors": [user.pk for user in executors],
            "due_on": due_on,
        },
    )
    resolutions._notify_assigned(new_tasks)
    return renewed


@transaction.atomic
def task_due_extend(*, task: Task, actor: User, due_on: date, reason: str) -> Task:
    """Move an open task's due date later, for a reason on record."""
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.status not in (TaskStatus.ASSIGNED, TaskStatus.REPORTED):
        raise InvalidTransitionError(
            _("Only an open task gets a new due date."), code="task_closed"
        )
    if due_on <= task.due_on:
        raise ApplicationError(
            _("The new due date must be later than the current one."),
            code="due_not_later",
        )
    previous = task.due_on
    task.due_on = due_on
    task.save(update_fields=["due_on", "updated_at"])
    audit_record(
        actor=actor,
        action="documents.task_due_extend",
        target=task,
        data={"from": previous, "to": due_on, "reason": reason.strip()[:300]},
    )
    return task
