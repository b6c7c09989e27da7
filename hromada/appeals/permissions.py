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
from hromada.appeals.models import Appeal

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
