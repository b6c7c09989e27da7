"""Writes of route templates: the reusable steps a route is built from.

A route copies its template's steps and participants when it starts
(``routes.route_start``), so editing a template never changes a route that
is already running. Unit heads edit their units' templates, system
administrators every template (``can_manage_route_templates``).
"""

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import (
    ApplicationError,
    NotFoundError,
    PermissionDeniedError,
)
from hromada.documents import permissions
from hromada.documents.models import (
    ApprovalKind,
    DocumentKind,
    OnReject,
    Quorum,
    RouteTemplate,
    RouteTemplateStep,
)
from hromada.documents.services import route_steps
from hromada.org.models import OrgUnit

# Steps are renumbered through this offset, clear of real positions, so the
# constraint "one step per position" holds after every single save.
RENUMBER_OFFSET = 1000


@transaction.atomic
def route_template_create(
    *,
    actor: User,
    name: str,
    kind: DocumentKind,
    org_unit: OrgUnit | None,
    steps: Sequence[route_steps.StepSpec] = (),
) -> RouteTemplate:
    """Save a route for ``kind`` cards of ``org_unit`` (None: council-wide).

    Given steps, the template is offered at once; without them it waits,
    inactive, until steps are added and it is activated. Names are unique
    per unit and kind.
    """
    _manager_check(actor, org_unit)
    for order, spec in enumerate(steps, start=1):
        route_steps.template_step_check(spec, order=order)
    template = RouteTemplate(
        name=_name_clean(name), kind=kind, org_unit=org_unit, is_active=bool(steps)
    )
    _template_save(template)
    for order, spec in enumerate(steps, start=1):
        _step_create(template, spec, order=order)
    audit_record(
        actor=actor,
        action="documents.route_template_create",
        target=template,
        data={"name": template.name, "kind": kind, "steps": len(steps)},
    )
    return template


@transaction.atomic
def route_template_update(
    *,
    template: RouteTemplate,
    actor: User,
    name: str,
    kind: DocumentKind,
    org_unit: OrgUnit | None,
) -> RouteTemplate:
    """Rename a template or move it to another kind or unit.

    The actor must manage both the old and the new unit. Nothing is
    written when nothing changes.
    """
    template = RouteTemplate.objects.select_for_update().get(pk=template.pk)
    _manager_check(actor, template.org_unit)
    _manager_check(actor, org_unit)
    before = _header(template)
    template.name = _name_clean(name)
    template.kind = kind
    template.org_unit = org_unit
    after = _header(template)
    changed = sorted(key for key in after if after[key] != before[key])
    if not changed:
        return template
    _template_save(template, update_fields=[*changed, "updated_at"])
    audit_record(
        actor=actor,
        action="documents.route_template_update",
        target=template,
        data={key: {"from": before[key], "to": after[key]} for key in changed},
    )
    return template


@transaction.atomic
def route_template_activate(*, template: RouteTemplate, actor: User) -> RouteTemplate:
    """Offer the template to people starting routes; it needs valid steps.

    Each step is checked again (a signer's certificate may have expired).
    Activating an active template changes nothing.
    """
    template = RouteTemplate.objects.select_for_update().get(pk=template.pk)
    _manager_check(actor, template.org_unit)
    if template.is_active:
        return template
    specs = route_steps.template_specs(template)
    if not specs:
        raise ApplicationError(
            _("Add at least one step before activating the template."),
            code="route_without_steps",
        )
    for order, spec in enumerate(specs, start=1):
        route_steps.template_step_check(spec, order=order)
    return _active_set(template, actor=actor, is_active=True)


@transaction.atomic
def route_template_deactivate(*, template: RouteTemplate, actor: User) -> RouteTemplate:
    """Stop offering the template; routes already started from it run on."""
    template = RouteTemplate.objects.select_for_update().get(pk=template.pk)
    _manager_check(actor, template.org_unit)
    if not template.is_active:
        return template
    return _active_set(template, actor=actor, is_active=False)


@transaction.atomic
def route_template_step_add(
    *, template: RouteTemplate, actor: User, spec: route_steps.StepSpec, order: int
) -> RouteTemplateStep:
    """Append a step; ``order`` is the position the caller saw as next.

    A repeated submission of the same step at the same position returns
    the step already added; a template changed meanwhile is refused.
    """
    template = RouteTemplate.objects.select_for_update().get(pk=template.pk)
    _manager_check(actor, template.org_unit)
    existing = template.steps.filter(order=order).first()
    if existing is not None and route_steps.spec_of(existing) == _normalised(spec):
        return existing
    if order != template.steps.count() + 1:
        raise ApplicationError(
            _("The template changed while you were editing it. Check its steps."),
            code="route_template_changed",
        )
    route_steps.template_step_check(spec, order=order)
    step = _step_create(template, spec, order=order)
    audit_record(
        actor=actor,
        action="documents.route_template_step_add",
        target=template,
        data=_step_data(step),
    )
    return step


@transaction.atomic
def route_template_step_update(
    *, step: RouteTemplateStep, actor: User, spec: route_steps.StepSpec
) -> RouteTemplateStep:
    """Change what a step asks, of whom and how soon; its position stays."""
    template, step = _step_locked(step)
    _manager_check(actor, template.org_unit)
    route_steps.template_step_check(spec, order=step.order)
    before = _step_data(step)
    _step_fill(step, spec)
    step.save(
        update_fields=[
            "kind",
            "quorum",
            "quorum_n",
            "term_days",
            "term_hours",
            "on_reject",
            "updated_at",
        ]
    )
    step.participants.set(spec.participants)
    after = _step_data(step)
    if after != before:
        audit_record(
            actor=actor,
            action="documents.route_template_step_update",
            target=template,
            data={"from": before, "to": after},
        )
    return step


