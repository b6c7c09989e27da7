"""The editors' moderation journey of the public portal, in the editor at
``/cms/``: a unit's content editor drafts a news item and submits it, the
unit's head approves it, and only then do visitors see it.

Wagtail's admin is Wagtail's own, so no accessibility checks run on it here;
the public pages are checked in ``test_portal.py``.
"""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from hromada.accounts.roles import Role
from hromada.core.models import AuditEvent
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory
from hromada.portal import services
from hromada.portal.models import EventsCalendarPage, NewsIndexPage, NewsPage
from tests.e2e.edms_office import switch_user

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Оновили графік прийому громадян"
LEAD = "Відтепер приймаємо щосереди до 19:00."
BODY = "Запис за телефоном довідкової служби."
# Saving a page in the editor takes a while on a busy machine.
SLOW = 30_000


@pytest.fixture(autouse=True)
def _editor_settings(settings) -> None:
    # The editor's gate asks staff for two-factor codes outside demo mode.
    settings.HROMADA_DEMO = True
    # Wagtail's autosave starts on a timer whenever it sees a change, and a
    # save on its own would race the editor's button; the journey here is the
    # moderation, so every save in it is one the editor asks for.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def sections():
    """The news belong to the communications unit (its content editor and
    its head); the events calendar belongs to another unit."""
    unit = OrgUnitFactory.create(name="Відділ комунікацій")
    editor = EmployeeFactory.create(
        position__org_unit=unit,
        position__role=Role.CONTENT_EDITOR,
        user__roles=[Role.CONTENT_EDITOR],
    ).user
    head = EmployeeFactory.create(
        position__org_unit=unit, position__is_head=True, user__roles=[Role.UNIT_HEAD]
    ).user
    news_index = NewsIndexPage.objects.get()
    services.portal_section_setup(org_unit=unit, root_page=news_index, actor=None)
    calendar = EventsCalendarPage.objects.get()
    services.portal_section_setup(
        org_unit=OrgUnitFactory.create(name="Відділ культури"),
        root_page=calendar,
        actor=None,
    )
    return {
        "editor": editor,
        "head": head,
        "news_index": news_index,
        "calendar": calendar,
    }


@pytest.fixture
def visitor(browser: Browser, live_server) -> Iterator[Page]:
    """A second browser, never signed in: what the public sees. Like
    ``page``, it may talk only to the test server."""
    context = browser.new_context(locale="uk-UA")

    def guard(route: Route) -> None:
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", guard)
    yield context.new_page()
    context.close()


def test_a_section_editor_drafts_news_and_only_the_head_publishes_it(
    page: Page, live_server, sign_in, visitor: Page, sections
):
    # given: the section's content editor in the editor
    sign_in(sections["editor"])
    response = page.goto(live_server.url + "/cms/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    # then: another unit's pages are not theirs to edit
    calendar = sections["calendar"]
    page.goto(live_server.url + f"/cms/pages/{calendar.pk}/edit/")
    expect(page).to_have_url(live_server.url + "/cms/")
    expect(
        page.get_by_text("Вибачте, ви не маєте дозволів для доступу у цей розділ.")
    ).to_be_visible()

    # when: they write a news item below the section's news index
    page.goto(live_server.url + f"/cms/pages/{sections['news_index'].pk}/")
    page.get_by_role("link", name="Додати дочірню сторінку").click()
    page.get_by_placeholder("Заголовок сторінки").fill(TITLE)
    page.get_by_role("textbox", name="Лід*").fill(LEAD)
    page.get_by_role("region", name="Текст*").get_by_role("textbox").click()
    page.keyboard.type(BODY)

    # The rich text reaches the form a moment after the typing.
    expect(page.locator("[name=body]")).to_have_value(re.compile(re.escape(BODY)))

    # then: they may send it to the head but not publish it themselves
    page.get_by_role("button", name="Більше дій").click()
    submit = page.get_by_role(
        "button", name="Надіслати в Погодження керівником: Відділ комунікацій"
    )
    expect(submit).to_be_visible()
    expect(page.get_by_role("button", name="Опублікувати")).to_have_count(0)

    # when: they send it
    submit.click()

    # then: it waits for the head, and the public does not see it
    expect(
        page.get_by_text(f"Сторінку '{TITLE}' створено і направлено на модерацію.")
    ).to_be_visible(timeout=SLOW)
    news = NewsPage.objects.get(title=TITLE)
    assert news.live is False
    assert news.url.startswith("/novyny/")
    assert visitor.goto(live_server.url + news.url).status == 404
    visitor.goto(live_server.url + "/novyny/")
    expect(visitor.get_by_role("link", name=TITLE)).to_have_count(0)

    # when: the unit's head finds it among what awaits their review
    switch_user(page, sign_in, sections["head"])
    page.goto(live_server.url + "/cms/")
    awaiting = page.get_by_role("region", name="В очікуванні огляду")
    awaiting.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(rf"/cms/pages/{news.pk}/edit/$"))

    # and: approves it, which publishes it (the section's only step)
    page.get_by_role("button", name="Більше дій").click()
    page.get_by_role("button", name="Погодити і Опублікувати").click()

    # then: it is published, in the news list and on its own address
    expect(page.get_by_text(f"Сторінку '{TITLE}' оновлено.")).to_be_visible(
        timeout=SLOW
    )
    news.refresh_from_db()
    assert news.live is True
    publication = AuditEvent.objects.get(
        action="portal.publish", target_id=str(news.pk)
    )
    assert publication.actor_id == sections["head"].pk
    visitor.goto(live_server.url + "/novyny/")
    expect(visitor.get_by_role("link", name=TITLE)).to_be_visible()
    response = visitor.goto(live_server.url + news.url)
    assert response.status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_text(LEAD)).to_be_visible()
    expect(visitor.get_by_text(BODY)).to_be_visible()
