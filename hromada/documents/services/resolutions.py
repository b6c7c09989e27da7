"""Writes of resolutions (резолюції): create, approve a draft, make tasks."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hromada.accounts.models import User
from hromada.core import deadlines, once
from hromada.core.audit import audit_record
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from hromada.core.transitions import transition_apply
from hromada.documents.models import (
    RESOLUTION_TRANSITIONS,
    Document,
    DocumentStatus,
    Resolution,
    ResolutionStatus,
    ResolutionUrgency,
    Task,
    TaskRole,
    TaskStatus,
)
from hromada.documents.permissions import control as control_permissions
from hromada.documents.services import awaiting
from hromada.notifications import services as notification_services
from hromada.org import selectors as org_selectors

DEFAULT_RULE = "task.default"
# The rule codes stored for the preset terms of marked resolutions.
URGENCY_RULES: Final = {
    ResolutionUrgency.URGENT: "task.urgent",
    ResolutionUrgency.IMMEDIATE: "task.immediate",
}


@dataclass(frozen=True, kw_only=True, slots=True)
class _Due:
    due_on: date
    rule: str
    explanation: str


@transaction.atomic
def resolution_create(
    *,
    document: Document,
    author: User,
    entered_by: User,
    text: str,
    executors: Sequence[User],
    for_information: Sequence[User] = (),
    due_on: date | None = None,
    controller: User | None = None,
    parent_task: Task | None = None,
    is_draft: bool = False,
    urgency: ResolutionUrgency = ResolutionUrgency.ORDINARY,
    once_key: UUID | None = None,
) -> Resolution:
    """Write a head's resolution; unless a draft, put its tasks on control.

    The first executor answers for the task (EDMS-07). A draft prepared by
    an assistant has no tasks until its author approves it (EDMS-08).
    Without ``due_on`` the term follows ``urgency`` (EDMS-10). A form sent
    twice with the same ``once_key`` returns the first resolution.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    earlier = once.submission_claim(
        key=once_key, actor=entered_by, action="documents.resolution_create"
    )
    if earlier is not None:
        return Resolution.objects.get(pk=earlier)
    if parent_task is not None:
        parent_task = Task.objects.select_for_update().get(pk=parent_task.pk)
    _check_may_resolve(
        document=document,
        author=author,
        entered_by=entered_by,
        parent_task=parent_task,
        is_draft=is_draft,
    )
    _check_people(executors=executors, for_information=for_information)
    due = _due(
        document=document, due_on=due_on, parent_task=parent_task, urgency=urgency
    )
    resolution = Resolution.objects.create(
        document=document,
        parent_task=parent_task,
        author=author,
        entered_by=entered_by,
        text=text.strip(),
        due_on=due.due_on,
        due_rule=due.rule,
        due_explanation=due.explanation,
        urgency=urgency,
        controller=controller or author,
        status=ResolutionStatus.DRAFT if is_draft else ResolutionStatus.ACTIVE,
        signed_at=None if is_draft else timezone.now(),
        draft_executor_ids=[user.pk for user in executors] if is_draft else [],
        draft_for_information_ids=(
            [user.pk for user in for_information] if is_draft else []
        ),
    )
    tasks: list[Task] = []
    if not is_draft:
        tasks = _tasks_create(
            resolution=resolution,
            executors=list(executors),
            for_information=list(for_information),
        )
        _holder_set(document=document, holder=executors[0])
    awaiting.awaiting_resolution_sync(document_id=document.pk)
    audit_record(
        actor=entered_by,
        action="documents.resolution_create",
        target=resolution,
        data={
            "document": document.pk,
            "author": author.pk,
            "executors": [user.pk for user in executors],
            "for_information": [user.pk for user in for_information],
            "due_on": due.due_on,
            "is_draft": is_draft,
            "urgency": urgency,
            "parent_task": parent_task.pk if parent_task is not None else None,
        },
    )
    _notify_assigned(tasks)
    once.submission_bind(key=once_key, target=resolution)
    return resolution


