"""Who may read and keep the registry of legal acts.

Everyone reads public acts (REG-03); the council's staff also read internal
ones. The registry is kept by the office (registrars, who register the
acts of the executive bodies), the council secretary (the council's
decisions) and the system administrator.
"""

import rules
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from hromada.accounts.permissions import has_role, is_staff_member
from hromada.accounts.roles import Role

AnyUser = AbstractBaseUser | AnonymousUser


@rules.predicate
def is_registry_keeper(user: AnyUser) -> bool:
    """Registers, changes and imports acts."""
    return any(
        has_role(user, role)
        for role in (Role.REGISTRAR, Role.COUNCIL_SECRETARY, Role.SYSTEM_ADMINISTRATOR)
    )


can_read_internal_acts = rules.is_active & is_staff_member
can_keep_registry = rules.is_active & is_registry_keeper
