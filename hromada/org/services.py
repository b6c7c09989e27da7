"""Writes to the org structure; each is audited in its own transaction."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.org import permissions, selectors
from hromada.org.models import (
    Employee,
    OrgUnit,
    OrgUnitKind,
    Position,
    Substitution,
    SubstitutionScope,
)


def _check_admin(actor: User | None) -> None:
    # actor=None: the demo loader or a management command acting as the
    # system; they run with the operator's shell access as authority.
    if actor is not None and not (
        permissions.can_manage_structure(actor) or actor.is_superuser
    ):
        raise PermissionDeniedError(
            _("Only a system administrator changes the structure.")
        )


@transaction.atomic
def org_unit_create(
    *,
    actor: User | None,
    name: str,
    kind: OrgUnitKind,
    parent: OrgUnit | None = None,
    short_name: str = "",
    unit_index: str = "",
    phone: str = "",
    email: str = "",
    address: str = "",
    edrpou: str = "",
    reception_hours: str = "",
    sort_order: int = 0,
) -> OrgUnit:
    """Add a unit to the tree."""
    _check_admin(actor)
    if unit_index and OrgUnit.objects.filter(unit_index=unit_index).exists():
        raise ApplicationError(
            _("The unit index %(index)s is already used.") % {"index": unit_index},
            code="unit_index_taken",
        )
    unit = OrgUnit.objects.create(
        name=name,
        kind=kind,
        parent=parent,
        short_name=short_name,
        unit_index=unit_index,
        phone=phone,
        email=email,
        address=address,
        edrpou=edrpou,
        reception_hours=reception_hours.strip(),
        sort_order=sort_order,
    )
    audit_record(
        actor=actor, action="org.unit_create", target=unit, data={"name": name}
    )
    return unit


@transaction.atomic
def position_create(
    *,
    actor: User | None,
    org_unit: OrgUnit,
    title: str,
    role: Role = Role.EXECUTOR,
    is_head: bool = False,
    sort_order: int = 0,
) -> Position:
    """Add a post to a unit."""
    _check_admin(actor)
    position = Position.objects.create(
        org_unit=org_unit,
        title=title,
        role=role,
        is_head=is_head,
        sort_order=sort_order,
    )
    audit_record(
        actor=actor,
        action="org.position_create",
        target=position,
        data={"org_unit": org_unit.pk, "title": title, "role": role},
    )
    return position


@transaction.atomic
def employee_appoint(
    *,
    actor: User | None,
    user: User,
    position: Position,
    valid_from: date,
    work_phone: str = "",
    room: str = "",
) -> Employee:
    """Appoint ``user`` to ``position`` from ``valid_from``."""
    _check_admin(actor)
    employee = Employee.objects.create(
        user=user,
        position=position,
        valid_from=valid_from,
        work_phone=work_phone,
        room=room,
        directory_text=selectors.directory_text(
            user=user, position_title=position.title, unit_name=position.org_unit.name
        ),
    )
    audit_record(
        actor=actor,
        action="org.employee_appoint",
        target=employee,
        data={"user": user.pk, "position": position.pk, "valid_from": valid_from},
    )
    return employee


@transaction.atomic
def employee_dismiss(
    *, actor: User | None, employee: Employee, valid_to: date
) -> Employee:
    """End an appointment on ``valid_to`` (the last day in the post)."""
    _check_admin(actor)
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    if valid_to < employee.valid_from:
        raise ApplicationError(
            _("The last day cannot be earlier than the first day in the post."),
            code="dismiss_before_start",
        )
    employee.valid_to = valid_to
    employee.save(update_fields=["valid_to", "updated_at"])
    audit_record(
        actor=actor,
        action="org.employee_dismiss",
        target=employee,
        data={"valid_to": valid_to},
    )
    return employee


@transaction.atomic
def substitution_create(
    *,
    actor: User | None,
    absent: User,
    substitute: User,
    starts_on: date,
    ends_on: date,
    scope: SubstitutionScope = SubstitutionScope.ALL,
    reason: str = "",
) -> Substitution:
    """Let ``substitute`` act for ``absent`` between the two dates."""
    _check_admin(actor)
    if absent.pk == substitute.pk:
        raise ApplicationError(
            _("A person cannot substitute for themselves."), code="self"
        )
    if ends_on < starts_on:
        raise ApplicationError(
            _("The substitution cannot end before it starts."), code="ends_before_start"
        )
    substitution = Substitution.objects.create(
        absent=absent,
        substitute=substitute,
        starts_on=starts_on,
        ends_on=ends_on,
        scope=scope,
        reason=reason,
    )
    audit_record(
        actor=actor,
        action="org.substitution_create",
        target=substitution,
        data={
            "absent": absent.pk,
            "substitute": substitute.pk,
            "scope": scope,
            "starts_on": starts_on,
            "ends_on": ends_on,
        },
    )
    return substitution


@transaction.atomic
def employee_directory_refresh(*, user_id: int) -> int:
    """Recompute the directory text of a user's posts after a rename.

    Called by the ``accounts.user_renamed`` receiver; derived data, so the
    rename's own audit event covers it. Returns the number of rows updated.
    """
    employees = (
        Employee.objects.select_for_update()
        .filter(user_id=user_id)
        .select_related("user", "position", "position__org_unit")
    )
    updated = 0
    for employee in employees:
        employee.directory_text = selectors.directory_text(
            user=employee.user,
            position_title=employee.position.title,
            unit_name=employee.position.org_unit.name,
        )
        employee.save(update_fields=["directory_text", "updated_at"])
        updated += 1
    return updated