@transaction.atomic
def resolution_approve(*, resolution: Resolution, actor: User) -> Resolution:
    """Sign a draft resolution: it takes effect and its tasks are created.

    Only the author (or their substitute) approves (EDMS-08).
    """
    resolution = Resolution.objects.select_for_update().get(pk=resolution.pk)
    document = Document.objects.select_for_update().get(pk=resolution.document_id)
    if not control_permissions.can_approve_resolution(actor, resolution):
        raise PermissionDeniedError(
            _("Only the author of the resolution can approve it.")
        )
    previous = transition_apply(
        resolution, to=ResolutionStatus.ACTIVE, table=RESOLUTION_TRANSITIONS
    )
    if resolution.due_rule in URGENCY_RULES.values():
        # A preset term runs from the day the head signs, not the draft's.
        due = _due(
            document=document,
            due_on=None,
            parent_task=resolution.parent_task,
            urgency=ResolutionUrgency(resolution.urgency),
        )
        _due_apply(resolution, due)
    _check_due_not_past(resolution.due_on)
    executors = _users_in_order(resolution.draft_executor_ids)
    for_information = _users_in_order(resolution.draft_for_information_ids)
    _check_people(executors=executors, for_information=for_information)
    resolution.signed_at = timezone.now()
    resolution.save(
        update_fields=[
            "status",
            "signed_at",
            "due_on",
            "due_rule",
            "due_explanation",
            "updated_at",
        ]
    )
    tasks = _tasks_create(
        resolution=resolution, executors=executors, for_information=for_information
    )
    _holder_set(document=document, holder=executors[0])
    audit_record(
        actor=actor,
        action="documents.resolution_approve",
        target=resolution,
        data={
            "from": previous,
            "tasks": [task.pk for task in tasks],
            "due_on": resolution.due_on,
        },
    )
    _notify_assigned(tasks)
    return resolution


def _check_may_resolve(
    *,
    document: Document,
    author: User,
    entered_by: User,
    parent_task: Task | None,
    is_draft: bool,
) -> None:
    if parent_task is not None:
        if parent_task.document_id != document.pk or not (
            control_permissions.is_task_executor(author, parent_task)
        ):
            raise PermissionDeniedError(
                _("Only the executor of a task can resolve their part of it.")
            )
        if parent_task.status not in (TaskStatus.ASSIGNED, TaskStatus.REPORTED):
            raise InvalidTransitionError(
                _("A closed task cannot be resolved further."),
                code="parent_task_closed",
            )
    elif not control_permissions.can_resolve(author, document):
        raise PermissionDeniedError(
            _("Resolutions are written by heads who can see the document.")
        )
    if entered_by.pk != author.pk and not (
        control_permissions.can_enter_for_head(entered_by)
        or control_permissions.is_dispatcher_for(entered_by, author)
        or (is_draft and control_permissions.can_view(entered_by, document))
    ):
        raise PermissionDeniedError(
            _("Only the office can enter a resolution on behalf of a head.")
        )
    if document.status != DocumentStatus.REGISTERED:
        raise InvalidTransitionError(
            _("Only a registered document can be resolved."),
            code="document_not_registered",
        )
    if document.closed_as:
        raise InvalidTransitionError(
            _("The document is filed «До справи»; it takes no resolution."),
            code="document_closed",
        )


def _check_people(
    *, executors: Sequence[User], for_information: Sequence[User]
) -> None:
    if not executors:
        raise ApplicationError(
            _("Name at least one executor."),
            code="executors_missing",
            details={"executors": [_("Name at least one executor.")]},
        )
    ids = [user.pk for user in (*executors, *for_information)]
    if len(set(ids)) != len(ids):
        message = _("Name each person only once.")
        raise ApplicationError(
            message, code="executors_repeated", details={"executors": [message]}
        )
    staff_ids = set(
        org_selectors.employee_list_current()
        .filter(user_id__in=ids)
        .values_list("user_id", flat=True)
    )
    if staff_ids != set(ids):
        message = _("Executors must be current employees of the council.")
        raise ApplicationError(
            message, code="executor_not_staff", details={"executors": [message]}
        )


def _due(
    *,
    document: Document,
    due_on: date | None,
    parent_task: Task | None,
    urgency: ResolutionUrgency,
) -> _Due:
    if due_on is not None:
        _check_due_not_past(due_on)
        due = _Due(due_on=due_on, rule="", explanation="")
    elif urgency != ResolutionUrgency.ORDINARY:
        due = _urgent_due(urgency)
        if parent_task is not None and due.due_on > parent_task.due_on:
            due = _parent_due(parent_task)
    elif parent_task is not None:
        due = _parent_due(parent_task)
    else:
        start = document.registered_on or timezone.localdate()
        computed = deadlines.deadline_compute(rule_code=DEFAULT_RULE, start=start)
        due = _Due(
            due_on=computed.due_on,
            rule=computed.rule_code,
            explanation=computed.explanation,
        )
    if parent_task is not None and due.due_on > parent_task.due_on:
        message = _("The due date cannot be later than the parent task's, %(due)s.") % {
            "due": parent_task.due_on.strftime("%d.%m.%Y")
        }
        raise ApplicationError(
            message, code="due_date_after_parent", details={"due_on": [message]}
        )
    return due


