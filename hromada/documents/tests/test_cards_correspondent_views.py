from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.documents.models import Correspondent
from hromada.documents.tests.factories_cards import (
    CorrespondentFactory,
    DocumentFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/cabinet/documents/correspondents/"
NEW_URL = "/cabinet/documents/correspondents/new/"


@pytest.fixture
def registrar(client, settings):
    settings.HROMADA_DEMO = True
    user = UserFactory.create(roles=[Role.REGISTRAR])
    client.force_login(user)
    return user


@pytest.fixture
def executor(client, settings):
    settings.HROMADA_DEMO = True
    user = UserFactory.create(roles=[Role.EXECUTOR])
    client.force_login(user)
    return user


def detail_url(correspondent, action=""):
    url = reverse("documents:correspondent_detail", args=[correspondent.public_id])
    return f"{url}{action}/" if action else url


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_list_searches_by_name_and_code(client, registrar):
    # given
    CorrespondentFactory.create(name="ПрАТ «Київобленерго»", edrpou="34123457")
    CorrespondentFactory.create(name="ГО «Зелене Вишневе»")

    # when
    by_name = client.get(LIST_URL, {"q": "КИЇВОБЛ"})
    by_code = client.get(LIST_URL, {"q": "341234"})

    # then
    assert [c.name for c in by_name.context["page"].object_list] == [
        "ПрАТ «Київобленерго»"
    ]
    assert [c.name for c in by_code.context["page"].object_list] == [
        "ПрАТ «Київобленерго»"
    ]
    assert "Додати кореспондента" in by_name.content.decode()


def test_list_filters_by_kind_and_shows_deactivated_on_request(client, registrar):
    # given
    CorrespondentFactory.create(name="ТОВ «Альфа»")
    CorrespondentFactory.create(person=True, name="Бондаренко Ганна")
    CorrespondentFactory.create(name="ТОВ «Закрите»", is_active=False)

    # when
    people = client.get(LIST_URL, {"kind": "person"})
    closed = client.get(LIST_URL, {"state": "inactive"})

    # then
    assert [c.name for c in people.context["page"].object_list] == ["Бондаренко Ганна"]
    assert [c.name for c in closed.context["page"].object_list] == ["ТОВ «Закрите»"]


def test_list_for_staff_outside_the_office_hides_people_and_editing(client, executor):
    # given
    CorrespondentFactory.create(name="ТОВ «Альфа»")
    CorrespondentFactory.create(person=True, name="Бондаренко Ганна")

    # when
    response = client.get(LIST_URL)

    # then
    assert [c.name for c in response.context["page"].object_list] == ["ТОВ «Альфа»"]
    assert response.context["can_manage"] is False
    assert NEW_URL not in response.content.decode()


def test_list_partial_for_htmx(client, registrar):
    response = client.get(LIST_URL, {"q": "x"}, headers={"HX-Request": "true"})

    assert response.templates[0].name == "documents/_correspondent_list_results.html"


@pytest.mark.parametrize("role", [Role.REGISTRAR, Role.EXECUTOR])
def test_list_query_count_does_not_grow_with_rows(client, settings, role):
    # given
    settings.HROMADA_DEMO = True
    client.force_login(UserFactory.create(roles=[role]))
    CorrespondentFactory.create_batch(5)
    client.get(LIST_URL)  # warm the session and per-process caches
    five = _queries(client, LIST_URL)

    # when
    CorrespondentFactory.create_batch(10)
    fifteen = _queries(client, LIST_URL)

    # then
    assert fifteen == five


def test_detail_of_a_person_records_the_read(client, registrar):
    # given
    person = CorrespondentFactory.create(person=True, address="вул. Вишнева, 14")

    # when
    response = client.get(detail_url(person))

    # then
    assert response.status_code == 200
    assert "вул. Вишнева, 14" in response.content.decode()
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.target_id) == (
        "documents.correspondent_read",
        registrar,
        str(person.pk),
    )


def test_detail_of_a_person_out_of_sight_is_404(client, executor):
    person = CorrespondentFactory.create(person=True)

    assert client.get(detail_url(person)).status_code == 404
    assert AuditEvent.objects.exists() is False


def test_detail_lists_only_documents_the_user_sees(client, executor):
    # given
    organisation = CorrespondentFactory.create()
    mine = DocumentFactory.create(correspondent=organisation, created_by=executor)
    DocumentFactory.create(correspondent=organisation, registered=True)

    # when
    response = client.get(detail_url(organisation))

    # then
    assert [d.pk for d in response.context["page"].object_list] == [mine.pk]
    assert response.context["can_manage"] is False
    assert AuditEvent.objects.exists() is False


def test_detail_query_count_does_not_grow_with_documents(client, registrar):
    # given
    organisation = CorrespondentFactory.create()
    DocumentFactory.create_batch(3, correspondent=organisation, registered=True)
    client.get(detail_url(organisation))
    three = _queries(client, detail_url(organisation))

    # when
    DocumentFactory.create_batch(6, correspondent=organisation, registered=True)
    nine = _queries(client, detail_url(organisation))

    # then
    assert nine == three


