"""Handling an appeal in the EDMS: routing by hand, forwarding, giving it
to an executor, extending its term.

Execution runs through the card's resolution and tasks (documents room):
the head of the responsible unit resolves, or the unit's dispatcher enters
the head's resolution (Kharkiv's dispatch service, R1); the task is under
control until the answer is accepted (``services.answers``).
"""

from datetime import date, timedelta
from typing import Final

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.appeals import permissions
from hromada.appeals.models import (
    APPEAL_TRANSITIONS,
    Appeal,
    AppealEventKind,
    AppealOutcome,
    AppealStatus,
)
from hromada.appeals.services import notices
from hromada.appeals.services.common import appeal_lock, event_add
from hromada.core import deadlines
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.transitions import transition_apply
from hromada.documents.models import Resolution, ResolutionStatus, Task
from hromada.documents.services import control_renew, receiving, resolutions
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit

ASSIGN_TEXT: Final = "Розглянути звернення та надати відповідь заявнику."
# Privileged applicants first (APL-12): their task is due this many days
# before the statutory term, but never before tomorrow.
PRIVILEGED_HEAD_START: Final = timedelta(days=5)
FORWARD_NOTE_MAX_LENGTH: Final = 300


@transaction.atomic
def appeal_route(
    *, appeal: Appeal, actor: User, unit: OrgUnit, controller: User | None = None
) -> Appeal:
    """Send a registered appeal to ``unit`` (the operator routes by hand
    what no rule routed, or corrects a rule)."""
    appeal = appeal_lock(appeal)
    if not permissions.can_route(actor, appeal):
        raise PermissionDeniedError(
            _("Appeals are routed by the contact centre and the office.")
        )
    if not unit.is_active:
        raise ApplicationError(
            _("Choose an active unit."), code="unit_inactive", details={"unit": []}
        )
    receiving.document_readdress(
        document=appeal.document, addressee_units=[unit], actor=actor
    )
    appeal.unit = unit
    appeal.controller = controller or appeal.controller
    appeal.routing_rule = None
    appeal.save(update_fields=["unit", "controller", "routing_rule", "updated_at"])
    event_add(appeal, AppealEventKind.ROUTED, actor=actor, unit_id=unit.pk)
    audit_record(
        actor=actor,
        action="appeals.route",
        target=appeal,
        data={"unit": unit.pk, "controller": appeal.controller_id},
    )
    return appeal


@transaction.atomic
def appeal_forward(*, appeal: Appeal, actor: User, forward_to: str) -> Appeal:
    """Forward an appeal outside the council's competence to the competent
    body and tell the applicant (Закон «Про звернення громадян», ст. 7:
    within five days; D4)."""
    appeal = appeal_lock(appeal)
    if not permissions.can_route(actor, appeal):
        raise PermissionDeniedError(
            _("Appeals are forwarded by the contact centre and the office.")
        )
    forward_to = forward_to.strip()
    if not forward_to or len(forward_to) > FORWARD_NOTE_MAX_LENGTH:
        message = _("Name the competent body (at most %(count)d characters).") % {
            "count": FORWARD_NOTE_MAX_LENGTH
        }
        raise ApplicationError(
            message, code="forward_to_invalid", details={"forward_to": [message]}
        )
    transition_apply(appeal, to=AppealStatus.FORWARDED, table=APPEAL_TRANSITIONS)
    appeal.forward_to = forward_to
    appeal.forwarded_at = timezone.now()
    appeal.outcome = AppealOutcome.FORWARDED
    appeal.closed_at = appeal.forwarded_at
    appeal.save(
        update_fields=[
            "status",
            "forward_to",
            "forwarded_at",
            "outcome",
            "closed_at",
            "updated_at",
        ]
    )
    receiving.document_close_received(
        document=appeal.document,
        actor=actor,
        note=_("Forwarded to %(body)s") % {"body": forward_to},
    )
    event_add(
        appeal,
        AppealEventKind.FORWARDED,
        actor=actor,
        note=_("Forwarded to the competent body: %(body)s") % {"body": forward_to},
    )
    audit_record(
        actor=actor,
        action="appeals.forward",
        target=appeal,
        data={"forward_to": forward_to},
    )
    notices.applicant_notify(appeal, template="appeals/forwarded", key="forwarded")
    return appeal


def internal_due(appeal: Appeal, *, today: date | None = None) -> date:
    """The task's due date: the statutory one, earlier for privileged
    applicants (APL-12)."""
    today = today or timezone.localdate()
    if not appeal.privileged:
        return appeal.due_on
    earlier = appeal.due_on - PRIVILEGED_HEAD_START
    return max(earlier, today + timedelta(days=1))


@transaction.atomic
def appeal_assign(*, appeal: Appeal, actor: User, executor: User) -> Appeal:
    """Give the appeal to ``executor`` of its unit: the head's resolution on
    the card puts the task under control; the applicant hears who works
    on it (by unit, R5)."""
    appeal = appeal_lock(appeal)
    if not permissions.can_assign(actor, appeal):
        raise PermissionDeniedError(
            _(
                "Executors are assigned by the head or the dispatcher of the "
                "unit the appeal is routed to."
            )
        )
    assert appeal.unit_id is not None  # can_assign checked the unit
    if appeal.unit_id not in org_selectors.org_unit_ids_for_user(user=executor):
        message = _("Choose an executor who works in the unit handling the appeal.")
        raise ApplicationError(
            message, code="executor_outside_unit", details={"executor": [message]}
        )
    head = _resolving_head(appeal, actor=actor)
    resolutions.resolution_create(
        document=appeal.document,
        author=head,
        entered_by=actor,
        text=ASSIGN_TEXT,
        executors=[executor],
        due_on=internal_due(appeal),
        controller=appeal.controller or head,
    )
    transition_apply(appeal, to=AppealStatus.IN_PROGRESS, table=APPEAL_TRANSITIONS)
    appeal.executor = executor
    appeal.controller = appeal.controller or head
    appeal.save(update_fields=["status", "executor", "controller", "updated_at"])
    event_add(appeal, AppealEventKind.ASSIGNED, actor=actor, unit_id=appeal.unit_id)
    audit_record(
        actor=actor,
        action="appeals.assign",
        target=appeal,
        data={"executor": executor.pk, "head": head.pk},
    )
    notices.applicant_notify(appeal, template="appeals/assigned", key="assigned")
    return appeal


def _resolving_head(appeal: Appeal, *, actor: User) -> User:
    """The head in whose name the resolution is written: the actor if they
    head the unit, else the unit's head (the dispatcher enters it)."""
    if permissions.heads_unit(actor, appeal):
        return actor
    assert appeal.unit_id is not None
    head = org_selectors.org_unit_head(org_unit_id=appeal.unit_id)
    if head is None:
        raise ApplicationError(
            _("The unit has no head today to resolve the appeal."),
            code="unit_without_head",
        )
    return head


@transaction.atomic
def appeal_extend(*, appeal: Appeal, actor: User, until: date, reason: str) -> Appeal:
    """Extend the term (ст. 20: by the head, with a notice to the applicant,
    45 days in all at most, D2)."""
    appeal = appeal_lock(appeal)
    if not permissions.can_extend(actor, appeal):
        raise PermissionDeniedError(
            _("The term is extended by the head of the unit or the leadership.")
        )
    if not reason.strip():
        message = _("Say why the matter needs more time.")
        raise ApplicationError(
            message, code="reason_missing", details={"reason": [message]}
        )
    due = deadlines.DueDate(
        rule_code=appeal.due_rule,
        start=appeal.registered_at.date(),
        due_on=appeal.due_on,
        explanation=appeal.due_explanation,
        limit_on=appeal.limit_on,
    )
    try:
        extended = deadlines.deadline_extend(due=due, until=until)
    except ApplicationError as error:
        raise ApplicationError(
            error.message, code=error.code, details={"until": [error.message]}
        ) from None
    appeal.due_on = extended.due_on
    appeal.due_explanation = extended.explanation
    appeal.extended_at = timezone.now()
    appeal.save(
        update_fields=["due_on", "due_explanation", "extended_at", "updated_at"]
    )
    for task in _open_tasks(appeal):
        if task.due_on < until:
            control_renew.task_due_extend(
                task=task, actor=actor, due_on=until, reason=reason
            )
    event_add(
        appeal,
        AppealEventKind.EXTENDED,
        actor=actor,
        unit_id=appeal.unit_id,
        note=_("The term is extended to %(date)s.")
        % {"date": until.strftime("%d.%m.%Y")},
    )
    audit_record(
        actor=actor,
        action="appeals.extend",
        target=appeal,
        data={"until": until, "reason": reason.strip()[:300]},
    )
    notices.applicant_notify(
        appeal,
        template="appeals/extended",
        key=f"extended:{until.isoformat()}",
        extra={"reason": reason.strip()[:500]},
    )
    return appeal


def _open_tasks(appeal: Appeal) -> list[Task]:
    return list(
        Task.objects.filter(
            document_id=appeal.document_id,
            resolution__status=ResolutionStatus.ACTIVE,
            status__in=receiving.OPEN_TASK_STATUSES,
        )
    )


def live_resolution(appeal: Appeal) -> Resolution | None:
    """The card's latest active resolution: the current control cycle."""
    return (
        Resolution.objects.filter(
            document_id=appeal.document_id,
            status=ResolutionStatus.ACTIVE,
            parent_task__isnull=True,
        )
        .order_by("-pk")
        .first()
    )
