import pytest

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory

pytestmark = pytest.mark.django_db
URL = "/cabinet/org/directory/"


@pytest.fixture
def staff(client, settings):
    settings.HROMADA_DEMO = True
    user = UserFactory.create(roles=[Role.EXECUTOR])
    client.force_login(user)
    return user


def test_directory_lists_current_staff_with_phones(client, staff):
    EmployeeFactory.create(user__last_name="Ковальчук", work_phone="(04598) 2-10-01")

    response = client.get(URL)

    body = response.content.decode()
    assert response.status_code == 200
    assert "Ковальчук" in body
    assert 'href="tel:(04598)2-10-01"' in body


def test_directory_filters_by_unit_and_query(client, staff):
    unit = OrgUnitFactory.create()
    EmployeeFactory.create(user__last_name="Ярошенко", position__org_unit=unit)
    EmployeeFactory.create(user__last_name="Ярошевич")

    response = client.get(URL, {"q": "ярош", "unit": str(unit.public_id)})

    assert [e.user.last_name for e in response.context["page"].object_list] == [
        "Ярошенко"
    ]


def test_htmx_gets_only_the_results_partial(client, staff):
    response = client.get(URL, {"q": "x"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response.templates[0].name == "org/_directory_results.html"


def test_directory_is_not_for_citizens(client, settings):
    settings.HROMADA_DEMO = True
    client.force_login(UserFactory.create(roles=[Role.CITIZEN]))

    assert client.get(URL).status_code == 403


def test_directory_query_count_does_not_grow_with_rows(
    client, staff, django_assert_max_num_queries
):
    EmployeeFactory.create_batch(5)
    client.get(URL)  # warm the session

    # session, user, roles, units, count, page of employees with their joins;
    # the menu's: the user's substitutions and posts, the counters
    with django_assert_max_num_queries(9):
        response = client.get(URL)

    assert len(response.context["page"].object_list) == 5
