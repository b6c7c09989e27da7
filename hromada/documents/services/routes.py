"""Writes of approval and signing routes over a file version (EDMS-14, 15).

A route copies its steps from a template (``route_templates``) or from
steps built on the spot, so later edits of a template never reach it.
"""

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.deadlines import add_working_days
from hromada.core.deadlines.working_hours import add_working_hours
from hromada.core.errors import (
    ApplicationError,
    PermissionDeniedError,
)
from hromada.core.transitions import transition_apply
from hromada.documents import permissions
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    ApprovalRoute,
    ApprovalStep,
    ApprovalStepStatus,
    ApprovalTask,
    Document,
    FileVersion,
    OnReject,
    Quorum,
    RouteStatus,
    RouteTemplate,
)
from hromada.documents.models.routes import (
    APPROVAL_STEP_TRANSITIONS,
    ROUTE_TRANSITIONS,
)
from hromada.documents.services import route_steps, signing
from hromada.notifications import services as notification_services


@transaction.atomic
def route_start(
    *,
    document: Document,
    version: FileVersion,
    actor: User,
    template: RouteTemplate | None = None,
    steps: Sequence[route_steps.StepSpec] | None = None,
) -> ApprovalRoute:
    """Run a route from ``template`` or ``steps`` over ``version``.

    The card's creator, holder or a head above its unit starts it; one route
    runs per card at a time. A template must be in use; its steps are copied.
    Participants of step 1 are notified.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_start_route(actor, document):
        raise PermissionDeniedError(
            _("A route is started by the card's author, holder or unit head.")
        )
    if version.document_file.document_id != document.pk:
        raise ApplicationError(
            _("Choose a version of this document's file."),
            code="version_of_other_document",
        )
    specs = _specs_given(template=template, steps=steps)
    route = _route_create(
        document=document,
        version=version,
        started_by=actor,
        template=template,
        specs=specs,
    )
    audit_record(
        actor=actor,
        action="documents.route_start",
        target=route,
        data=_route_data(route, template=template, steps=len(specs)),
    )
    _step_activate(route.steps.get(order=1), template="documents/approval_requested")
    return route


@transaction.atomic
def route_decide(
    *,
    task: ApprovalTask,
    actor: User,
    decision: ApprovalDecision,
    comment: str = "",
    seen_sha256: str,
) -> ApprovalTask:
    """Record ``actor``'s decision on ``task`` for the version they saw.

    A substitute decides for the participant; ``decided_by`` names them. The
    decision binds to ``seen_sha256`` (EDMS-15); the step's quorum then moves
    the route on, or stops or returns it.
    """
    task = ApprovalTask.objects.select_for_update().get(pk=task.pk)
    route = (
        ApprovalRoute.objects.select_for_update(of=("self",))
        .select_related("document", "file_version__stored_file")
        .get(steps__pk=task.step_id)
    )
    # Read after the route lock: a parallel decision may have closed the step.
    task.step = ApprovalStep.objects.get(pk=task.step_id)
    step = task.step
    if not permissions.can_decide(actor, task):
        raise PermissionDeniedError(
            _("Only a participant of the step or their substitute decides.")
        )
    route_steps.decision_check(route=route, step=step, task=task)
    route_steps.decision_validate(step=step, decision=decision, comment=comment)
    if seen_sha256 != route.file_version.sha256:
        raise ApplicationError(
            _("The document has changed; review the new version."),
            code="version_changed",
        )
    if step.kind == ApprovalKind.SIGN and decision in route_steps.APPROVING:
        signing.file_version_sign(
            version=route.file_version,
            signer=actor,
            reason=_("Signed on the approval route of the document."),
        )
    task.decision = decision
    task.decided_by = actor
    task.decided_at = timezone.now()
    task.comment = comment.strip()
    task.seen_sha256 = seen_sha256
    task.save(
        update_fields=[
            "decision",
            "decided_by",
            "decided_at",
            "comment",
            "seen_sha256",
            "updated_at",
        ]
    )
    outcome = route_steps.step_outcome(step)
    audit_record(
        actor=actor,
        action="documents.route_decide",
        target=task,
        data={
            "route": route.pk,
            "step": step.order,
            "participant": task.participant_id,
            "decision": decision,
            "seen_sha256": seen_sha256,
            "step_outcome": outcome or "",
        },
    )
    if outcome is not None:
        _step_close(route=route, step=step, outcome=outcome, last_decision=task)
    return task


@transaction.atomic
def route_cancel(*, route: ApprovalRoute, actor: User, reason: str) -> ApprovalRoute:
    """Stop a running route; its undecided tasks leave everyone's lists.

    The starter or a head above the card's unit cancels, giving a reason.
    """
    route = (
        ApprovalRoute.objects.select_for_update(of=("self",))
        .select_related("document")
        .get(pk=route.pk)
    )
    if not permissions.can_cancel_route(actor, route):
        raise PermissionDeniedError(
            _("A route is cancelled by whoever started it or by the unit head.")
        )
    if not reason.strip():
        raise ApplicationError(
            _("Say why the route is cancelled."),
            code="reason_required",
            details={"reason": [_("Say why the route is cancelled.")]},
        )
    _route_finish(route, to=RouteStatus.CANCELLED)
    audit_record(
        actor=actor,
        action="documents.route_cancel",
        target=route,
        data={"reason": reason.strip()},
    )
    return route


@transaction.atomic
def route_restart_for_version(*, version_id: int) -> ApprovalRoute | None:
    """Restart a running route over an older version of the same file.

    The system acts (no permission check): a new version voids every
    decision on the old one (EDMS-15), so the new route starts at step 1.
    Safe to run twice: a route already over this version is left alone.
    """
    version = FileVersion.objects.select_related("document_file").get(pk=version_id)
    old = (
        ApprovalRoute.objects.select_for_update(of=("self",))
        .filter(
            document_id=version.document_file.document_id,
            status=RouteStatus.RUNNING,
            file_version__document_file_id=version.document_file_id,
            file_version__number__lt=version.number,
        )
        .select_related("document", "template", "started_by")
        .first()
    )
    if old is None:
        return None
    specs = _route_specs(old)
    _route_finish(old, to=RouteStatus.CANCELLED)
    audit_record(
        actor=None,
        action="documents.route_cancel",
        target=old,
        data={"reason": "new_version", "file_version": version.pk},
    )
    route = _route_create(
        document=old.document,
        version=version,
        started_by=old.started_by,
        template=old.template,
        specs=specs,
    )
    audit_record(
        actor=None,
        action="documents.route_restart",
        target=route,
        data={**_route_data(route, template=old.template), "previous_route": old.pk},
    )
    _step_activate(route.steps.get(order=1), template="documents/approval_restarted")
    return route


def _specs_given(
    *, template: RouteTemplate | None, steps: Sequence[route_steps.StepSpec] | None
) -> list[route_steps.StepSpec]:
    if (template is None) == (steps is None):
        raise ApplicationError(
            _("Choose a route template or build the steps."), code="route_source"
        )
    if template is None:
        specs = list(steps or [])
    else:
        specs = route_steps.template_specs(_template_locked(template))
    route_steps.steps_check(specs)
    return specs


def _template_locked(template: RouteTemplate) -> RouteTemplate:
    # Locked while its steps are copied: an edit waits until the route has
    # its own copy, and a template deactivated meanwhile is refused.
    locked = RouteTemplate.objects.select_for_update().filter(
        pk=template.pk, is_active=True
    )
    found = locked.first()
    if found is None:
        raise ApplicationError(
            _("This route template is no longer in use; choose another."),
            code="route_template_inactive",
        )
    return found


def _route_specs(route: ApprovalRoute) -> list[route_steps.StepSpec]:
    steps = route.steps.order_by("order").prefetch_related("tasks__participant")
    return [
        route_steps.StepSpec(
            kind=ApprovalKind(step.kind),
            participants=[task.participant for task in step.tasks.all()],
            quorum=Quorum(step.quorum),
            quorum_n=step.quorum_n,
            term_days=step.term_days,
            term_hours=step.term_hours,
            on_reject=OnReject(step.on_reject),
        )
        for step in steps
    ]


def _route_create(
    *,
    document: Document,
    version: FileVersion,
    started_by: User,
    template: RouteTemplate | None,
    specs: Sequence[route_steps.StepSpec],
) -> ApprovalRoute:
    try:
        # A savepoint: the constraint "one running route per card" decides.
        with transaction.atomic():
            route = ApprovalRoute.objects.create(
                document=document,
                file_version=version,
                template=template,
                started_by=started_by,
            )
    except IntegrityError:
        raise ApplicationError(
            _("A route is already running for this document."),
            code="route_running",
        ) from None
    for order, spec in enumerate(specs, start=1):
        step = ApprovalStep.objects.create(
            route=route,
            order=order,
            kind=spec.kind,
            quorum=spec.quorum,
            quorum_n=spec.quorum_n,
            term_days=spec.term_days,
            term_hours=spec.term_hours,
            on_reject=spec.on_reject,
        )
        ApprovalTask.objects.bulk_create(
            ApprovalTask(step=step, participant=user) for user in spec.participants
        )
    return route


def _route_data(
    route: ApprovalRoute, *, template: RouteTemplate | None, steps: int | None = None
) -> dict[str, object]:
    data: dict[str, object] = {
        "document": route.document_id,
        "file_version": route.file_version_id,
        "sha256": route.file_version.sha256,
        "template": template.pk if template is not None else None,
    }
    if steps is not None:
        data["steps"] = steps
    return data


def _step_activate(step: ApprovalStep, *, template: str) -> None:
    transition_apply(
        step, to=ApprovalStepStatus.ACTIVE, table=APPROVAL_STEP_TRANSITIONS
    )
    if step.term_hours is not None:
        step.due_at = add_working_hours(start=timezone.now(), hours=step.term_hours)
        step.due_on = timezone.localdate(step.due_at)
    else:
        step.due_on = add_working_days(start=timezone.localdate(), count=step.term_days)
    step.save(update_fields=["status", "due_on", "due_at", "updated_at"])
    document = step.route.document
    for task in step.tasks.select_related("participant"):
        notification_services.notification_send(
            recipient=task.participant,
            template=template,
            context={
                "summary": document.summary,
                "number": str(document),
                "step_kind": step.get_kind_display(),
                "due_on": step.due_on.strftime("%d.%m.%Y"),
                "path": reverse("documents:route_decide", args=[task.public_id]),
            },
            dedup_key=f"documents.approval_requested:{task.pk}",
        )


def _step_close(
    *,
    route: ApprovalRoute,
    step: ApprovalStep,
    outcome: ApprovalStepStatus,
    last_decision: ApprovalTask,
) -> None:
    transition_apply(step, to=outcome, table=APPROVAL_STEP_TRANSITIONS)
    step.save(update_fields=["status", "updated_at"])
    if outcome == ApprovalStepStatus.REJECTED:
        _route_fail(route=route, step=step, last_decision=last_decision)
        return
    following = route.steps.filter(order__gt=step.order).order_by("order").first()
    if following is not None:
        following.route = route
        _step_activate(following, template="documents/approval_requested")
        return
    _route_finish(route, to=RouteStatus.APPROVED)
    _starter_notify(route, template="documents/approval_completed", comment="")


def _route_fail(
    *, route: ApprovalRoute, step: ApprovalStep, last_decision: ApprovalTask
) -> None:
    # "Return for rework" asks for a new version whatever the step says.
    returned = (
        step.on_reject == OnReject.RETURN_TO_AUTHOR
        or last_decision.decision == ApprovalDecision.RETURNED
    )
    _route_finish(route, to=RouteStatus.RETURNED if returned else RouteStatus.REJECTED)
    if returned:
        document = route.document
        document.holder_id = route.started_by_id
        document.held_since = timezone.now()
        document.save(update_fields=["holder", "held_since", "updated_at"])
    _starter_notify(
        route, template="documents/approval_rejected", comment=last_decision.comment
    )


def _route_finish(route: ApprovalRoute, *, to: RouteStatus) -> None:
    transition_apply(route, to=to, table=ROUTE_TRANSITIONS)
    route.finished_at = timezone.now()
    route.save(update_fields=["status", "finished_at", "updated_at"])


def _starter_notify(route: ApprovalRoute, *, template: str, comment: str) -> None:
    document = route.document
    notification_services.notification_send(
        recipient=route.started_by,
        template=template,
        context={
            "summary": document.summary,
            "number": str(document),
            "status": route.get_status_display(),
            "comment": comment,
            "path": reverse("documents:route_start", args=[document.public_id]),
        },
        dedup_key=f"documents.route_finished:{route.pk}",
    )
