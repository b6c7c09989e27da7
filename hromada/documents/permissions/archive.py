"""Who keeps the nomenclature of cases, files documents and runs the archive.

The general department (unit index ``01``) keeps records management and its
head signs the nomenclature; the archive department (``22``) keeps the
cases after the year closes; system administrators may do either.
"""

import rules

from hromada.accounts import permissions as account_permissions
from hromada.accounts.models import User
from hromada.documents.permissions.visibility import is_registrar
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit

GENERAL_DEPARTMENT_INDEX = "01"
ARCHIVE_DEPARTMENT_INDEX = "22"


def _records_posts(user: User) -> tuple[bool, bool]:
    """(works in the archive, heads the general department), once per user.

    Cached on the instance like ``role_names``: a request's user lives for
    one request, and the archive pages ask several times.
    """
    cached: tuple[bool, bool] | None = getattr(user, "_hromada_records_posts", None)
    if cached is None:
        units = dict(
            OrgUnit.objects.filter(
                unit_index__in=(GENERAL_DEPARTMENT_INDEX, ARCHIVE_DEPARTMENT_INDEX)
            ).values_list("unit_index", "pk")
        )
        archive = units.get(ARCHIVE_DEPARTMENT_INDEX)
        general = units.get(GENERAL_DEPARTMENT_INDEX)
        cached = (
            archive is not None
            and org_selectors.employee_exists(user=user, org_unit_id=archive),
            general is not None
            and org_selectors.employee_exists(
                user=user, org_unit_id=general, is_head=True
            ),
        )
        setattr(user, "_hromada_records_posts", cached)  # noqa: B010
    return cached


@rules.predicate
def is_archive_staff(user: User) -> bool:
    """Holds a post in the archive department (unit ``22``) today."""
    return _records_posts(user)[0]


@rules.predicate
def is_general_department_head(user: User) -> bool:
    """Heads (or acts as head of) the general department (unit ``01``)."""
    return _records_posts(user)[1]


can_manage_nomenclature = rules.is_active & (
    account_permissions.is_system_administrator
    | is_general_department_head
    | is_archive_staff
)
# Manual filing of a card that found no case when it was registered.
can_file_into_case = rules.is_active & (is_registrar | can_manage_nomenclature)
# The archive pages (nomenclature, cases, acts) and their menu entry.
can_view_archive = rules.is_active & (is_registrar | can_manage_nomenclature)
