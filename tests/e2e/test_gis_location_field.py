"""A citizen names a place: suggestions, the map, and the path without it."""

import pytest
from playwright.sync_api import Page, expect

from hromada.gis.tests.factories import AddressFactory, DistrictFactory, StreetFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.e2e.gis_location_urls"),
]
PLACE = "/test-place/"


@pytest.fixture
def sadova():
    centre = DistrictFactory.create(name="Центральний")
    street = StreetFactory.create(name="Садова")
    for number in ("1", "12", "14"):
        AddressFactory.create(
            street=street, number=number, lon=30.371, lat=50.387, district=centre
        )
    return street


def test_a_suggested_address_is_chosen_with_the_keyboard(
    page: Page, live_server, axe_violations, sadova
):
    # given
    page.goto(live_server.url + PLACE)
    assert axe_violations() == []

    # when: the words bring suggestions, announced by their count
    page.get_by_label("Вулиця й номер будинку").press_sequentially("садова 1")
    expect(page.get_by_role("status")).to_have_text("Знайдено 3 адреси")
    assert axe_violations() == []
    page.keyboard.press("Tab")
    expect(
        page.get_by_role("button", name="вул. Садова, 1 — Центральний")
    ).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    # then: the address and its point are filled in
    expect(page.get_by_label("Вулиця й номер будинку")).to_have_value("вул. Садова, 12")
    expect(page.get_by_label("Вулиця й номер будинку")).to_be_focused()
    expect(page.get_by_role("status")).to_have_text("Вибрано адресу: вул. Садова, 12")
    expect(page.get_by_label("Широта")).to_have_value("50.387")
    expect(page.get_by_role("button", name="Точка")).to_be_visible()
    assert axe_violations() == []

    # when
    page.get_by_role("button", name="Надіслати").click()

    # then
    expect(page.locator("#result")).to_have_text("вул. Садова, 12: Центральний")


def test_typing_another_address_takes_the_chosen_point_away(
    page: Page, live_server, sadova
):
    # given
    page.goto(live_server.url + PLACE)
    page.get_by_label("Вулиця й номер будинку").press_sequentially("садова 14")
    page.get_by_role("button", name="вул. Садова, 14 — Центральний").click()
    expect(page.get_by_label("Довгота")).to_have_value("30.371")

    # when
    page.get_by_label("Вулиця й номер будинку").press("Backspace")

    # then
    expect(page.get_by_label("Довгота")).to_have_value("")
    expect(page.get_by_role("button", name="Точка")).to_have_count(0)
    expect(page.get_by_role("status")).to_have_text(
        "Точку прибрано з мапи: адреса змінилася."
    )


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_several_matches_are_offered_as_choices(
    page: Page, live_server, sadova
):
    # given
    page.goto(live_server.url + PLACE)
    expect(page.locator(".hromada-map-area")).to_be_hidden()

    # when
    page.get_by_label("Вулиця й номер будинку").fill("Садова")
    page.get_by_role("button", name="Надіслати").click()

    # then
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Підходить кілька адрес."
    )
    choices = page.get_by_role("group", name="Яку адресу ви маєте на увазі?")
    expect(choices.get_by_role("radio")).to_have_count(3)

    # when
    choices.get_by_label("вул. Садова, 14").check()
    page.get_by_role("button", name="Надіслати").click()

    # then
    expect(page.locator("#result")).to_have_text("вул. Садова, 14: Центральний")
