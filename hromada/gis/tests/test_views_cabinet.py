"""The cabinet pages of map data: who sees them, and what they change."""

import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.gis import permissions
from hromada.gis.models import Address, District, Street, StreetKind
from hromada.gis.tests.factories import (
    AddressFactory,
    DistrictFactory,
    StreetFactory,
    square,
)

pytestmark = pytest.mark.django_db
ROOT = "/cabinet/gis/"


@pytest.fixture(autouse=True)
def _no_totp(settings):
    # Demo mode lets staff in without TOTP (accounts' cabinet gate).
    settings.HROMADA_DEMO = True


@pytest.fixture
def editor(client):
    user = UserFactory.create(roles=[Role.GIS_EDITOR])
    client.force_login(user)
    return user


@pytest.fixture
def street():
    return StreetFactory.create(name="Садова")


def _pages(street, district):
    return [
        ROOT,
        f"{ROOT}districts/new/",
        f"{ROOT}districts/{district.public_id}/",
        f"{ROOT}streets/",
        f"{ROOT}streets/new/",
        f"{ROOT}streets/{street.public_id}/",
        f"{ROOT}streets/{street.public_id}/addresses/new/",
        f"{ROOT}streets/{street.public_id}/addresses/import/",
    ]


@pytest.mark.parametrize(
    ("roles", "status"),
    [
        ([Role.GIS_EDITOR], 200),
        ([Role.SYSTEM_ADMINISTRATOR], 200),
        ([Role.EXECUTOR], 404),
        ([Role.CITIZEN], 403),
    ],
)
def test_only_gis_editors_see_the_pages_and_the_menu_entry(
    client, street, roles, status
):
    # given
    user = UserFactory.create(roles=roles)
    client.force_login(user)
    pages = _pages(street, DistrictFactory.create())

    # when
    statuses = {client.get(page).status_code for page in pages}
    posts = {client.post(page, {}).status_code for page in pages[1:3] + pages[4:5]}

    # then
    assert statuses == {status}
    assert posts <= {status, 400}
    home = client.get("/cabinet/").content.decode()
    assert ('href="/cabinet/gis/"' in home) is (status == 200)
    assert permissions.can_edit_map_data(user) is (status == 200)


def test_anonymous_visitors_are_sent_to_sign_in(client, street):
    response = client.get(ROOT)
    assert (response.status_code, response["Location"].split("?")[0]) == (
        302,
        "/accounts/login/",
    )


def test_the_district_list_shows_address_counts(client, editor):
    # given
    centre = DistrictFactory.create(name="Центральний", code="tsentralnyi")
    AddressFactory.create_batch(3, district=centre)

    # when
    response = client.get(ROOT)

    # then
    body = response.content.decode()
    assert '<th scope="row" class="govuk-table__header">Центральний</th>' in body
    assert "<code>tsentralnyi</code>" in body
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">3</td>' in body
    assert 'aria-current="page">Райони</a>' in body


def test_an_editor_adds_a_district_by_pasting_a_feature_collection(client, editor):
    # given
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": square(30.3, 50.3)}
        ],
    }
    building = AddressFactory.create(lon=30.305, lat=50.305)

    # when
    response = client.post(
        f"{ROOT}districts/new/",
        {
            "name": "Центральний",
            "code": "tsentralnyi",
            "geometry": json.dumps(collection),
        },
    )

    # then
    assert (response.status_code, response["Location"]) == (302, ROOT)
    district = District.objects.get()
    assert (district.name, district.geometry) == ("Центральний", square(30.3, 50.3))
    building.refresh_from_db()
    assert building.district == district


