"""Who may keep the open-data catalogue.

The analysts keep the passports (responsible person, e-mail, publisher)
and publish or withdraw datasets; the system administrator may too, and
so may a superuser in the Django admin. Everyone reads published datasets:
the public selectors show nothing else.
"""

import rules
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from hromada.accounts.permissions import has_role
from hromada.accounts.roles import Role

AnyUser = AbstractBaseUser | AnonymousUser


@rules.predicate
def is_catalogue_keeper(user: AnyUser) -> bool:
    """Keeps the catalogue: an analyst, a system administrator or a
    superuser."""
    return bool(getattr(user, "is_superuser", False)) or any(
        has_role(user, role) for role in (Role.ANALYST, Role.SYSTEM_ADMINISTRATOR)
    )


can_keep_catalogue = rules.is_active & is_catalogue_keeper
