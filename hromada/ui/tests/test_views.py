import re

import pytest
from django.test import RequestFactory
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.ui import navigation, views

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(settings):
    # Demo mode lets staff in without TOTP (accounts' cabinet gate).
    settings.HROMADA_DEMO = True
    return UserFactory.create(
        roles=[Role.EXECUTOR], first_name="Оксана", last_name="Коваль"
    )


def _templates(response) -> list[str]:
    return [t.name for t in response.templates]


def test_staff_see_a_card_and_a_menu_item_per_room(client, staff, menu_keys):
    # given
    menu_keys += ["test-inbox", "test-secret"]
    navigation.cabinet_menu_register(
        key="test-inbox",
        label="Вхідні документи",
        url_name="ui:cabinet_home",
        counter=lambda user: 3,
    )
    navigation.cabinet_menu_register(
        key="test-secret",
        label="Таємне",
        url_name="ui:cabinet_home",
        visible=lambda user: False,
    )
    client.force_login(staff)

    # when
    response = client.get("/cabinet/")

    # then
    content = response.content.decode()
    assert response.status_code == 200
    assert "ui/cabinet_home.html" in _templates(response)
    assert '<h1 class="govuk-heading-l">Робочий кабінет</h1>' in content
    assert "Нових: 3" in content
    assert '<span class="govuk-visually-hidden">(нових: 3)</span>' in content
    assert content.count("Вхідні документи") == 2  # menu and card
    assert "Таємне" not in content
    assert "Оксана Коваль" in content
    assert "Демонстраційний режим: дані вигадані" in content


def test_citizens_are_refused_the_cabinet(client):
    client.force_login(UserFactory.create(roles=[Role.CITIZEN]))

    response = client.get("/cabinet/")

    assert response.status_code == 403
    assert "ui/error.html" in _templates(response)
    assert "У вас немає доступу до цієї сторінки" in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/cabinet/")

    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=/cabinet/"


def test_missing_page_is_a_ukrainian_404(client):
    response = client.get("/no-such-page/")

    content = response.content.decode()
    assert response.status_code == 404
    assert "ui/error.html" in _templates(response)
    assert '<h1 class="govuk-heading-l">Сторінку не знайдено</h1>' in content
    assert '<html lang="uk" class="govuk-template">' in content


def test_missing_cabinet_page_uses_the_same_error_page(client, staff):
    client.force_login(staff)

    response = client.get("/cabinet/no-such-page/")

    assert response.status_code == 404
    assert "Сторінку не знайдено" in response.content.decode()


def test_server_error_page_needs_no_database_nor_session(django_assert_num_queries):
    request = RequestFactory().get("/")  # no user, no session, no messages

    with django_assert_num_queries(0):
        response = views.error_500(request)

    content = response.content.decode()
    assert response.status_code == 500
    assert "На жаль, у роботі сервісу сталася помилка" in content
    assert "Вишнева міська рада" in content
    assert "Увійти" in content


def test_portal_skin_for_anonymous_visitors(client):
    # when
    content = client.get("/no-such-page/").content.decode()

    # then
    assert '<a href="#main-content" class="govuk-skip-link"' in content
    assert "Перейти до основного змісту" in content
    assert 'src="/static/ui/img/coat-of-arms.svg"' in content
    assert 'href="/accounts/login/">Увійти</a>' in content
    assert "Hromada — вільне програмне забезпечення (AGPL-3.0-or-later)" in content
    assert 'href="/static/ui/build/hromada.css"' in content
    assert (
        '<script type="module" src="/static/ui/build/hromada.mjs"></script>' in content
    )
    assert "govuk-crown" not in content
    assert "GOV.UK" not in content
    # CSP: no inline scripts, no on* handlers
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", content) == []
    assert re.findall(r"\son[a-z]+=", content) == []


def test_language_switch_posts_to_set_language_without_javascript(client):
    content = client.get("/no-such-page/").content.decode()

    assert '<form method="post" action="/i18n/setlang/">' in content
    assert re.search(r'aria-current="true"\s+lang="uk">Українська</span>', content)
    assert re.search(
        r'name="language"\s+value="en"\s+class="[^"]+"\s+lang="en">\s*English', content
    )


def test_a_visitors_page_holds_no_csrf_token_a_signed_in_persons_does(client):
    # when
    visitor = client.get("/no-such-page/")
    client.force_login(UserFactory.create(roles=[Role.CITIZEN]))
    person = client.get("/no-such-page/").content.decode()

    # then
    assert "csrfmiddlewaretoken" not in visitor.content.decode()
    assert "X-CSRFToken" not in visitor.content.decode()
    assert "csrftoken" not in visitor.cookies
    assert 'data-hx-headers=\'{"X-CSRFToken": "' in person
    assert person.count('name="csrfmiddlewaretoken"') == person.count('method="post"')


def test_switching_to_english_translates_the_page(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/no-such-page/"})

    content = client.get("/no-such-page/").content.decode()

    assert '<html lang="en" class="govuk-template">' in content
    assert "Page not found" in content
    assert "Vyshneve City Council" in content


def test_signed_in_staff_see_their_name_cabinet_link_and_sign_out(client, staff):
    client.force_login(staff)

    content = client.get("/no-such-page/").content.decode()

    assert "Оксана Коваль" in content
    assert 'href="/cabinet/">Робочий кабінет</a>' in content
    assert re.search(r'action="/accounts/logout/">\s*<input type="hidden"', content)
    assert "Увійти" not in content


def test_signed_in_citizens_have_no_cabinet_link(client):
    client.force_login(UserFactory.create(roles=[Role.CITIZEN]))

    content = client.get("/no-such-page/").content.decode()

    assert "Робочий кабінет" not in content
    assert "Вийти" in content


def test_messages_become_notification_banners():
    from django.contrib import messages
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.template.loader import render_to_string

    # given
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    messages.success(request, "Збережено.")
    messages.info(request, "Прийом переноситься.")

    # when
    content = render_to_string(
        "ui/error.html", {"title": "Т", "text": "Т", "status": 200}, request=request
    )

    # then
    assert re.search(
        r'govuk-notification-banner--success"\s+role="alert"\s+'
        r'aria-labelledby="notification-banner-1-title"',
        content,
    )
    assert re.search(
        r'role="region"\s+aria-labelledby="notification-banner-2-title"', content
    )
    assert ("Збережено." in content, "Прийом переноситься." in content) == (True, True)


def test_ui_translations_are_not_shadowed_by_earlier_apps():
    """Apps listed before ``hromada.ui`` win on equal msgids; use a context."""
    from pathlib import Path

    from django.utils import translation

    po = Path(views.__file__).parent / "locale/uk/LC_MESSAGES/django.po"
    shadowed = []
    with translation.override("uk"):
        for block in po.read_text(encoding="utf-8").split("\n\n")[1:]:
            context = re.search(r'^msgctxt "(.*)"', block, re.M)
            msgid, msgstr = (
                "".join(re.findall(r'"(.*)"', m.group(1)))
                for m in re.finditer(r"^msg(?:id|str) ((?:\".*\"\n?)+)", block, re.M)
            )
            got = (
                translation.pgettext(context.group(1), msgid)
                if context
                else translation.gettext(msgid)
            )
            if got != msgstr.replace('\\"', '"'):
                shadowed.append((msgid, got))
    assert shadowed == []
