"""Who keeps the address registry and the districts."""

import rules
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from hromada.accounts import permissions as account_permissions
from hromada.accounts.roles import Role


@rules.predicate
def is_gis_editor(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Keeps the city's map data: a GIS editor or a system administrator."""
    return account_permissions.has_role(
        user, Role.GIS_EDITOR
    ) or account_permissions.is_system_administrator(user)


can_edit_map_data = (
    rules.is_active & account_permissions.can_use_cabinet & is_gis_editor
)
