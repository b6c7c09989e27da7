"""Open311 keys in the cabinet: issued and revoked by system
administrators only, shown once, audited."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.api.models import Open311Client
from hromada.api.open311 import selectors, services
from hromada.core.errors import (
    InvalidTransitionError,
    PermissionDeniedError,
    ValidationError,
)
from hromada.core.models import AuditEvent
from hromada.ui import navigation

pytestmark = pytest.mark.django_db

LIST = "/cabinet/api/open311/"
NEW = "/cabinet/api/open311/new/"


@pytest.fixture
def cabinet(admin):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(admin)
    return client


def person(who):
    match who:
        case "administrator":
            return UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR])
        case "registrar":
            return UserFactory.create(roles=[Role.REGISTRAR])
        case "citizen":
            return UserFactory.create(roles=[Role.CITIZEN])
        case "inactive administrator":
            return UserFactory.create(
                roles=[Role.SYSTEM_ADMINISTRATOR], is_active=False
            )
    raise ValueError(who)


@pytest.mark.parametrize(
    ("who", "list_status", "create_status", "may_manage"),
    [
        ("administrator", 200, 200, True),
        ("registrar", 404, 404, False),
        ("citizen", 403, 403, False),
    ],
)
def test_keys_permission_matrix(who, list_status, create_status, may_manage, admin):
    # given
    user = person(who)
    client_row, _key = services.open311_client_issue(actor=admin, name="FMS")
    cabinet = Client()
    cabinet.force_login(user)

    # when
    pages = (
        cabinet.get(LIST).status_code,
        cabinet.get(NEW).status_code,
        cabinet.get(f"{LIST}{client_row.public_id}/").status_code,
    )
    revoke = cabinet.post(f"{LIST}{client_row.public_id}/revoke/")

    # then
    assert pages == (list_status, create_status, list_status)
    from hromada.api.open311 import permissions

    assert permissions.can_manage_open311_clients(user) is may_manage
    client_row.refresh_from_db()
    assert (client_row.revoked_at is not None) is may_manage
    assert revoke.status_code == (302 if may_manage else list_status)


def test_an_anonymous_visitor_is_sent_to_sign_in():
    response = Client().get(LIST)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_only_administrators_see_the_menu_entry(admin):
    registrar = person("registrar")

    def keys(user):
        return [item.key for item in navigation.cabinet_menu_for_user(user)]

    assert "open311_clients" in keys(admin)
    assert "open311_clients" not in keys(registrar)
    assert "open311_clients" not in keys(person("inactive administrator"))


def test_an_administrator_issues_a_key_and_sees_it_once(cabinet, admin):
    # given
    form = cabinet.get(NEW)
    once = form.context["form"]["once"].value()

    # when
    response = cabinet.post(
        NEW,
        {
            "name": "FixMyStreet громадської організації",
            "allowed_origins": "https://Map.Example.org/\n\nhttp://localhost:8080",
            "once": once,
        },
        follow=True,
    )

    # then
    client_row = Open311Client.objects.get()
    key = response.context["key"]
    assert key.startswith("o311_")
    assert client_row.key_hash == selectors.open311_client_key_hash(key)
    assert (client_row.name, client_row.owner, client_row.allowed_origins) == (
        "FixMyStreet громадської організації",
        admin,
        ["https://map.example.org", "http://localhost:8080"],
    )
    assert key in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    again = cabinet.get(f"{LIST}{client_row.public_id}/")
    assert key not in again.content.decode()
    assert again.context["key"] == ""


def test_a_form_sent_twice_issues_one_key_and_still_shows_it(cabinet):
    # given
    once = cabinet.get(NEW).context["form"]["once"].value()
    data = {"name": "FMS", "allowed_origins": "", "once": once}

    # when: the second send wins the cabinet, the first answer is lost
    first = cabinet.post(NEW, data)
    second = cabinet.post(NEW, data)

    # then
    client_row = Open311Client.objects.get()
    assert first["Location"] == second["Location"] == f"{LIST}{client_row.public_id}/"
    shown = cabinet.get(second["Location"]).context["key"]
    assert client_row.key_hash == selectors.open311_client_key_hash(shown)
    assert AuditEvent.objects.filter(action="api.open311_client_issue").count() == 1


def test_a_key_without_a_name_or_with_a_bad_origin_is_refused(cabinet):
    response = cabinet.post(
        NEW, {"name": "  ", "allowed_origins": "https://ok.example\nmap.example/path"}
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "name": ["This field is required."],
    }
    response = cabinet.post(
        NEW, {"name": "FMS", "allowed_origins": "https://ok.example\nmap.example/path"}
    )
    assert response.context["form"].errors == {
        "allowed_origins": [
            "Write each origin as https://example.org, without a path: "
            "map.example/path is not one."
        ]
    }
    assert Open311Client.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_the_list_shows_every_key_and_its_state(cabinet, admin):
    _active, _key = services.open311_client_issue(actor=admin, name="Активний")
    revoked, _key = services.open311_client_issue(actor=admin, name="Відкликаний")
    services.open311_client_revoke(client=revoked, actor=admin)

    page = cabinet.get(LIST).content.decode()

    assert "Активний" in page
    assert "Відкликаний" in page
    assert page.count("Revoked") == 1


def test_the_list_costs_the_same_however_many_keys(cabinet, admin):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            cabinet.get(LIST)
        return [q["sql"] for q in captured.captured_queries]

    services.open311_client_issue(actor=admin, name="Клієнт 0")
    one = queries()
    for number in range(1, 5):
        services.open311_client_issue(actor=admin, name=f"Клієнт {number}")
    five = queries()

    # the page's own part is one query, the keys with their issuers joined
    assert len(five) == len(one)
    assert [sql for sql in five if "api_open311client" in sql] == [
        sql for sql in five if "api_open311client" in sql and "accounts_user" in sql
    ]
    assert sum("api_open311client" in sql for sql in five) == 1
    assert cabinet.get(LIST).content.decode().count("Клієнт ") == 5


def test_revoking_a_key_refuses_its_posts_and_is_audited(cabinet, admin, lamp):
    # given
    client_row, key = services.open311_client_issue(actor=admin, name="FMS")

    # when
    response = cabinet.post(f"{LIST}{client_row.public_id}/revoke/", follow=True)

    # then
    assert "The key is revoked" in response.content.decode()
    client_row.refresh_from_db()
    assert client_row.is_active is False
    event = AuditEvent.objects.get(action="api.open311_client_revoke")
    assert (event.actor, event.target_type, event.target_id) == (
        admin,
        ContentType.objects.get_for_model(Open311Client),
        str(client_row.pk),
    )
    refused = Client().post(
        "/open311/v2/requests.xml", {"api_key": key, "service_code": "STREETLIGHT-OUT"}
    )
    assert refused.status_code == 403


def test_issuing_is_audited_with_what_was_issued(admin):
    client_row, _key = services.open311_client_issue(
        actor=admin, name="FMS", allowed_origins=["https://fms.example"]
    )

    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.target_id, event.data) == (
        "api.open311_client_issue",
        admin,
        str(client_row.pk),
        {"name": "FMS", "allowed_origins": ["https://fms.example"]},
    )


def test_a_registrar_cannot_issue_or_revoke_and_nothing_changes(admin):
    registrar = person("registrar")
    client_row, _key = services.open311_client_issue(actor=admin, name="FMS")

    with pytest.raises(PermissionDeniedError):
        services.open311_client_issue(actor=registrar, name="Мій")
    with pytest.raises(PermissionDeniedError):
        services.open311_client_revoke(client=client_row, actor=registrar)

    client_row.refresh_from_db()
    assert (Open311Client.objects.count(), client_row.revoked_at) == (1, None)
    assert list(AuditEvent.objects.values_list("action", flat=True)) == [
        "api.open311_client_issue"
    ]


def test_revoking_twice_is_refused(admin):
    client_row, _key = services.open311_client_issue(actor=admin, name="FMS")
    services.open311_client_revoke(client=client_row, actor=admin)

    with pytest.raises(InvalidTransitionError):
        services.open311_client_revoke(client=client_row, actor=admin)


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("https://Example.org", "https://example.org"),
        ("https://example.org/", "https://example.org"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("https://example.org/path", ""),
        ("ftp://example.org", ""),
        ("example.org", ""),
        ("https://user@example.org", ""),
        ("https://example.org?x=1", ""),
        ("https://example.org:99999", ""),
    ],
)
def test_origins_are_read_as_browsers_send_them(text, origin):
    assert services.origin_normalise(text) == origin


def test_more_than_twenty_origins_are_refused(admin):
    from django.utils import translation

    with pytest.raises(ValidationError) as error, translation.override("en"):
        services.open311_client_issue(
            actor=admin,
            name="FMS",
            allowed_origins=[f"https://s{n}.example" for n in range(21)],
        )

    assert error.value.details == {
        "allowed_origins": ["A key allows at most 20 origins."]
    }
