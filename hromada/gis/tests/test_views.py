"""The public address suggestions at /map/addresses/."""

import pytest

from hromada.gis.tests.factories import AddressFactory, DistrictFactory, StreetFactory

pytestmark = pytest.mark.django_db
URL = "/map/addresses/"


@pytest.fixture
def sadova():
    centre = DistrictFactory.create(name="Центральний")
    street = StreetFactory.create(name="Садова")
    return [
        AddressFactory.create(
            street=street, number=str(n), lon=30.37, lat=50.386, district=centre
        )
        for n in range(1, 16)
    ]


def test_htmx_gets_a_list_of_buttons_to_choose_from(client, sadova):
    # when
    response = client.get(
        URL, {"q": "садова 1"}, headers={"HX-Request": "true", "Accept-Language": "uk"}
    )

    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "gis/_address_suggestions.html"
    # 1, 10…15: seven buildings, each a button a keyboard reaches
    assert body.count('<button type="button"') == 7
    assert 'data-count-text="Знайдено 7 адрес"' in body
    assert 'data-label="вул. Садова, 10"' in body
    assert 'data-lat="50.386"' in body
    assert 'data-lon="30.37"' in body
    assert "Центральний" in body
    assert "Accept" in response["Vary"].split(", ")


def test_scripts_get_json_by_format_or_by_accept(client, sadova):
    # when
    by_format = client.get(URL, {"q": "садова 2", "format": "json"})
    by_accept = client.get(
        URL, {"q": "садова 2"}, headers={"Accept": "application/json"}
    )

    # then
    expected = [
        {
            "id": str(sadova[1].public_id),
            "label": "вул. Садова, 2",
            "lon": 30.37,
            "lat": 50.386,
            "district": "Центральний",
        }
    ]
    assert (by_format.json(), by_accept.json()) == (expected, expected)
    assert by_accept["Content-Type"] == "application/json"


def test_at_most_ten_suggestions_in_one_query(
    client, sadova, django_assert_num_queries
):
    # when: an anonymous visitor, so no session or user is read
    with django_assert_num_queries(1):
        response = client.get(URL, {"q": "садова", "format": "json"})

    # then
    assert len(response.json()) == 10


def test_fewer_than_two_letters_ask_nothing(client, sadova, django_assert_num_queries):
    # when
    with django_assert_num_queries(0):
        short = client.get(URL, {"q": " с ", "format": "json"})
        html = client.get(URL, {"q": "с"})

    # then
    assert short.json() == []
    assert "<button" not in html.content.decode()
    assert 'data-count-text=""' in html.content.decode()


def test_nothing_found_is_said(client, sadova):
    # when
    response = client.get(URL, {"q": "Шевченка"}, headers={"Accept-Language": "uk"})

    # then
    assert "Жодна адреса реєстру не відповідає цим словам" in response.content.decode()


def test_a_form_input_names_its_own_parameter(client, sadova):
    # when: htmx sends the input under its own name
    response = client.get(
        URL, {"field": "location_address", "location_address": "садова 3"}
    )

    # then
    assert response.content.decode().count("<button") == 1


def test_the_endpoint_is_public_and_read_only(client, sadova):
    assert client.get(URL, {"q": "садова"}).status_code == 200
    assert client.post(URL, {"q": "садова"}).status_code == 405
