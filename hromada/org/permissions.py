"""Access rules for the org structure."""

import rules
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from hromada.accounts import permissions as account_permissions
from hromada.accounts.roles import Role

# The staff directory is for everyone working in the cabinet.
can_view_directory = account_permissions.can_use_cabinet


@rules.predicate
def is_org_administrator(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Maintains the org structure: a system administrator."""
    return account_permissions.has_role(user, Role.SYSTEM_ADMINISTRATOR)


can_manage_structure = rules.is_active & is_org_administrator
