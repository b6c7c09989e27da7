"""Access rules about users and roles."""

import rules
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from hromada.accounts.roles import STAFF_ROLES, Role


def role_names(user: AbstractBaseUser | AnonymousUser) -> frozenset[str]:
    """The role names the user holds, cached on the user for one request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached: frozenset[str] | None = getattr(user, "_hromada_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))  # type: ignore[attr-defined]
        # Cached on the instance: request.user lives for one request only.
        setattr(user, "_hromada_roles", cached)  # noqa: B010
    return cached


def has_role(user: AbstractBaseUser | AnonymousUser, role: Role) -> bool:
    """Whether the active user holds ``role``."""
    return role.value in role_names(user)


@rules.predicate
def is_staff_member(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Holds at least one staff role (works in the cabinet)."""
    return bool(role_names(user) & {r.value for r in STAFF_ROLES})


@rules.predicate
def is_system_administrator(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Administers the installation (calendar, users, roles)."""
    return has_role(user, Role.SYSTEM_ADMINISTRATOR)


can_use_cabinet = rules.is_active & is_staff_member