@transaction.atomic
def route_template_step_remove(*, step: RouteTemplateStep, actor: User) -> None:
    """Remove a step and close the gap; an active template keeps one step."""
    template, step = _step_locked(step)
    _manager_check(actor, template.org_unit)
    if template.is_active and template.steps.count() == 1:
        raise ApplicationError(
            _("A template in use needs a step. Deactivate it before removing it."),
            code="route_template_last_step",
        )
    data = _step_data(step)
    step.delete()
    _renumber(list(template.steps.order_by("order")))
    audit_record(
        actor=actor,
        action="documents.route_template_step_remove",
        target=template,
        data=data,
    )


@transaction.atomic
def route_template_step_move(
    *, step: RouteTemplateStep, actor: User, to_order: int
) -> RouteTemplateStep:
    """Put a step at position ``to_order``, shifting the steps in between.

    Moving a step where it already stands changes nothing, so a repeated
    "move up" moves it once.
    """
    template, step = _step_locked(step)
    _manager_check(actor, template.org_unit)
    steps = list(template.steps.order_by("order"))
    if not 1 <= to_order <= len(steps):
        raise ApplicationError(
            _("A step can move only between the first and the last position."),
            code="step_move_out_of_range",
        )
    if to_order == step.order:
        return step
    from_order = step.order
    steps.remove(step)
    steps.insert(to_order - 1, step)
    _renumber(steps)
    audit_record(
        actor=actor,
        action="documents.route_template_step_move",
        target=template,
        data={"step": step.pk, "from": from_order, "to": to_order},
    )
    return step


def _step_locked(
    step: RouteTemplateStep,
) -> tuple[RouteTemplate, RouteTemplateStep]:
    # The template's lock serialises every edit of its steps; a step removed
    # by a request that held it first is gone by the time this one reads.
    template = RouteTemplate.objects.select_for_update().get(pk=step.template_id)
    found = template.steps.filter(pk=step.pk).first()
    if found is None:
        raise NotFoundError(
            _("The step was removed meanwhile."), code="route_template_step_gone"
        )
    return template, found


def _manager_check(actor: User, org_unit: OrgUnit | None) -> None:
    if not permissions.can_manage_route_templates(actor, org_unit):
        raise PermissionDeniedError(
            _("Route templates are built by system administrators and unit heads.")
        )


def _name_clean(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ApplicationError(
            _("Name the template."),
            code="route_template_name_required",
            details={"name": [_("Name the template.")]},
        )
    return name


def _header(template: RouteTemplate) -> dict[str, object]:
    return {
        "name": template.name,
        "kind": template.kind,
        "org_unit": template.org_unit_id,
    }


def _template_save(
    template: RouteTemplate, *, update_fields: list[str] | None = None
) -> None:
    try:
        # A savepoint: the constraint "one name per unit and kind" decides.
        with transaction.atomic():
            template.save(update_fields=update_fields)
    except IntegrityError:
        message = _("A template with this name already exists for this unit and kind.")
        raise ApplicationError(
            message, code="route_template_name_taken", details={"name": [message]}
        ) from None


def _active_set(
    template: RouteTemplate, *, actor: User, is_active: bool
) -> RouteTemplate:
    template.is_active = is_active
    template.save(update_fields=["is_active", "updated_at"])
    action = "activate" if is_active else "deactivate"
    audit_record(
        actor=actor,
        action=f"documents.route_template_{action}",
        target=template,
        data={"steps": template.steps.count()},
    )
    return template


def _step_fill(step: RouteTemplateStep, spec: route_steps.StepSpec) -> None:
    step.kind = spec.kind
    step.quorum = spec.quorum
    # N means something only under "N of M"; elsewhere it is dropped.
    step.quorum_n = spec.quorum_n if spec.quorum == Quorum.N_OF_M else None
    step.term_days = spec.term_days
    step.term_hours = spec.term_hours
    step.on_reject = spec.on_reject


def _step_create(
    template: RouteTemplate, spec: route_steps.StepSpec, *, order: int
) -> RouteTemplateStep:
    step = RouteTemplateStep(template=template, order=order)
    _step_fill(step, spec)
    step.save()
    step.participants.set(spec.participants)
    return step


def _normalised(spec: route_steps.StepSpec) -> route_steps.StepSpec:
    return route_steps.StepSpec(
        kind=ApprovalKind(spec.kind),
        participants=sorted(spec.participants, key=lambda user: user.pk),
        quorum=Quorum(spec.quorum),
        quorum_n=spec.quorum_n if spec.quorum == Quorum.N_OF_M else None,
        term_days=spec.term_days,
        term_hours=spec.term_hours,
        on_reject=OnReject(spec.on_reject),
    )


def _step_data(step: RouteTemplateStep) -> dict[str, object]:
    return {
        "step": step.pk,
        "order": step.order,
        "kind": step.kind,
        "participants": sorted(user.pk for user in step.participants.all()),
        "quorum": step.quorum,
        "quorum_n": step.quorum_n,
        "term_days": step.term_days,
        "term_hours": step.term_hours,
        "on_reject": step.on_reject,
    }


def _renumber(steps: Sequence[RouteTemplateStep]) -> None:
    moved = [
        (step, order)
        for order, step in enumerate(steps, start=1)
        if step.order != order
    ]
    for step, order in moved:
        step.order = RENUMBER_OFFSET + order
        step.save(update_fields=["order", "updated_at"])
    for step, order in moved:
        step.order = order
        step.save(update_fields=["order", "updated_at"])
