"""Who may see and do what with appeals; views, services and the API ask here.

The applicant sees their own appeals in ``/my/``; everyone sees public
appeals without the applicant's details; confidential ones are never
public (DOMAIN.md APL-18, APL-19). Staff rules come with the workplaces.
"""

import rules
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from hromada.accounts import permissions as account_permissions
from hromada.accounts.roles import Role
from hromada.appeals.models import Appeal, AppealStatus
from hromada.org import selectors as org_selectors

AnyUser = AbstractBaseUser | AnonymousUser


@rules.predicate
def is_owner(user: AnyUser, appeal: Appeal) -> bool:
    """Filed the appeal from their own account."""
    return user.is_authenticated and appeal.owner_id == user.pk


@rules.predicate
def is_public_appeal(user: AnyUser, appeal: Appeal) -> bool:
    """The applicant chose to make the appeal public."""
    return appeal.is_public


can_view_own = rules.is_active & is_owner
can_follow = rules.is_active & is_public_appeal & ~is_owner


def owned_appeals_q(user: AnyUser) -> Q:
    """The ``can_view_own`` rule as a filter; keep the two in step."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    return Q(owner_id=user.pk)


def public_appeals_q() -> Q:
    """What anyone may see: public appeals (never their applicants)."""
    return Q(is_public=True)


@rules.predicate
def is_dictionary_keeper(user: AnyUser) -> bool:
    """Keeps the categories and the routing: an administrator or the office."""
    return account_permissions.has_role(
        user, Role.SYSTEM_ADMINISTRATOR
    ) or account_permissions.has_role(user, Role.REGISTRAR)


can_keep_dictionaries = rules.is_active & is_dictionary_keeper


# --- staff --------------------------------------------------------------
# The contact centre and the office see and route every appeal; the city's
# leadership sees every appeal; a unit sees the appeals routed to it.
DESK_ROLES = (Role.CONTACT_CENTRE_OPERATOR, Role.REGISTRAR)
OVERSIGHT_ROLES = (
    Role.MAYOR,
    Role.DEPUTY_MAYOR,
    Role.COUNCIL_SECRETARY,
    Role.ANALYST,
    Role.SYSTEM_ADMINISTRATOR,
)


def _holds(user: AnyUser, roles: tuple[Role, ...]) -> bool:
    return any(account_permissions.has_role(user, role) for role in roles)


@rules.predicate
def is_appeals_desk(user: AnyUser) -> bool:
    """A contact-centre operator or the office: takes appeals in, routes."""
    return _holds(user, DESK_ROLES)


@rules.predicate
def oversees_appeals(user: AnyUser) -> bool:
    """The leadership and the analysts: see every appeal."""
    return _holds(user, OVERSIGHT_ROLES)


def _unit_ids(user: AnyUser) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    return org_selectors.org_unit_ids_for_user(user=user)  # type: ignore[arg-type]


@rules.predicate
def works_in_unit(user: AnyUser, appeal: Appeal) -> bool:
    """Holds a post (or substitutes) in the unit the appeal is routed to."""
    return appeal.unit_id is not None and appeal.unit_id in _unit_ids(user)


@rules.predicate
def heads_unit(user: AnyUser, appeal: Appeal) -> bool:
    """Heads the unit the appeal is routed to, or acts for its head."""
    if appeal.unit_id is None or not user.is_authenticated:
        return False
    headed = org_selectors.org_unit_ids_headed_by(user=user)  # type: ignore[arg-type]
    return appeal.unit_id in headed


@rules.predicate
def is_unit_dispatcher(user: AnyUser, appeal: Appeal) -> bool:
    """The dispatcher of the enterprise the appeal is routed to (R1)."""
    return account_permissions.has_role(user, Role.DISPATCHER) and bool(
        works_in_unit(user, appeal)
    )


@rules.predicate
def is_appeal_executor(user: AnyUser, appeal: Appeal) -> bool:
    """Answers the appeal."""
    return user.is_authenticated and appeal.executor_id == user.pk


@rules.predicate
def is_appeal_controller(user: AnyUser, appeal: Appeal) -> bool:
    """Keeps the appeal under control: named by routing, or the unit's head."""
    return (user.is_authenticated and appeal.controller_id == user.pk) or bool(
        heads_unit(user, appeal)
    )


@rules.predicate
def is_registered(user: AnyUser, appeal: Appeal) -> bool:
    """Registered and not yet given to an executor."""
    return appeal.status == AppealStatus.REGISTERED


@rules.predicate
def is_in_progress(user: AnyUser, appeal: Appeal) -> bool:
    """With its executor."""
    return appeal.status == AppealStatus.IN_PROGRESS


is_staff = rules.is_active & account_permissions.is_staff_member
# Every staff member has a queue: a unit's staff see their unit's appeals.
can_work_on_appeals = is_staff
can_view_staff = is_staff & (
    is_appeals_desk
    | oversees_appeals
    | works_in_unit
    | is_appeal_executor
    | is_appeal_controller
)
can_route = is_staff & is_appeals_desk & is_registered
can_assign = is_staff & (heads_unit | is_unit_dispatcher) & is_registered
can_answer = is_staff & is_appeal_executor & is_in_progress
can_review_answer = is_staff & is_appeal_controller & is_in_progress
can_extend = is_staff & (heads_unit | oversees_appeals) & is_in_progress


def staff_appeals_q(user: AnyUser) -> Q:
    """The ``can_view_staff`` rule as a filter; keep the two in step."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if is_appeals_desk(user) or oversees_appeals(user):
        return Q()
    if not account_permissions.is_staff_member(user):
        return Q(pk__in=[])
    headed = org_selectors.org_unit_ids_headed_by(user=user)  # type: ignore[arg-type]
    return (
        Q(unit_id__in=_unit_ids(user))
        | Q(executor_id=user.pk)
        | Q(controller_id=user.pk)
        | Q(unit_id__in=headed)
    )


# --- contact centre -----------------------------------------------------
# A caller's earlier appeals are personal data: the desk alone looks them
# up. The load of the units is the desk's and the leadership's to watch.
can_take_calls = is_staff & is_appeals_desk
can_view_load = is_staff & (is_appeals_desk | oversees_appeals)
