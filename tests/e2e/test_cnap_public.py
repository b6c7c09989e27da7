"""The registry of administrative services in the browser: a visitor finds
a service by an inflected word, with the keyboard alone, opens its card and
reads its technological card; a keeper previews a draft. Every page passes
axe."""

import pytest
from playwright.sync_api import Page, expect

from hromada.cnap.services import directory
from hromada.cnap.tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def duplicate():
    """A published free card and a paid one in another life situation."""
    studies = directory.life_situation_save(actor=None, name="Навчання")
    business = directory.life_situation_save(actor=None, name="Власна справа")
    factories.published(
        name="Видача дозволу на розміщення вивіски",
        summary="Для підприємців, що розміщують рекламу.",
        provider=factories.provider("Відділ архітектури"),
        life_situations=(business,),
        **factories.paid_changes(),
    )
    return factories.published(
        name="Видача дубліката документа про освіту",
        life_situations=(studies,),
    )


def test_a_visitor_finds_a_service_and_reads_its_cards(
    page: Page, live_server, axe_violations, duplicate
):
    # given
    page.goto(live_server.url + "/services/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".hromada-service-list > li")).to_have_count(2)
    assert axe_violations() == []

    # when: the words typed and sent with the keyboard
    page.locator("#id_q").fill("атестата")
    page.locator("#id_q").press("Enter")

    # then
    expect(page.locator(".hromada-service-list > li")).to_have_count(1)
    assert "q=" in page.url
    assert axe_violations() == []

    # when
    page.get_by_role("link", name=duplicate.name).click()

    # then: the card, its sections and its technological card
    expect(page.get_by_role("heading", level=1)).to_have_text(duplicate.name)
    expect(page.locator("main")).to_contain_text("Відсутність архівного запису")
    table = page.locator("table.govuk-table")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table.locator("tbody th[scope=row]").first).to_have_text(
        "Прийом і реєстрація заяви"
    )
    expect(table.locator("abbr").nth(1)).to_have_text("З")
    assert axe_violations() == []

    # when: back to the catalogue by the card's life situation
    page.get_by_role("link", name="Навчання").last.click()

    # then
    expect(page.locator(".hromada-service-list > li")).to_have_count(1)
    expect(page.get_by_role("link", name=duplicate.name)).to_be_visible()


def test_a_wrong_filter_is_explained_accessibly(
    page: Page, live_server, axe_violations
):
    page.goto(live_server.url + "/services/?situation=nemaie-takoi&page=x")

    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert axe_violations() == []


def test_a_keeper_previews_a_draft_and_the_public_gets_404(
    page: Page, live_server, axe_violations, sign_in
):
    # given
    draft = factories.draft(name="Чернетка послуги")

    # when: the public asks for it
    response = page.goto(live_server.url + draft.get_absolute_url())

    # then
    assert response is not None
    assert response.status == 404

    # when: a keeper opens it
    sign_in(factories.keeper())
    page.goto(live_server.url + draft.get_absolute_url())

    # then
    expect(page.get_by_role("heading", level=1)).to_have_text(draft.name)
    expect(page.locator(".govuk-warning-text")).to_be_visible()
    assert axe_violations() == []


MAX_BYTES = 500 * 1024
MAX_SCRIPT_BYTES = 150 * 1024
PHONE = {"width": 375, "height": 812}


def _paths(service) -> list[str]:
    return ["/services/", "/services/?q=дубліката", service.get_absolute_url()]


def test_the_services_pages_are_light(transferred, duplicate):
    for path in _paths(duplicate):
        total, scripts = transferred(path)
        assert total < MAX_BYTES, (path, total)
        assert scripts < MAX_SCRIPT_BYTES, (path, scripts)


@pytest.mark.browser_context_args(viewport=PHONE, is_mobile=True, has_touch=True)
def test_the_services_pages_fit_a_phone(
    page: Page, live_server, axe_violations, duplicate
):
    for path in _paths(duplicate):
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
        assert axe_violations() == [], path


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_the_catalogue_works_without_javascript(page: Page, live_server, duplicate):
    page.goto(live_server.url + "/services/")
    page.get_by_label("Безоплатно").check()
    page.get_by_role("textbox").fill("дубліката")
    page.get_by_role("button", name="Знайти послуги").click()

    expect(page.get_by_role("link", name=duplicate.name)).to_be_visible()
    expect(page.get_by_text("Видача дозволу на розміщення вивіски")).to_have_count(0)
