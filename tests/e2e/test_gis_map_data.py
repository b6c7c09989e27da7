"""A GIS editor keeps the map data: districts, streets, buildings on the map."""

import json

import pytest
from playwright.sync_api import Page, expect

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.gis.models import Address, District
from hromada.gis.tests.factories import DistrictFactory, StreetFactory, square

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = "/cabinet/gis/"


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def editor():
    return UserFactory.create(
        roles=[Role.GIS_EDITOR], first_name="Олена", last_name="Гребенюк"
    )


def test_an_editor_draws_a_district_and_adds_a_street(
    page: Page, live_server, sign_in, axe_violations, editor
):
    # given
    sign_in(editor)
    page.goto(live_server.url + "/cabinet/")
    page.get_by_role("link", name="Дані мапи").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Райони")
    assert axe_violations() == []

    # when: a boundary that is not GeoJSON
    page.get_by_role("button", name="Додати район").click()
    page.get_by_label("Назва району").fill("Центральний")
    page.get_by_label("Код").fill("tsentralnyi")
    page.get_by_label("Межа у форматі GeoJSON").fill("{не json")
    page.get_by_role("button", name="Зберегти район").click()

    # then
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Це не GeoJSON: текст не є правильним JSON."
    )
    assert axe_violations() == []
    assert District.objects.exists() is False

    # when: a good one
    page.get_by_label("Межа у форматі GeoJSON").fill(json.dumps(square(30.3, 50.3)))
    page.get_by_role("button", name="Зберегти район").click()

    # then
    expect(page.get_by_text("Район збережено.")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Центральний")).to_be_visible()

    # when: a street, with the keyboard only
    page.get_by_role("link", name="Вулиці й адреси").click()
    assert axe_violations() == []
    page.get_by_role("button", name="Додати вулицю").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Провулок").check()
    page.get_by_label("Назва вулиці").fill("Тихий")
    page.keyboard.press("Enter")

    # then
    expect(page.get_by_role("heading", level=1)).to_have_text("пров. Тихий")
    assert axe_violations() == []


def test_an_editor_puts_a_building_on_the_map_with_the_keyboard(
    page: Page, live_server, sign_in, axe_violations, editor
):
    # given: tiles never load here (the browser reaches only the test
    # server); the map still works
    district = DistrictFactory.create(name="Центральний")
    street = StreetFactory.create(name="Садова")
    sign_in(editor)
    page.goto(f"{live_server.url}{ROOT}streets/{street.public_id}/addresses/new/")
    expect(page.locator(".leaflet-container")).to_be_visible()
    assert axe_violations() == []

    # when: the map is moved with the keys, then the button puts the point
    page.get_by_label("Номер будинку").fill("14")
    page.get_by_role("region", name="Мапа, щоб поставити точку").focus()
    page.keyboard.press("ArrowLeft")
    page.get_by_role("button", name="Поставити точку в центрі мапи").focus()
    page.keyboard.press("Enter")

    # then: the inputs hold the point, a pin shows it, and it is announced
    latitude = page.get_by_label("Широта").input_value()
    assert 50.36 < float(latitude) < 50.41
    expect(page.get_by_role("button", name="Точка")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(
        "Точку поставлено; широта, довгота:"
    )
    assert axe_violations() == []

    # when: a click on the map moves it
    page.locator(".hromada-map").click(position={"x": 300, "y": 250})
    moved = page.get_by_label("Широта").input_value()
    page.get_by_role("button", name="Додати будинок").click()

    # then
    expect(page.get_by_text("вул. Садова, 14 — внесено до реєстру.")).to_be_visible()
    assert axe_violations() == []
    address = Address.objects.get()
    assert (address.number, address.district) == ("14", district)
    assert moved != latitude
    assert round(address.lat, 6) == float(moved)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_the_building_s_point_is_typed(
    page: Page, live_server, sign_in, editor
):
    # given
    district = DistrictFactory.create(name="Центральний")
    street = StreetFactory.create(name="Садова")
    sign_in(editor)
    page.goto(f"{live_server.url}{ROOT}streets/{street.public_id}/addresses/new/")

    # then: no map, the coordinates are plain inputs
    expect(page.locator(".hromada-map-area")).to_be_hidden()

    # when: a point outside the city first
    page.get_by_label("Номер будинку").fill("2")
    page.get_by_label("Широта").fill("50,45")
    page.get_by_label("Довгота").fill("30,52")
    page.get_by_role("button", name="Додати будинок").click()

    # then
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Точка поза межами міста."
    )

    # when
    page.get_by_label("Широта").fill("50,386")
    page.get_by_label("Довгота").fill("30,37")
    page.get_by_role("button", name="Додати будинок").click()

    # then
    expect(page.get_by_text("вул. Садова, 2 — внесено до реєстру.")).to_be_visible()
    assert Address.objects.get().district == district
