"""A system administrator issues an Open311 key with the keyboard alone."""

import pytest
from playwright.sync_api import expect

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.api.models import Open311Client
from hromada.api.open311 import selectors

pytestmark = pytest.mark.django_db(transaction=True)

KEYS = "/cabinet/api/open311/"


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


def test_an_administrator_issues_a_key_with_the_keyboard(
    page, live_server, sign_in, axe_violations
):
    # given
    admin = UserFactory.create(
        roles=[Role.SYSTEM_ADMINISTRATOR], first_name="Марта", last_name="Гнатюк"
    )
    sign_in(admin)
    page.goto(live_server.url + KEYS)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ключі Open311")
    expect(page.get_by_text("Ще не видано жодного ключа.")).to_be_visible()
    assert axe_violations() == []

    # when: the form, reached and filled from the keyboard
    page.get_by_role("button", name="Видати ключ").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Видати ключ Open311")
    assert axe_violations() == []
    page.get_by_label("Назва").focus()
    page.keyboard.type("FixMyStreet спілки мешканців")
    page.keyboard.press("Tab")
    expect(
        page.get_by_label("Веб-джерела, з яких дозволено надсилати запити")
    ).to_be_focused()
    page.keyboard.type("https://map.example.org")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Видати ключ")).to_be_focused()
    page.keyboard.press("Enter")

    # then: the key, once
    expect(page.get_by_role("heading", name="Ключ видано")).to_be_visible()
    key = page.locator("#open311-key").inner_text()
    assert axe_violations() == []
    client = Open311Client.objects.get()
    assert (client.name, client.owner, client.allowed_origins) == (
        "FixMyStreet спілки мешканців",
        admin,
        ["https://map.example.org"],
    )
    assert client.key_hash == selectors.open311_client_key_hash(key)

    # when: the page is opened again
    page.reload()

    # then: the key is gone for good
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "FixMyStreet спілки мешканців"
    )
    expect(page.locator("#open311-key")).to_have_count(0)
    assert key not in page.content()
    assert axe_violations() == []


def test_the_open311_page_for_developers_is_accessible(
    page, live_server, axe_violations
):
    page.goto(live_server.url + "/open311/v2/discovery.html")

    expect(page.get_by_role("heading", level=1)).to_have_text("Open311 для розробників")
    expect(
        page.get_by_role("heading", name="Що Громада додає до стандарту")
    ).to_be_visible()
    assert axe_violations() == []