def test_create_adds_and_opens_the_entry(client, registrar):
    # when
    response = client.post(
        NEW_URL,
        {
            "kind": "organisation",
            "name": "ТОВ «Будсервіс-Вишневе»",
            "edrpou": "41234019",
            "address": "вул. Промислова, 12",
            "email": "office@bud.example",
            "phone": "",
        },
    )

    # then
    correspondent = Correspondent.objects.get()
    assert (response.status_code, response.url) == (302, detail_url(correspondent))
    assert correspondent.edrpou == "41234019"


def test_create_sent_twice_adds_one_entry(client, registrar):
    data = {"kind": "person", "name": "Шевчук Олег", "address": "вул. Київська, 2"}

    client.post(NEW_URL, data)
    client.post(NEW_URL, data)

    assert Correspondent.objects.count() == 1


def test_create_with_bad_details_shows_messages(client, registrar):
    # when
    response = client.post(
        NEW_URL,
        {"kind": "organisation", "name": "ТОВ «Хибне»", "edrpou": "41234011"},
    )

    # then
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "edrpou": ["Код ЄДРПОУ 41234011 недійсний: перевірте цифри."]
    }
    assert Correspondent.objects.exists() is False


def test_create_from_a_card_form_comes_back_with_the_entry_chosen(client, registrar):
    # given: the "add a correspondent" link of a new incoming card
    card_url = "/cabinet/documents/new/?kind=incoming"
    form = client.get(card_url)
    add_url = form.context["correspondent_add_url"]
    assert add_url == f"{NEW_URL}?next={quote(card_url, safe='')}"

    # when
    page = client.get(add_url)
    response = client.post(
        NEW_URL,
        {"kind": "person", "name": "Петренко Марія", "next": page.context["next_url"]},
    )

    # then
    person = Correspondent.objects.get()
    assert response.url == f"{card_url}&correspondent={person.public_id}"
    card_form = client.get(response.url).context["form"]
    assert card_form["correspondent"].value() == str(person.public_id)


def test_create_ignores_a_next_address_outside_the_cabinet(client, registrar):
    response = client.post(
        NEW_URL,
        {"kind": "person", "name": "Петренко Марія", "next": "https://evil.example/"},
    )

    person = Correspondent.objects.get()
    assert response.url == detail_url(person)


@pytest.mark.parametrize("action", ["edit", "deactivate", "reactivate"])
def test_staff_outside_the_office_cannot_change_entries(client, executor, action):
    # given
    organisation = CorrespondentFactory.create(name="ТОВ «Альфа»")

    # when
    response = client.post(detail_url(organisation, action), {"name": "Інше"})

    # then
    assert response.status_code == 404
    organisation.refresh_from_db()
    assert (organisation.name, organisation.is_active) == ("ТОВ «Альфа»", True)


def test_staff_outside_the_office_cannot_add_entries(client, executor):
    assert client.get(NEW_URL).status_code == 404


def test_edit_corrects_the_details(client, registrar):
    # given
    organisation = CorrespondentFactory.create(name="ТОВ «Альфа»")

    # when
    response = client.post(
        detail_url(organisation, "edit"),
        {
            "kind": "organisation",
            "name": "ТОВ «Альфа-Плюс»",
            "email": "a@alpha.example",
        },
    )

    # then
    assert (response.status_code, response.url) == (302, detail_url(organisation))
    organisation.refresh_from_db()
    assert (organisation.name, organisation.email) == (
        "ТОВ «Альфа-Плюс»",
        "a@alpha.example",
    )


def test_edit_with_a_bad_email_shows_the_message(client, registrar):
    organisation = CorrespondentFactory.create()

    response = client.post(
        detail_url(organisation, "edit"),
        {"kind": "organisation", "name": organisation.name, "email": "a@"},
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["email"]


def test_deactivate_then_reactivate(client, registrar):
    # given
    organisation = CorrespondentFactory.create()

    # when
    client.post(detail_url(organisation, "deactivate"))
    organisation.refresh_from_db()
    deactivated = organisation.is_active
    client.post(detail_url(organisation, "reactivate"))

    # then
    organisation.refresh_from_db()
    assert (deactivated, organisation.is_active) == (False, True)


def test_card_form_offers_only_visible_people(client, executor):
    # given
    organisation = CorrespondentFactory.create()
    CorrespondentFactory.create(person=True)

    # when
    response = client.get("/cabinet/documents/new/?kind=outgoing")

    # then
    choices = response.context["form"].fields["correspondent"].queryset
    assert [c.pk for c in choices] == [organisation.pk]
    assert response.context["correspondent_add_url"] == ""


def test_correspondents_are_in_the_cabinet_menu(client, executor):
    response = client.get("/cabinet/")

    assert LIST_URL in response.content.decode()
