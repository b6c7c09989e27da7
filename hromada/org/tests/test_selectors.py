from datetime import date

import pytest

from hromada.org import selectors
from hromada.org.models import SubstitutionScope
from hromada.org.tests.factories import (
    EmployeeFactory,
    OrgUnitFactory,
    PositionFactory,
    SubstitutionFactory,
)

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 22)


def test_directory_search_folds_cyrillic_case_and_matches_every_word():
    # given
    unit = OrgUnitFactory.create(name="Відділ освіти")
    wanted = EmployeeFactory.create(
        user__last_name="Шевчук", user__first_name="Олена", position__org_unit=unit
    )
    EmployeeFactory.create(user__last_name="Шевчук", user__first_name="Петро")
    EmployeeFactory.create(user__last_name="Бойко", position__org_unit=unit)

    # when
    found = selectors.employee_list_current(on=TODAY, query="ШЕВЧУК освіти")

    # then
    assert list(found) == [wanted]


def test_former_and_future_employees_are_not_listed():
    current = EmployeeFactory.create(valid_from=date(2020, 1, 1))
    EmployeeFactory.create(valid_from=date(2020, 1, 1), valid_to=date(2026, 11, 21))
    EmployeeFactory.create(valid_from=date(2026, 11, 23))

    assert list(selectors.employee_list_current(on=TODAY)) == [current]


def test_a_substitute_acts_in_the_absent_persons_unit_only_while_the_period_lasts():
    # given
    head = EmployeeFactory.create(position__is_head=True)
    substitution = SubstitutionFactory.create(
        absent=head.user, starts_on=date(2026, 11, 20), ends_on=date(2026, 11, 25)
    )
    unit_id = head.position.org_unit_id
    substitute = substitution.substitute

    # then
    assert (
        selectors.employee_exists(
            user=substitute, org_unit_id=unit_id, is_head=True, on=TODAY
        )
        is True
    )
    assert (
        selectors.employee_exists(
            user=substitute, org_unit_id=unit_id, on=date(2026, 11, 26)
        )
        is False
    )
    assert selectors.org_unit_ids_for_user(user=substitute, on=TODAY) == frozenset(
        {unit_id}
    )


def test_a_signing_substitution_does_not_grant_resolutions():
    substitution = SubstitutionFactory.create(
        scope=SubstitutionScope.SIGN, starts_on=TODAY, ends_on=TODAY
    )

    assert (
        selectors.substitution_absent_ids_for(
            user=substitution.substitute, on=TODAY, scope=SubstitutionScope.RESOLVE
        )
        == frozenset()
    )
    assert selectors.substitution_absent_ids_for(
        user=substitution.substitute, on=TODAY, scope=SubstitutionScope.SIGN
    ) == frozenset({substitution.absent_id})


def test_a_cancelled_substitution_grants_nothing():
    substitution = SubstitutionFactory.create(
        is_cancelled=True, starts_on=TODAY, ends_on=TODAY
    )

    assert (
        selectors.substitution_absent_ids_for(user=substitution.substitute, on=TODAY)
        == frozenset()
    )


def test_units_of_a_person_with_two_posts():
    first = EmployeeFactory.create()
    second = EmployeeFactory.create(user=first.user, position=PositionFactory.create())

    assert selectors.org_unit_ids_for_user(user=first.user, on=TODAY) == frozenset(
        {first.position.org_unit_id, second.position.org_unit_id}
    )
