"""The public portal in a browser: accessible, light, usable on a phone,
and its forms work without JavaScript."""

from datetime import timedelta
from random import Random

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from hromada.org.models import OrgUnitKind
from hromada.org.tests.factories import OrgUnitFactory
from hromada.portal import demo_files, selectors, services
from hromada.portal.models import (
    BodiesIndexPage,
    BodyPage,
    EventPage,
    EventsCalendarPage,
    NewsIndexPage,
    NewsPage,
)

pytestmark = pytest.mark.django_db(transaction=True)

MAX_BYTES = 500 * 1024
MAX_SCRIPT_BYTES = 150 * 1024
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def portal():
    """A home page with news (one with a picture), events and a body page."""
    home = selectors.home_page()
    news_index = NewsIndexPage.objects.get()
    image = services.image_create(
        title="Сквер",
        file_name="skver.jpg",
        content=demo_files.picture(Random(1), 0),
        actor=None,
    )
    news = services.page_create(
        parent=news_index,
        page=NewsPage(
            title="Відкрили новий сквер на Садовій",
            lead="Лави, дерева й доріжки для візків.",
            body="<p>Сквер відкрито для всіх мешканців.</p>",
            image=image,
            image_alt="Сквер із лавами",
        ),
        actor=None,
        first_published_at=timezone.now() - timedelta(hours=2),
    )
    for number in range(3):
        services.page_create(
            parent=news_index,
            page=NewsPage(
                title=f"Новина громади {number}", lead="Коротко.", body="<p>Текст.</p>"
            ),
            actor=None,
        )
    starts = timezone.now() + timedelta(hours=3)
    event = services.page_create(
        parent=EventsCalendarPage.objects.get(),
        page=EventPage(
            title="Сесія міської ради",
            summary="Пленарне засідання.",
            starts_at=starts,
            ends_at=starts + timedelta(hours=4),
            place="Сесійна зала",
            address="вул. Центральна, 1",
        ),
        actor=None,
    )
    unit = OrgUnitFactory.create(name="Відділ освіти", kind=OrgUnitKind.DEPARTMENT)
    body = services.page_create(
        parent=BodiesIndexPage.objects.get(),
        page=BodyPage(
            title="Відділ освіти", org_unit=unit, functions="<p>Школи й садки.</p>"
        ),
        actor=None,
    )
    services.portal_search_reindex()
    return {"home": home, "news": news, "event": event, "body": body}


def _public_paths(portal) -> list[str]:
    return [
        "/",
        "/novyny/",
        portal["news"].url,
        "/podii/",
        "/podii/?view=list",
        portal["event"].url,
        "/bodies/",
        portal["body"].url,
        "/kontakty/",
        "/accessibility/",
        "/search/?q=сквер",
    ]


def test_every_public_page_is_accessible(
    page: Page, live_server, axe_violations, portal
):
    for path in _public_paths(portal):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == "uk"
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert axe_violations() == [], path


def test_pages_are_light(transferred, portal):
    for path in ["/", portal["news"].url, "/podii/"]:
        total, scripts = transferred(path)
        assert total < MAX_BYTES, (path, total)
        assert scripts < MAX_SCRIPT_BYTES, (path, scripts)


@pytest.mark.browser_context_args(viewport=PHONE, is_mobile=True, has_touch=True)
def test_pages_fit_a_phone(page: Page, live_server, axe_violations, portal):
    for path in ["/", portal["news"].url, "/podii/", "/bodies/", "/search/?q=сквер"]:
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
        assert axe_violations() == [], path


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_search_and_news_filter_work_without_javascript(
    page: Page, live_server, portal
):
    # when: the home page's search form is sent without JavaScript
    page.goto(live_server.url + "/")
    page.get_by_label("Пошук на порталі").fill("скверу")
    page.get_by_role("button", name="Шукати").click()

    # then
    expect(page.get_by_role("heading", level=1)).to_have_text("Пошук на порталі")
    expect(
        page.get_by_role("link", name="Відкрили новий сквер на Садовій")
    ).to_be_visible()

    # when: the calendar is switched to the list view
    page.goto(live_server.url + "/podii/")
    page.get_by_role("link", name="Список найближчих подій").click()

    # then
    expect(page.get_by_role("link", name="Сесія міської ради")).to_be_visible()