def test_an_uploaded_file_gives_the_boundary(client, editor):
    # given
    upload = SimpleUploadedFile(
        "district.geojson",
        json.dumps(square(30.3, 50.3)).encode(),
        "application/geo+json",
    )

    # when
    response = client.post(
        f"{ROOT}districts/new/",
        {"name": "Північний", "code": "pivnichnyi", "geometry_file": upload},
    )

    # then
    assert response.status_code == 302
    assert District.objects.get().max_lat == pytest.approx(50.31)


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ("", "Вставте межу у форматі GeoJSON або завантажте файл."),
        ("{not json", "Це не GeoJSON: текст не є правильним JSON."),
        (
            json.dumps({"type": "Point", "coordinates": [30.3, 50.3]}),
            "Задайте межу як GeoJSON Polygon або MultiPolygon.",
        ),
        (
            json.dumps({"type": "FeatureCollection", "features": []}),
            "FeatureCollection має містити рівно один об’єкт.",
        ),
        (
            json.dumps(
                {
                    "type": "Polygon",
                    "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]],
                }
            ),
            "Межа не є правильним замкненим багатокутником.",
        ),
    ],
)
def test_a_bad_boundary_is_a_clear_error_and_changes_nothing(
    client, editor, geometry, message
):
    # when
    response = client.post(
        f"{ROOT}districts/new/", {"name": "Н", "code": "n", "geometry": geometry}
    )

    # then
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert 'class="govuk-error-summary"' in body
    assert 'href="#id_geometry"' in body
    assert (District.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_redrawing_a_district_keeps_it_and_moves_its_addresses(client, editor):
    # given
    district = DistrictFactory.create(name="Центральний", lon=30.3, lat=50.3, size=0.01)
    building = AddressFactory.create(lon=30.305, lat=50.305, district=district)
    page = client.get(f"{ROOT}districts/{district.public_id}/").content.decode()
    assert "&quot;Polygon&quot;" in page

    # when
    client.post(
        f"{ROOT}districts/{district.public_id}/",
        {
            "name": "Центральний",
            "code": district.code,
            "geometry": json.dumps(square(31, 51)),
        },
    )

    # then
    district.refresh_from_db()
    building.refresh_from_db()
    assert (district.min_lon, building.district) == (31, None)


def test_a_district_form_sent_twice_creates_one_district(client, editor):
    # given
    data = {
        "name": "Центральний",
        "code": "tsentralnyi",
        "geometry": json.dumps(square(30.3, 50.3)),
        "once": str(uuid.uuid4()),
    }

    # when
    first = client.post(f"{ROOT}districts/new/", data)
    second = client.post(f"{ROOT}districts/new/", data)

    # then
    assert (first.status_code, second.status_code) == (302, 302)
    assert District.objects.count() == 1


def test_streets_are_searched_and_listed_with_their_buildings(client, editor, street):
    # given
    AddressFactory.create_batch(2, street=street)
    StreetFactory.create(name="Шевченка")

    # when
    full = client.get(f"{ROOT}streets/", {"q": "сад"})
    partial = client.get(
        f"{ROOT}streets/", {"q": "сад"}, headers={"HX-Request": "true"}
    )

    # then
    body = full.content.decode()
    assert "вул. Садова" in body
    assert "Шевченка" not in body
    assert "Знайдено 1 вулицю." in body
    assert partial.templates[0].name == "gis/_street_list_results.html"


def test_the_street_list_costs_the_same_for_one_street_or_many(
    client, editor, django_assert_max_num_queries
):
    # given
    StreetFactory.create_batch(5)
    client.get(f"{ROOT}streets/")  # warm the session and the menu

    # session, user, roles, count, page of streets with their counts; the
    # menu's entries
    with django_assert_max_num_queries(8):
        response = client.get(f"{ROOT}streets/")

    # then
    assert len(response.context["page"].object_list) == 5


def test_the_district_and_building_lists_cost_the_same_for_one_row_or_many(
    client, editor, street
):
    # given
    def queries(url):
        client.get(url)  # warm the session and the menu
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    districts, buildings = ROOT, f"{ROOT}streets/{street.public_id}/"
    district = DistrictFactory.create()
    AddressFactory.create(street=street, district=district)
    few = (queries(districts), queries(buildings))

    # when
    for n in range(5):
        AddressFactory.create(
            street=street, district=DistrictFactory.create(lon=31 + n)
        )

    # then
    assert (queries(districts), queries(buildings)) == few


def test_an_editor_adds_a_street_once(client, editor):
    # given
    data = {"kind": StreetKind.LANE, "name": "Тихий", "once": str(uuid.uuid4())}

    # when
    first = client.post(f"{ROOT}streets/new/", data)
    second = client.post(f"{ROOT}streets/new/", data)

    # then
    street = Street.objects.get()
    assert str(street) == "пров. Тихий"
    assert (
        first["Location"] == second["Location"] == f"{ROOT}streets/{street.public_id}/"
    )


def test_a_street_twice_is_an_error_on_the_name(client, editor, street):
    # when
    response = client.post(f"{ROOT}streets/new/", {"kind": "street", "name": "садова"})

    # then
    assert response.status_code == 400
    assert response.context["form"].errors == {"name": ["Ця вулиця вже є в реєстрі."]}


def test_a_street_page_lists_its_buildings_a_page_at_a_time(client, editor, street):
    # given
    for number in range(1, 56):
        AddressFactory.create(street=street, number=str(number))

    # when
    first = client.get(f"{ROOT}streets/{street.public_id}/")
    second = client.get(f"{ROOT}streets/{street.public_id}/", {"page": 2})

    # then
    assert [a.number for a in first.context["page"].object_list][:3] == ["1", "2", "3"]
    assert [a.number for a in second.context["page"].object_list] == [
        "51",
        "52",
        "53",
        "54",
        "55",
    ]
    assert "55 будинків" in first.content.decode()


def test_an_editor_adds_a_building_by_typing_its_point(client, editor, street):
    # given: no JavaScript, so the coordinates are typed
    district = DistrictFactory.create(name="Центральний")
    form = client.get(f"{ROOT}streets/{street.public_id}/addresses/new/")
    assert 'data-module="hromada-map-picker"' in form.content.decode()
    data = {
        "number": "14-а",
        "point_lat": "50,386",
        "point_lon": "30,37",
        "once": str(uuid.uuid4()),
    }

    # when
    first = client.post(f"{ROOT}streets/{street.public_id}/addresses/new/", data)
    second = client.post(f"{ROOT}streets/{street.public_id}/addresses/new/", data)

    # then
    assert (first.status_code, second.status_code) == (302, 302)
    address = Address.objects.get()
    assert (str(address), address.district, address.lat) == (
        "вул. Садова, 14-А",
        district,
        50.386,
    )


def test_a_building_outside_the_city_is_refused(client, editor, street):
    # given
    DistrictFactory.create()

    # when
    response = client.post(
        f"{ROOT}streets/{street.public_id}/addresses/new/",
        {"number": "1", "point_lat": "50.45", "point_lon": "30.52"},
    )

    # then
    assert response.status_code == 400
    assert "Точка поза межами міста." in response.content.decode()
    assert 'href="#id_point_0"' in response.content.decode()
    assert Address.objects.exists() is False


def test_a_csv_import_adds_buildings_and_reports_refused_rows(client, editor, street):
    # given
    DistrictFactory.create()
    csv_text = "number,lon,lat\n1,30.37,50.386\n2,ніде,50.386\n3,50.386,30.37\n"
    upload = SimpleUploadedFile("buildings.csv", csv_text.encode(), "text/csv")

    # when
    response = client.post(
        f"{ROOT}streets/{street.public_id}/addresses/import/", {"file": upload}
    )

    # then
    body = response.content.decode()
    assert list(Address.objects.values_list("number", flat=True)) == ["1"]
    assert "Додано 1 адресу." in body
    assert "2 рядки не імпортовано" in body
    assert "Довгота й широта мають бути числами." in body
    assert "Точка поза межами міста." in body


def test_a_clean_csv_import_goes_back_to_the_street(client, editor, street):
    # given
    DistrictFactory.create()
    upload = SimpleUploadedFile(
        "b.csv", "\ufefflat,lon,number\n50.386,30.37,1\n".encode(), "text/csv"
    )

    # when
    response = client.post(
        f"{ROOT}streets/{street.public_id}/addresses/import/", {"file": upload}
    )

    # then
    assert response["Location"] == f"{ROOT}streets/{street.public_id}/"
    assert Address.objects.count() == 1


def test_a_csv_without_the_columns_is_refused(client, editor, street):
    # when
    upload = SimpleUploadedFile("b.csv", b"a;b;c\n1;2;3\n", "text/csv")
    response = client.post(
        f"{ROOT}streets/{street.public_id}/addresses/import/", {"file": upload}
    )

    # then
    assert response.status_code == 400
    assert "Перший рядок має називати стовпці number, lon і lat." in (
        response.content.decode()
    )


def test_a_missing_street_or_district_is_not_found(client, editor):
    missing = uuid.uuid4()
    assert client.get(f"{ROOT}streets/{missing}/").status_code == 404
    assert client.get(f"{ROOT}districts/{missing}/").status_code == 404
