from datetime import date

import pytest

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import AuditEvent
from hromada.org import services
from hromada.org.models import Employee, OrgUnit, OrgUnitKind, Substitution
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR])


def test_administrator_builds_a_unit_with_a_post_and_an_employee(admin):
    # when
    unit = services.org_unit_create(
        actor=admin,
        name="Юридичний відділ",
        kind=OrgUnitKind.DEPARTMENT,
        unit_index="03",
    )
    post = services.position_create(
        actor=admin, org_unit=unit, title="Начальник", is_head=True, role=Role.UNIT_HEAD
    )
    person = UserFactory.create(last_name="Мельник", first_name="Олена")
    employee = services.employee_appoint(
        actor=admin,
        user=person,
        position=post,
        valid_from=date(2026, 1, 5),
        work_phone="2-10-03",
    )

    # then
    assert employee.directory_text == "мельник олена начальник юридичний відділ"
    assert list(AuditEvent.objects.values_list("action", flat=True)) == [
        "org.unit_create",
        "org.position_create",
        "org.employee_appoint",
    ]


def test_a_used_unit_index_is_refused(admin):
    OrgUnitFactory.create(unit_index="03")

    with pytest.raises(ApplicationError) as refusal:
        services.org_unit_create(
            actor=admin, name="Ще один", kind=OrgUnitKind.SECTOR, unit_index="03"
        )

    assert refusal.value.code == "unit_index_taken"
    assert OrgUnit.objects.count() == 1


def test_an_executor_cannot_change_the_structure_and_nothing_changes():
    executor = UserFactory.create(roles=[Role.EXECUTOR])

    with pytest.raises(PermissionDeniedError):
        services.org_unit_create(
            actor=executor, name="Відділ", kind=OrgUnitKind.DEPARTMENT
        )

    assert OrgUnit.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_dismissal_before_appointment_is_refused(admin):
    employee = EmployeeFactory.create(valid_from=date(2026, 3, 1))

    with pytest.raises(ApplicationError):
        services.employee_dismiss(
            actor=admin, employee=employee, valid_to=date(2026, 2, 1)
        )

    employee.refresh_from_db()
    assert employee.valid_to is None


def test_substitution_for_oneself_is_refused(admin):
    person = UserFactory.create()

    with pytest.raises(ApplicationError) as refusal:
        services.substitution_create(
            actor=admin,
            absent=person,
            substitute=person,
            starts_on=date(2026, 11, 1),
            ends_on=date(2026, 11, 5),
        )

    assert refusal.value.code == "self"
    assert Substitution.objects.exists() is False


def test_a_rename_refreshes_the_directory_text(django_capture_on_commit_callbacks):
    # given
    from hromada.accounts import services as account_services

    employee = EmployeeFactory.create(
        user__last_name="Стара",
        user__first_name="Ірина",
        position__title="Спеціаліст",
        position__org_unit__name="Відділ освіти",
    )
    user = employee.user

    # when
    with django_capture_on_commit_callbacks(execute=True):
        account_services.citizen_profile_update(
            user=user,
            actor=user,
            last_name="Нова",
            first_name="Ірина",
            patronymic="",
            address="",
            phone="",
            privileged_category="",
        )

    # then
    employee = Employee.objects.get(pk=employee.pk)
    assert employee.directory_text == "нова ірина спеціаліст відділ освіти"
