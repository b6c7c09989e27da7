from datetime import date, timedelta

import factory
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.org.models import Employee, OrgUnit, OrgUnitKind, Position, Substitution


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    kind = OrgUnitKind.DEPARTMENT
    name = factory.Sequence(lambda n: f"Відділ №{n}")
    unit_index = factory.Sequence(lambda n: f"{n + 10:02d}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    org_unit = factory.SubFactory(OrgUnitFactory)
    title = "Головний спеціаліст"
    role = Role.EXECUTOR


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    user = factory.SubFactory(UserFactory, roles=[Role.EXECUTOR])
    position = factory.SubFactory(PositionFactory)
    valid_from = date(2024, 1, 1)
    directory_text = factory.LazyAttribute(
        lambda e: (
            f"{e.user.last_name} {e.user.first_name} {e.position.title} "
            f"{e.position.org_unit.name}".casefold()
        )
    )


class SubstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Substitution

    absent = factory.SubFactory(UserFactory, roles=[Role.EXECUTOR])
    substitute = factory.SubFactory(UserFactory, roles=[Role.EXECUTOR])
    # In force today, whenever the tests run.
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=1))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=1))
