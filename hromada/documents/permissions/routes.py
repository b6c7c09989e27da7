"""Who may build route templates, start, decide on and cancel routes."""

import rules
from django.db.models import Q

from hromada.accounts import permissions as account_permissions
from hromada.accounts.models import User
from hromada.documents.models import (
    ApprovalKind,
    ApprovalRoute,
    ApprovalTask,
    Document,
)
from hromada.documents.permissions.control import HEAD_ROLES
from hromada.documents.permissions.visibility import can_view
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit, SubstitutionScope


def _headed_unit_ids(user: User) -> frozenset[int]:
    return org_selectors.org_unit_descendant_ids(
        unit_ids=org_selectors.org_unit_ids_headed_by(user=user)
    )


def task_scope(task: ApprovalTask) -> SubstitutionScope:
    """The substitution scope that lets someone decide ``task`` for another."""
    if task.step.kind == ApprovalKind.SIGN:
        return SubstitutionScope.SIGN
    return SubstitutionScope.APPROVE


@rules.predicate
def is_holder(user: User, document: Document) -> bool:
    """The card is on the user's desk."""
    return document.holder_id == user.pk


@rules.predicate
def is_document_creator(user: User, document: Document) -> bool:
    """Drew up the card."""
    return document.created_by_id == user.pk


@rules.predicate
def is_head_over_document(user: User, document: Document) -> bool:
    """Heads (or acts as head of) the card's unit or a unit above it."""
    return document.org_unit_id in _headed_unit_ids(user)


@rules.predicate
def is_template_manager(user: User, org_unit: OrgUnit | None) -> bool:
    """Administers the system, or heads the unit the template belongs to."""
    if account_permissions.is_system_administrator(user):
        return True
    return org_unit is not None and org_unit.pk in _headed_unit_ids(user)


@rules.predicate
def holds_head_role(user: User) -> bool:
    """Holds the role of a unit head or of the leadership; no query."""
    return any(account_permissions.has_role(user, role) for role in HEAD_ROLES)


@rules.predicate
def heads_a_unit(user: User) -> bool:
    """Heads (or acts as head of) at least one unit today."""
    return bool(org_selectors.org_unit_ids_headed_by(user=user))


@rules.predicate
def is_participant_or_acting(user: User, task: ApprovalTask) -> bool:
    """The task's participant, or their substitute within the step's scope."""
    if task.participant_id == user.pk:
        return True
    absent_ids = org_selectors.substitution_absent_ids_for(
        user=user, scope=task_scope(task)
    )
    return task.participant_id in absent_ids


@rules.predicate
def is_route_starter(user: User, route: ApprovalRoute) -> bool:
    """Started the route."""
    return route.started_by_id == user.pk


@rules.predicate
def is_head_over_route(user: User, route: ApprovalRoute) -> bool:
    """Heads the unit of the route's document or a unit above it."""
    return bool(is_head_over_document(user, route.document))


can_manage_route_templates = (
    rules.is_active & account_permissions.can_use_cabinet & is_template_manager
)
# The menu asks on every cabinet page, so it looks at roles only; the
# editor itself also lets in whoever acts as a unit's head today.
can_see_route_template_menu = rules.is_active & (
    account_permissions.is_system_administrator | holds_head_role
)
can_edit_route_templates = (
    rules.is_active
    & account_permissions.can_use_cabinet
    & (account_permissions.is_system_administrator | holds_head_role | heads_a_unit)
)
can_start_route = (
    rules.is_active
    & account_permissions.can_use_cabinet
    & can_view
    & (is_document_creator | is_holder | is_head_over_document)
)
can_decide = (
    rules.is_active & account_permissions.can_use_cabinet & (is_participant_or_acting)
)
can_cancel_route = (
    rules.is_active
    & account_permissions.can_use_cabinet
    & (is_route_starter | is_head_over_route)
)


def visible_route_templates_q(user: User) -> Q:
    """The templates ``can_manage_route_templates`` lets ``user`` edit.

    System administrators edit every template, council-wide ones included;
    heads the templates of the units they head and the units below them.
    """
    if not can_edit_route_templates(user):
        return Q(pk__in=[])
    if account_permissions.is_system_administrator(user):
        return Q()
    return Q(org_unit__in=_headed_unit_ids(user))
