"""Rules of route steps, shared by templates and running routes.

What a step is (``StepSpec``), when it can be decided at all, which
decisions it accepts, and when its quorum is reached. Nothing here writes.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.errors import ApplicationError, InvalidTransitionError
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    ApprovalRoute,
    ApprovalStep,
    ApprovalStepStatus,
    ApprovalTask,
    OnReject,
    Quorum,
    RouteStatus,
    RouteTemplate,
    RouteTemplateStep,
)
from hromada.signatures import selectors as signature_selectors

APPROVING = frozenset(
    {ApprovalDecision.APPROVED, ApprovalDecision.APPROVED_WITH_REMARKS}
)
NEEDS_COMMENT = frozenset({ApprovalDecision.REJECTED, ApprovalDecision.RETURNED})


# Ten working days of eight hours: a longer term is given in days.
MAX_TERM_HOURS = 80


@dataclass(frozen=True, kw_only=True)
class StepSpec:
    """One step to build: its participants act in parallel under a quorum."""

    kind: ApprovalKind
    participants: Sequence[User]
    quorum: Quorum = Quorum.ALL
    quorum_n: int | None = None
    term_days: int = 1
    # A term in working hours replaces ``term_days`` (office hours, see
    # ``core.deadlines.working_hours``).
    term_hours: int | None = None
    on_reject: OnReject = OnReject.RETURN_TO_AUTHOR


def steps_check(steps: Sequence[StepSpec]) -> None:
    """Refuse a route without steps or with a step that cannot be decided.

    Shared by templates and by routes built on the spot.
    """
    if not steps:
        raise ApplicationError(
            _("A route needs at least one step."), code="route_without_steps"
        )
    for order, spec in enumerate(steps, start=1):
        step_check(spec, order=order)


def step_check(spec: StepSpec, *, order: int) -> None:
    """Refuse a step without distinct participants or with an impossible N."""
    people = {user.pk for user in spec.participants}
    if not people or len(people) != len(spec.participants):
        raise ApplicationError(
            _("Step %(order)s needs participants, each named once.") % {"order": order},
            code="step_participants_invalid",
            details={"participants": [_("Choose each participant once.")]},
        )
    if spec.quorum == Quorum.N_OF_M and not (
        spec.quorum_n is not None and 1 <= spec.quorum_n <= len(people)
    ):
        raise ApplicationError(
            _("Step %(order)s: N must be between 1 and the number of people.")
            % {"order": order},
            code="step_quorum_invalid",
            details={
                "quorum_n": [
                    _("Enter a number from 1 to %(count)s.") % {"count": len(people)}
                ]
            },
        )
    if spec.term_hours is not None and not 1 <= spec.term_hours <= MAX_TERM_HOURS:
        raise ApplicationError(
            _("Step %(order)s: a term in working hours is from 1 to %(max)s.")
            % {"order": order, "max": MAX_TERM_HOURS},
            code="step_term_invalid",
            details={
                "term_days": [
                    _("Enter from 1 to %(max)s working hours.")
                    % {"max": MAX_TERM_HOURS}
                ]
            },
        )


def template_specs(template: RouteTemplate) -> list[StepSpec]:
    """The template's steps as specs, in order, for a route to copy."""
    steps = template.steps.order_by("order").prefetch_related("participants")
    return [spec_of(step) for step in steps]


def template_step_check(spec: StepSpec, *, order: int) -> None:
    """``step_check``, and a template's people must work here and sign."""
    step_check(spec, order=order)
    inactive = [user for user in spec.participants if not user.is_active]
    if inactive:
        raise ApplicationError(
            _("Step %(order)s: %(names)s no longer works in the system.")
            % {"order": order, "names": _names(inactive)},
            code="step_participant_inactive",
            details={"participants": [_("Choose people who work in the system.")]},
        )
    if spec.kind == ApprovalKind.SIGN:
        _signers_check(spec, order=order)


def _signers_check(spec: StepSpec, *, order: int) -> None:
    # A route's signature step signs with the participant's certificate
    # (signing.file_version_sign); without one the route would stall there.
    unable = [
        user
        for user in spec.participants
        if signature_selectors.certificate_for_user(user=user) is None
    ]
    if unable:
        message = _(
            "Step %(order)s: %(names)s has no valid signing certificate "
            "and cannot sign."
        ) % {"order": order, "names": _names(unable)}
        raise ApplicationError(
            message,
            code="step_signer_without_certificate",
            details={"participants": [message]},
        )


def _names(users: Sequence[User]) -> str:
    return ", ".join(user.get_full_name() or user.email for user in users)


def spec_of(step: RouteTemplateStep) -> StepSpec:
    """A template step as a spec, its participants in id order."""
    return StepSpec(
        kind=ApprovalKind(step.kind),
        participants=sorted(step.participants.all(), key=lambda user: user.pk),
        quorum=Quorum(step.quorum),
        quorum_n=step.quorum_n,
        term_days=step.term_days,
        term_hours=step.term_hours,
        on_reject=OnReject(step.on_reject),
    )


def decision_check(
    *, route: ApprovalRoute, step: ApprovalStep, task: ApprovalTask
) -> None:
    """Refuse a decision unless the route runs and the task waits for it."""
    if (
        route.status != RouteStatus.RUNNING
        or step.status != ApprovalStepStatus.ACTIVE
        or task.decision != ApprovalDecision.PENDING
    ):
        raise InvalidTransitionError(
            _("This step is not waiting for a decision."), code="step_not_active"
        )


def decision_validate(
    *, step: ApprovalStep, decision: ApprovalDecision, comment: str
) -> None:
    """Refuse a decision the step does not accept, or a refusal without why."""
    if decision == ApprovalDecision.PENDING:
        raise ApplicationError(_("Choose a decision."), code="decision_required")
    if step.kind == ApprovalKind.ACQUAINT and decision != ApprovalDecision.APPROVED:
        raise ApplicationError(
            _("An acquaintance step is only acknowledged."),
            code="acquaint_only_acknowledged",
        )
    if decision in NEEDS_COMMENT and not comment.strip():
        raise ApplicationError(
            _("Say why the document is rejected or returned."),
            code="comment_required",
            details={"comment": [_("Say why the document is rejected or returned.")]},
        )


def step_outcome(step: ApprovalStep) -> ApprovalStepStatus | None:
    """Approved or rejected once the quorum is decided; None while open."""
    decisions = list(step.tasks.values_list("decision", flat=True))
    approved = sum(1 for decision in decisions if decision in APPROVING)
    pending = decisions.count(ApprovalDecision.PENDING)
    needed = {
        Quorum.ALL: len(decisions),
        Quorum.ANY: 1,
        Quorum.N_OF_M: step.quorum_n or len(decisions),
    }[Quorum(step.quorum)]
    if approved >= needed:
        return ApprovalStepStatus.APPROVED
    if approved + pending < needed:
        return ApprovalStepStatus.REJECTED
    return None
