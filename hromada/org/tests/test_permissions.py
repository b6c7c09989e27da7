import pytest

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.org import permissions

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("roles", "is_active", "views_directory", "manages_structure"),
    [
        ([], True, False, False),
        ([Role.CITIZEN], True, False, False),
        ([Role.BUSINESS], True, False, False),
        ([Role.EXECUTOR], True, True, False),
        ([Role.UNIT_HEAD], True, True, False),
        ([Role.MAYOR], True, True, False),
        ([Role.SYSTEM_ADMINISTRATOR], True, True, True),
        ([Role.SYSTEM_ADMINISTRATOR], False, False, False),
        ([Role.EXECUTOR], False, False, False),
    ],
)
def test_org_permission_matrix(roles, is_active, views_directory, manages_structure):
    user = UserFactory.create(roles=roles, is_active=is_active)

    outcome = (
        permissions.can_view_directory(user),
        permissions.can_manage_structure(user),
    )

    assert outcome == (views_directory, manages_structure)
