"""Reads about users and profiles."""

from django.db.models import QuerySet

from hromada.accounts.models import CitizenProfile, User
from hromada.accounts.roles import STAFF_ROLES


def citizen_profile_for_user(*, user: User) -> CitizenProfile:
    """The user's own profile, unsaved and empty if they have none yet."""
    try:
        return CitizenProfile.objects.select_related("user").get(user=user)
    except CitizenProfile.DoesNotExist:
        return CitizenProfile(user=user)


def staff_user_list() -> QuerySet[User]:
    """Active users holding at least one staff role, by surname."""
    staff_roles = [role.value for role in STAFF_ROLES]
    return (
        User.objects.filter(is_active=True, groups__name__in=staff_roles)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )
