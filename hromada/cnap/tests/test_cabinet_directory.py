"""The keepers' pages of the centres, providers and life situations."""

import pytest
from django.test import Client

from hromada.cnap.models import LifeSituation, ServiceCentre, ServiceProvider
from hromada.cnap.tests import factories
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db
DIRECTORY = "/cabinet/services/directory/"


@pytest.fixture
def keeper_client(client: Client) -> Client:
    client.force_login(factories.keeper())
    return client


def test_the_directory_is_missing_for_staff_who_do_not_keep_the_registry(
    client: Client,
):
    # given
    centre = factories.centre()
    provider = factories.provider()
    client.force_login(factories.staff())
    urls = [
        f"{DIRECTORY}{kind}/{suffix}"
        for kind in ("centres", "providers", "situations")
        for suffix in ("", "new/")
    ]
    urls += [
        f"{DIRECTORY}centres/{centre.public_id}/",
        f"{DIRECTORY}providers/{provider.public_id}/",
    ]
    # when
    answers = {client.get(url).status_code for url in urls}
    sent = client.post(f"{DIRECTORY}providers/new/", {"name": "Чужий"})
    # then
    assert answers == {404}
    assert sent.status_code == 404
    assert list(ServiceProvider.objects.values_list("name", flat=True)) == [
        provider.name
    ]


def test_a_keeper_enters_and_changes_a_centre(keeper_client: Client):
    # given
    form = {
        "name": "Віддалене робоче місце у с. Крюківщина",
        "kind": "remote",
        "address": "с. Крюківщина, вул. Балукова, 2",
        "opening_hours": "Вівторок, четвер: 9:00–16:00",
        "email": "cnap@example.org",
        "website": "vyshneve.example.org",
        "sort_order": "2",
        "is_active": "on",
    }
    # when
    created = keeper_client.post(f"{DIRECTORY}centres/new/", form)
    centre = ServiceCentre.objects.get()
    edit_url = f"{DIRECTORY}centres/{centre.public_id}/"
    shown = keeper_client.get(edit_url)
    changed = keeper_client.post(edit_url, {**form, "is_active": ""})
    listed = keeper_client.get(f"{DIRECTORY}centres/")
    # then
    assert created["Location"] == changed["Location"] == f"{DIRECTORY}centres/"
    assert shown.context["form"].initial["kind"] == "remote"
    centre.refresh_from_db()
    assert (centre.kind, centre.website, centre.is_active) == (
        "remote",
        "https://vyshneve.example.org",
        False,
    )
    assert f'href="{edit_url}"' in listed.content.decode()
    assert AuditEvent.objects.filter(action="cnap.centre_save").count() == 2


def test_a_centre_without_its_hours_is_refused(keeper_client: Client):
    response = keeper_client.post(
        f"{DIRECTORY}centres/new/",
        {"name": "ЦНАП", "kind": "main", "address": "вул. Соборна, 1"}
        | {"sort_order": "0"},
    )
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["opening_hours"]
    assert not ServiceCentre.objects.exists()


def test_a_keeper_enters_and_changes_a_provider(keeper_client: Client):
    # when
    created = keeper_client.post(
        f"{DIRECTORY}providers/new/",
        {"name": "Відділ освіти", "edrpou": "37955989"},
    )
    provider = ServiceProvider.objects.get()
    edit_url = f"{DIRECTORY}providers/{provider.public_id}/"
    changed = keeper_client.post(
        edit_url,
        {
            "name": "Управління освіти",
            "edrpou": "37955989",
            "is_permit_authority": "on",
        },
    )
    # then
    assert created["Location"] == changed["Location"] == f"{DIRECTORY}providers/"
    provider.refresh_from_db()
    assert (provider.name, provider.is_permit_authority) == ("Управління освіти", True)


def test_a_wrong_or_repeated_provider_is_refused_on_its_field(keeper_client: Client):
    # given
    factories.provider("Відділ освіти")
    # when
    wrong = keeper_client.post(
        f"{DIRECTORY}providers/new/", {"name": "Інший", "edrpou": "37955988"}
    )
    repeated = keeper_client.post(
        f"{DIRECTORY}providers/new/", {"name": "Відділ освіти"}
    )
    # then
    assert (wrong.status_code, repeated.status_code) == (400, 400)
    assert list(wrong.context["form"].errors) == ["edrpou"]
    assert list(repeated.context["form"].errors) == ["name"]
    assert ServiceProvider.objects.count() == 1


def test_a_keeper_enters_and_renames_a_life_situation(keeper_client: Client):
    # when
    created = keeper_client.post(
        f"{DIRECTORY}situations/new/", {"name": "Народження дитини", "sort_order": "1"}
    )
    situation = LifeSituation.objects.get()
    slug = situation.slug
    changed = keeper_client.post(
        f"{DIRECTORY}situations/{situation.public_id}/",
        {"name": "Народження дитини і реєстрація", "sort_order": "3"},
    )
    listed = keeper_client.get(f"{DIRECTORY}situations/")
    # then
    assert created["Location"] == changed["Location"] == f"{DIRECTORY}situations/"
    situation.refresh_from_db()
    assert (situation.name, situation.sort_order, situation.slug) == (
        "Народження дитини і реєстрація",
        3,
        slug,
    )
    assert "Народження дитини і реєстрація" in listed.content.decode()


def test_the_card_form_offers_the_directory(keeper_client: Client):
    # given
    centre = factories.centre()
    provider = factories.provider()
    situation = LifeSituation.objects.create(name="Переїзд", slug="pereizd")
    # when
    body = keeper_client.get("/cabinet/services/new/").content.decode()
    # then
    assert f'value="{centre.pk}"' in body
    assert f'<option value="{provider.pk}">' in body
    assert f'value="{situation.pk}"' in body