def _parent_due(parent_task: Task) -> _Due:
    return _Due(
        due_on=parent_task.due_on,
        rule="",
        explanation=_("The due date of the parent task."),
    )


def urgency_working_days(urgency: ResolutionUrgency) -> int:
    """Working days a marked resolution gives without a due date (EDMS-10).

    The council's records-management instruction sets both presets
    (DOMAIN.md §5, an open question); the settings hold its values,
    3 working days for «Терміново» and 1 for «Невідкладно» by default.
    """
    if urgency == ResolutionUrgency.IMMEDIATE:
        return int(settings.HROMADA_EDMS_IMMEDIATE_DAYS)
    return int(settings.HROMADA_EDMS_URGENT_DAYS)


def _urgent_due(urgency: ResolutionUrgency) -> _Due:
    # The preset runs from the day of the resolution, not from registration:
    # a mark set days after receipt still leaves the executor its term.
    start = timezone.localdate()
    count = urgency_working_days(urgency)
    due_on = deadlines.add_working_days(start=start, count=count)
    explanation = ngettext(
        "Marked «%(mark)s»: %(count)s working day from %(start)s, due %(due)s.",
        "Marked «%(mark)s»: %(count)s working days from %(start)s, due %(due)s.",
        count,
    ) % {
        "mark": urgency.label,
        "count": count,
        "start": start.strftime("%d.%m.%Y"),
        "due": due_on.strftime("%d.%m.%Y"),
    }
    return _Due(due_on=due_on, rule=URGENCY_RULES[urgency], explanation=explanation)


def _due_apply(resolution: Resolution, due: _Due) -> None:
    resolution.due_on = due.due_on
    resolution.due_rule = due.rule
    resolution.due_explanation = due.explanation


def _check_due_not_past(due_on: date) -> None:
    if due_on < timezone.localdate():
        message = _("The due date cannot be in the past.")
        raise ApplicationError(
            message, code="due_date_in_past", details={"due_on": [message]}
        )


def _users_in_order(ids: Sequence[int]) -> list[User]:
    users = User.objects.in_bulk(list(ids))
    return [users[pk] for pk in ids if pk in users]


def _tasks_create(
    *, resolution: Resolution, executors: list[User], for_information: list[User]
) -> list[Task]:
    now = timezone.now()
    controller_id = resolution.controller_id or resolution.author_id
    roles = [TaskRole.RESPONSIBLE] + [TaskRole.CO_EXECUTOR] * (len(executors) - 1)
    people = [*zip(executors, roles, strict=True)] + [
        (user, TaskRole.FOR_INFORMATION) for user in for_information
    ]
    # Co-executors report to the responsible executor, the rest to the
    # controller (EDMS-07).
    responsible_id = executors[0].pk if executors else controller_id
    tasks = [
        Task(
            resolution=resolution,
            document=resolution.document,
            executor=user,
            role=role,
            controller_id=controller_id,
            reviewer_id=(
                responsible_id if role == TaskRole.CO_EXECUTOR else controller_id
            ),
            status=TaskStatus.ASSIGNED,
            due_on=resolution.due_on,
            assigned_at=now,
        )
        for user, role in people
    ]
    for task in tasks:
        task.save(force_insert=True)
    return tasks


def _holder_set(*, document: Document, holder: User) -> None:
    document.holder = holder
    document.held_since = timezone.now()
    document.save(update_fields=["holder", "held_since", "updated_at"])


def _notify_assigned(tasks: Sequence[Task]) -> None:
    for task in tasks:
        notification_services.notification_send(
            recipient=task.executor,
            template="documents/task_assigned",
            context={
                "task_public_id": str(task.public_id),
                "registration_number": task.document.registration_number,
                "summary": task.document.summary[:200],
                "role": str(task.get_role_display()),
                "due_on": task.due_on.strftime("%d.%m.%Y"),
                "instruction": task.resolution.text[:500],
            },
            dedup_key=f"documents.task_assigned:{task.pk}",
        )
