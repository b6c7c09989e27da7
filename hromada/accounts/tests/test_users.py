import pytest
from allauth.account.models import EmailAddress

from hromada.accounts import services
from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_system_administrator_creates_a_verified_staff_account():
    # given
    admin = UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR])

    # when
    user = services.user_create(
        actor=admin,
        email="Clerk@Vyshneve.Example",
        password="a-long-password",
        last_name="Мельник",
        first_name="Олена",
        roles=frozenset({Role.REGISTRAR}),
        email_verified=True,
    )

    # then
    assert user.email == "clerk@vyshneve.example"
    assert user.check_password("a-long-password") is True
    assert list(user.groups.values_list("name", flat=True)) == ["registrar"]
    address = EmailAddress.objects.get(user=user)
    assert (address.verified, address.primary) == (True, True)
    event = AuditEvent.objects.get(action="accounts.user_create")
    assert (event.actor_id, event.data) == (
        admin.pk,
        {"roles": ["registrar"], "superuser": False},
    )


def test_an_executor_cannot_create_accounts():
    executor = UserFactory.create(roles=[Role.EXECUTOR])

    with pytest.raises(PermissionDeniedError):
        services.user_create(actor=executor, email="x@vyshneve.example", password=None)

    assert User.objects.filter(email="x@vyshneve.example").exists() is False
    assert AuditEvent.objects.exists() is False


def test_a_taken_address_is_refused_whatever_its_case():
    UserFactory.create(email="olena@vyshneve.example")

    with pytest.raises(ApplicationError) as refusal:
        services.user_create(actor=None, email="OLENA@vyshneve.example", password=None)

    assert refusal.value.code == "email_taken"
    assert User.objects.count() == 1


def test_roles_are_replaced_and_the_difference_is_audited():
    # given
    admin = UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR])
    user = UserFactory.create(roles=[Role.EXECUTOR])

    # when
    services.user_roles_set(user=user, roles=frozenset({Role.UNIT_HEAD}), actor=admin)

    # then
    assert list(user.groups.values_list("name", flat=True)) == ["unit_head"]
    event = AuditEvent.objects.get()
    assert event.data == {"added": ["unit_head"], "removed": ["executor"]}


def test_full_name_is_written_surname_first():
    user = User(last_name="Шевченко", first_name="Тарас", patronymic="Григорович")

    assert user.get_full_name() == "Шевченко Тарас Григорович"
    assert user.get_short_name() == "Тарас Шевченко"
