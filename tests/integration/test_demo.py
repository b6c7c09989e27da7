"""The demo city: deterministic, idempotent, refused in production."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.core.models import AuditEvent
from hromada.org.models import Employee, OrgUnit, OrgUnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_mode(settings):
    settings.HROMADA_DEMO = True
    settings.IS_PRODUCTION = False


def _snapshot():
    return (
        User.objects.count(),
        OrgUnit.objects.count(),
        Employee.objects.count(),
        AuditEvent.objects.count(),
        sorted(User.objects.values_list("email", "last_name", "first_name")),
    )


def test_demo_builds_the_city_with_one_account_per_role(demo_mode):
    # when
    call_command("demo", stdout=StringIO())

    # then
    assert OrgUnit.objects.filter(kind=OrgUnitKind.DEPARTMENT).count() == 19
    assert OrgUnit.objects.filter(kind=OrgUnitKind.ENTERPRISE).count() == 10
    assert OrgUnit.objects.filter(kind=OrgUnitKind.CNAP).count() == 1
    assert 120 <= Employee.objects.count() <= 140
    for role in Role:
        holders = User.objects.filter(
            groups__name=role.value, email__endswith="@vyshneve.example"
        )
        assert holders.exists() is True, role
    mayor = User.objects.get(email="mayor@vyshneve.example")
    assert mayor.check_password("demo-hromada") is True


def test_running_demo_twice_changes_nothing_and_is_deterministic(demo_mode):
    call_command("demo", stdout=StringIO())
    first = _snapshot()

    call_command("demo", stdout=StringIO())

    assert _snapshot() == first


def test_demo_is_refused_in_production(settings):
    settings.IS_PRODUCTION = True
    settings.HROMADA_DEMO = False

    with pytest.raises(CommandError, match="ніколи — у робочому середовищі"):
        call_command("demo")

    assert User.objects.exists() is False
