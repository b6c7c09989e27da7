import pytest

from hromada.org.models import OrgUnitKind
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def test_home_page_is_public_and_in_ukrainian(client):
    response = client.get("/")

    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="uk"' in body
    assert "Увійти" in body


def test_english_version_of_the_home_page(client):
    client.cookies["django_language"] = "en"

    response = client.get("/")

    assert '<html lang="en"' in response.content.decode()


def test_bodies_page_lists_units_and_enterprises_with_contacts(client):
    OrgUnitFactory.create(name="Відділ освіти", phone="(04598) 2-11-00")
    OrgUnitFactory.create(name="КП «Міськводоканал»", kind=OrgUnitKind.ENTERPRISE)
    OrgUnitFactory.create(name="Закритий відділ", is_active=False)

    response = client.get("/bodies/")

    body = response.content.decode()
    assert "Відділ освіти" in body
    assert "(04598) 2-11-00" in body
    assert "КП «Міськводоканал»" in body
    assert "Закритий відділ" not in body


def test_bodies_page_runs_one_query_whatever_the_number_of_units(
    client, django_assert_num_queries
):
    OrgUnitFactory.create_batch(5)

    with django_assert_num_queries(1):
        response = client.get("/bodies/")

    assert response.status_code == 200


def test_accessibility_statement_is_public(client):
    response = client.get("/accessibility/")

    assert response.status_code == 200
    assert "ДСТУ EN 301 549:2022" in response.content.decode()
