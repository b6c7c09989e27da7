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

GENERAL_DEPARTMENT_INDEX = "01"
ARCHIVE_DEPARTMENT_INDEX = "22"


def _records_posts(user: User) -> tuple[bool, bool]:
    """(works in the archive, heads the general department) today.

    From the user's posts, which ``org.selectors`` keeps on the instance for
    the request: the menu asks on every cabinet page.
    """
    return (
        ARCHIVE_DEPARTMENT_INDEX in org_selectors.org_unit_indexes_for_user(user=user),
        GENERAL_DEPARTMENT_INDEX
        in org_selectors.org_unit_indexes_for_user(user=user, heads_only=True),
    )


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
