import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.ui import context_processors, navigation

pytestmark = pytest.mark.django_db


def test_cabinet_menu_shows_visible_entries_in_order_with_counters(menu_keys):
    # given
    menu_keys += ["test-b", "test-a", "test-hidden"]
    navigation.cabinet_menu_register(
        key="test-b", label="Бе", url_name="ui:cabinet_home", order=-20
    )
    navigation.cabinet_menu_register(
        key="test-a",
        label="А",
        url_name="ui:cabinet_home",
        order=-30,
        counter=lambda user: 3,
    )
    navigation.cabinet_menu_register(
        key="test-hidden",
        label="Приховане",
        url_name="ui:cabinet_home",
        order=-10,
        visible=lambda user: False,
    )

    # when
    items = navigation.cabinet_menu_for_user(AnonymousUser(), path="/cabinet/x/")

    # then
    mine = [(i.key, i.label, i.href, i.counter) for i in items if i.key in menu_keys]
    assert mine == [
        ("test-a", "А", "/cabinet/", 3),
        ("test-b", "Бе", "/cabinet/", 0),
    ]


@pytest.mark.django_db
def test_visible_and_counter_receive_the_user(menu_keys):
    # given
    menu_keys.append("test-own")
    seen = []
    navigation.cabinet_menu_register(
        key="test-own",
        label="Моє",
        url_name="ui:cabinet_home",
        visible=lambda user: seen.append(("visible", user)) or True,
        counter=lambda user: seen.append(("counter", user)) or 1,
    )
    user = UserFactory.create()

    # when
    navigation.cabinet_menu_for_user(user)

    # then
    assert seen == [("visible", user), ("counter", user)]


def test_registering_a_key_again_replaces_it(menu_keys):
    menu_keys.append("test-again")
    navigation.cabinet_menu_register(
        key="test-again", label="1", url_name="ui:cabinet_home"
    )
    navigation.cabinet_menu_register(
        key="test-again", label="2", url_name="ui:cabinet_home"
    )

    labels = [
        e.label for e in navigation.cabinet_menu_entries() if e.key == "test-again"
    ]

    assert labels == ["2"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", [("home", "page"), ("test-section", "")]),
        ("/cabinet/", [("home", ""), ("test-section", "page")]),
        ("/cabinet/org/1/", [("home", ""), ("test-section", "true")]),
        ("/about/", [("home", ""), ("test-section", "")]),
    ],
)
def test_portal_menu_marks_the_current_item(menu_keys, path, expected):
    menu_keys.append("test-section")
    navigation.portal_menu_register(
        key="test-section", label="Розділ", url_name="ui:cabinet_home", order=1000
    )

    items = navigation.portal_menu(path=path)

    mine = [(i.key, i.aria_current) for i in items if i.key in {"home", "test-section"}]
    assert mine == expected


def test_portal_menu_starts_with_home():
    items = navigation.portal_menu()

    assert (items[0].key, items[0].href) == ("home", "/")


def test_portal_entry_needs_exactly_one_address():
    with pytest.raises(ValueError, match="exactly one"):
        navigation.portal_menu_register(
            key="test-bad", label="x", url="/", url_name="x"
        )


def test_context_processor_counts_only_when_the_menu_is_used_and_once(menu_keys):
    # given
    menu_keys.append("test-counted")
    calls = []
    navigation.cabinet_menu_register(
        key="test-counted",
        label="Лічильник",
        url_name="ui:cabinet_home",
        counter=lambda user: calls.append(user) or 2,
    )
    request = RequestFactory().get("/cabinet/")
    request.user = UserFactory.create(roles=[Role.EXECUTOR])

    # when
    context = context_processors.city(request)

    # then: nothing computed yet; then once per request
    assert calls == []
    first = [
        i.counter for i in context["cabinet_navigation"] if i.key == "test-counted"
    ]
    again = context_processors.city(request)
    second = [i.counter for i in again["cabinet_navigation"] if i.key == "test-counted"]
    assert (first, second, len(calls)) == ([2], [2], 1)


def test_citizens_get_no_cabinet_menu_and_no_counter_runs(menu_keys):
    menu_keys.append("test-citizen")
    calls = []
    navigation.cabinet_menu_register(
        key="test-citizen",
        label="Лічильник",
        url_name="ui:cabinet_home",
        counter=lambda user: calls.append(user) or 2,
    )
    request = RequestFactory().get("/")
    request.user = UserFactory.create(roles=[Role.CITIZEN])

    context = context_processors.city(request)

    assert (list(context["cabinet_navigation"]), calls) == ([], [])
    assert bool(context["user_can_use_cabinet"]) is False


def test_a_counter_past_99_shows_as_99_plus_on_the_cabinet_page(
    client, menu_keys, settings
):
    # given: a counter that stopped counting at a hundred (the demo city
    # lets staff in without a second factor)
    settings.HROMADA_DEMO = True
    menu_keys.append("test-many")
    navigation.cabinet_menu_register(
        key="test-many",
        label="Багато",
        url_name="ui:cabinet_home",
        counter=lambda user: 100,
    )
    client.force_login(UserFactory.create(roles=[Role.EXECUTOR]))

    # when
    content = client.get(reverse("ui:cabinet_home")).content.decode()

    # then: in the menu and in the cabinet's list of areas
    assert '<span aria-hidden="true">99+</span>' in content
    assert "(нових: 99+)" in content
    assert "Нових: 99+" in content
    assert [
        navigation.MenuItem(key="k", label="", href="", counter=n).counter_text
        for n in (99, 100)
    ] == ["99", "99+"]
