"""Who may read and keep the registry of administrative services.

Everyone reads the public cards (an active or suspended service). The
registry is kept by the centre's administrators, who enter the cards the
providers approve (Law 5203-VI art. 8), and by the system administrator.
"""

import rules
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from hromada.accounts.permissions import has_role
from hromada.accounts.roles import Role

AnyUser = AbstractBaseUser | AnonymousUser


@rules.predicate
def is_services_keeper(user: AnyUser) -> bool:
    """Writes the cards, the centres and the providers."""
    return has_role(user, Role.CNAP_ADMINISTRATOR) or has_role(
        user, Role.SYSTEM_ADMINISTRATOR
    )


can_keep_services = rules.is_active & is_services_keeper
