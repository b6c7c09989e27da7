"""Who may resolve documents and act on tasks under control of execution."""

import rules

from hromada.accounts import permissions as account_permissions
from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.documents.models import (
    Document,
    DocumentStatus,
    Resolution,
    ResolutionStatus,
    Task,
    TaskRole,
)
from hromada.documents.permissions.visibility import can_view, is_registrar
from hromada.org import selectors as org_selectors

# Roles that head the council or a unit without necessarily holding a head
# post in the org structure (the mayor's office is not always a unit).
HEAD_ROLES = (
    Role.MAYOR,
    Role.DEPUTY_MAYOR,
    Role.COUNCIL_SECRETARY,
    Role.UNIT_HEAD,
)
# The leadership stands above every resolution author (EDMS-11).
LEADERSHIP_ROLES = (Role.MAYOR, Role.DEPUTY_MAYOR, Role.COUNCIL_SECRETARY)


def acting_ids(user: User) -> frozenset[int]:
    """The user and everyone they substitute for today."""
    return frozenset({user.pk}) | org_selectors.substitution_absent_ids_for(user=user)


@rules.predicate
def is_head(user: User) -> bool:
    """Heads a unit today (or acts for its head), or holds a head role."""
    if any(account_permissions.has_role(user, role) for role in HEAD_ROLES):
        return True
    return bool(org_selectors.org_unit_ids_headed_by(user=user))


@rules.predicate
def is_leadership(user: User) -> bool:
    """The mayor, a deputy mayor or the council secretary."""
    return any(account_permissions.has_role(user, role) for role in LEADERSHIP_ROLES)


def is_dispatcher_for(entered_by: User, author: User) -> bool:
    """A dispatcher of a unit that ``author`` heads: the dispatch service of
    a municipal enterprise enters its director's resolutions (R1, R3)."""
    if not account_permissions.has_role(entered_by, Role.DISPATCHER):
        return False
    return bool(
        org_selectors.org_unit_ids_for_user(user=entered_by)
        & org_selectors.org_unit_ids_headed_by(user=author)
    )


@rules.predicate
def is_task_executor(user: User, task: Task) -> bool:
    """The task's executor, or their substitute today."""
    return task.executor_id in acting_ids(user)


@rules.predicate
def is_task_controller(user: User, task: Task) -> bool:
    """Keeps the task under control, or substitutes for who does."""
    return task.controller_id in acting_ids(user)


@rules.predicate
def is_resolution_author(user: User, resolution: Resolution) -> bool:
    """Wrote (signed) the resolution, or substitutes for its author."""
    return resolution.author_id in acting_ids(user)


@rules.predicate
def is_resolution_enterer(user: User, resolution: Resolution) -> bool:
    """Entered it for its author: the office, or the typist of a draft."""
    if resolution.entered_by_id != user.pk or resolution.entered_by_id == (
        resolution.author_id
    ):
        return False
    return resolution.status == ResolutionStatus.DRAFT or is_registrar(user)


@rules.predicate
def sees_resolution_card(user: User, resolution: Resolution) -> bool:
    """May see the card the resolution is written on."""
    return bool(can_view(user, resolution.document))


@rules.predicate
def is_above_resolution_author(user: User, resolution: Resolution) -> bool:
    """Stands above the author (EDMS-11).

    For a cascade, the author of the parent task's resolution; otherwise
    the leadership, where they may resolve the card themselves.
    """
    parent = resolution.parent_task
    if parent is not None and parent.resolution.author_id in acting_ids(user):
        return True
    return bool(is_leadership(user) and can_resolve(user, resolution.document))


@rules.predicate
def is_task_author(user: User, task: Task) -> bool:
    """Wrote the resolution the task comes from (or substitutes)."""
    return task.resolution.author_id in acting_ids(user)


@rules.predicate
def is_report_reviewer(user: User, task: Task) -> bool:
    """Accepts the task's reports (EDMS-07): ``Task.reviewer``, set when the
    task is made — the responsible executor a co-executor's, the controller
    everyone else's."""
    return task.reviewer_id in acting_ids(user)


@rules.predicate
def is_under_control(user: User, task: Task) -> bool:
    """A task with execution to control, not one sent for information."""
    return task.role != TaskRole.FOR_INFORMATION


@rules.predicate
def is_open_to_resolve(user: User, document: Document) -> bool:
    """Registered and not filed «До справи»: the card takes a resolution."""
    return document.status == DocumentStatus.REGISTERED and not document.closed_as


can_resolve = rules.is_active & is_head & can_view
# What the card's pages offer: a resolution, or «До справи» instead.
can_resolve_card = rules.is_active & is_open_to_resolve & is_head & can_view
can_close_to_file = can_resolve
can_enter_for_head = rules.is_active & is_registrar
can_approve_resolution = rules.is_active & is_resolution_author
can_report = rules.is_active & is_task_executor & is_under_control
can_review_report = rules.is_active & is_report_reviewer & is_under_control
can_request_deadline_change = rules.is_active & is_task_executor & is_under_control
can_decide_deadline_change = rules.is_active & (is_task_author | is_leadership)
can_remove_from_control = rules.is_active & (
    is_task_controller | is_task_author | is_leadership
)
can_acknowledge = rules.is_active & is_task_executor & ~is_under_control
can_view_discipline = rules.is_active & (is_head | is_registrar)
can_cancel_resolution = (
    rules.is_active
    & sees_resolution_card
    & (is_resolution_author | is_resolution_enterer | is_above_resolution_author)
)
