"""The keepers' pages of the registry of services: who sees them, the list,
a new card, the card's form and its status."""

import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.cnap.models import AdministrativeService, ServiceStatus, TermUnit
from hromada.cnap.services import cards
from hromada.cnap.tests import factories
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db

LIST = "/cabinet/services/"
NEW = "/cabinet/services/new/"


def card_form(**changes) -> dict:
    """The create form's fields for a complete free card."""
    values = {
        "name": "Видача довідки про склад сім'ї",
        "summary": "Для субсидії та пільг.",
        "provider": factories.provider().pk,
        "centres": [factories.centre().pk],
        "submission_methods": "Особисто в ЦНАП.",
        "term_value": "5",
        "term_unit": TermUnit.WORKING_DAYS,
        "result": "Довідка.",
        "result_delivery": "Особисто в ЦНАП.",
        "once": str(uuid.uuid4()),
    }
    values.update(changes)
    return values


def card_pages(service: AdministrativeService) -> list[str]:
    base = f"{LIST}{service.slug}/"
    return [LIST, NEW, base, f"{base}edit/", f"{base}documents/new/"]


@pytest.fixture
def keeper_client(client: Client) -> Client:
    client.force_login(factories.keeper())
    return client


def test_the_pages_are_missing_for_staff_who_do_not_keep_the_registry(
    client: Client,
):
    # given
    service = factories.draft()
    client.force_login(factories.staff())
    # when
    answers = [client.get(url).status_code for url in card_pages(service)]
    status = client.post(f"{LIST}{service.slug}/status/", {"status": "active"})
    created = client.post(NEW, card_form())
    # then
    assert answers == [404] * len(card_pages(service))
    assert (status.status_code, created.status_code) == (404, 404)
    assert AdministrativeService.objects.get().status == ServiceStatus.DRAFT


def test_anonymous_visitors_are_sent_to_sign_in_and_citizens_are_refused(
    client: Client,
):
    # given
    service = factories.draft()
    # when
    anonymous = [client.get(url) for url in card_pages(service)]
    client.force_login(UserFactory(roles=[Role.CITIZEN]))
    citizen = [client.get(url).status_code for url in card_pages(service)]
    # then: the cabinet's own gate answers before the pages do
    assert {r.status_code for r in anonymous} == {302}
    assert all(r["Location"].startswith("/accounts/login/") for r in anonymous)
    assert set(citizen) == {403}


def test_the_list_shows_every_card_and_filters_by_status(keeper_client: Client):
    # given
    draft = factories.draft(name="Чернетка послуги")
    public = factories.published(name="Опублікована послуга")
    # when
    everything = keeper_client.get(LIST)
    drafts = keeper_client.get(LIST, {"status": "draft"})
    # then
    assert [s for s, _colour in everything.context["rows"]] == [public, draft]
    assert [s for s, _colour in drafts.context["rows"]] == [draft]
    body = everything.content.decode()
    assert f'href="{LIST}{draft.slug}/"' in body
    assert 'href="/cabinet/services/new/"' in body


def test_the_list_costs_the_same_queries_for_3_and_15_cards(keeper_client: Client):
    # given
    for _ in range(3):
        factories.draft()
    keeper_client.get(LIST)
    with CaptureQueriesContext(connection) as small:
        keeper_client.get(LIST)
    for _ in range(12):
        factories.draft()
    # when
    with CaptureQueriesContext(connection) as large:
        response = keeper_client.get(LIST)
    # then
    assert len(response.context["rows"]) == 15
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_list_is_paginated(keeper_client: Client):
    # given
    for _ in range(26):
        factories.draft()
    # when
    second = keeper_client.get(LIST, {"page": "2"})
    # then
    assert len(second.context["rows"]) == 1
    assert 'aria-current="page"' in second.content.decode()


def test_a_keeper_creates_a_draft_once_however_often_the_form_is_sent(
    keeper_client: Client,
):
    # given
    form = card_form(
        life_situations=[], is_paid="on", **_paid_fields(), fee_amount="85,50"
    )
    # when
    first = keeper_client.post(NEW, form)
    second = keeper_client.post(NEW, form)
    # then
    service = AdministrativeService.objects.get()
    assert first["Location"] == second["Location"] == f"{LIST}{service.slug}/"
    assert (service.status, service.fee_amount, service.term_value) == (
        ServiceStatus.DRAFT,
        Decimal("85.50"),
        5,
    )
    assert list(service.centres.all()) == [factories.centre()]
    event = AuditEvent.objects.get(action="cnap.service_create")
    assert event.target_id == str(service.pk)


def _paid_fields() -> dict:
    changes = factories.paid_changes()
    return {
        name: changes[name]
        for name in (
            "fee_legal_basis",
            "payment_recipient",
            "payment_edrpou",
            "payment_iban",
            "payment_purpose",
        )
    }


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"payment_iban": "UA213223130000026007233566002"}, "payment_iban"),
        ({"payment_edrpou": "37955988"}, "payment_edrpou"),
        ({"term_value": "45", "term_unit": TermUnit.CALENDAR_DAYS}, "term_legal_basis"),
    ],
    ids=["iban", "edrpou", "term"],
)
def test_a_refused_card_comes_back_with_the_error_on_its_field(
    keeper_client: Client, changes, field
):
    # given
    form = card_form(is_paid="on", **{**_paid_fields(), **changes})
    # when
    response = keeper_client.post(NEW, form)
    # then
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert "govuk-error-summary" in response.content.decode()
    assert not AdministrativeService.objects.exists()
    assert not AuditEvent.objects.filter(action="cnap.service_create").exists()


def test_a_card_without_a_name_is_refused_by_the_form(keeper_client: Client):
    response = keeper_client.post(NEW, card_form(name=""))
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["name"]
    assert not AdministrativeService.objects.exists()


def test_the_edit_form_shows_the_card_and_saves_a_change(keeper_client: Client):
    # given
    service = factories.draft(name="Стара назва")
    url = f"{LIST}{service.slug}/edit/"
    shown = keeper_client.get(url)
    # when
    response = keeper_client.post(url, card_form(name="Нова назва", notes="Примітка"))
    # then
    assert shown.context["form"].initial["name"] == "Стара назва"
    assert response["Location"] == f"{LIST}{service.slug}/"
    service.refresh_from_db()
    assert (service.name, service.notes) == ("Нова назва", "Примітка")
    assert AuditEvent.objects.filter(action="cnap.service_update").count() == 1


def test_a_bad_edit_changes_nothing(keeper_client: Client):
    # given
    service = factories.draft()
    url = f"{LIST}{service.slug}/edit/"
    # when
    response = keeper_client.post(
        url, card_form(name=service.name, term_value="40", term_unit="calendar_days")
    )
    # then
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["term_legal_basis"]
    service.refresh_from_db()
    assert (service.term_value, service.version) == (10, 1)
    assert not AuditEvent.objects.filter(action="cnap.service_update").exists()


def test_the_card_page_lists_what_publishing_lacks_and_the_allowed_moves(
    keeper_client: Client,
):
    # given
    service = factories.draft()
    # when
    response = keeper_client.get(f"{LIST}{service.slug}/")
    # then
    assert response.status_code == 200
    assert len(response.context["problems"]) == 3
    assert [a.status for a in response.context["actions"]] == ["active", "archived"]
    body = response.content.decode()
    assert 'id="cnap-problems"' in body
    assert f'href="{LIST}{service.slug}/stages/new/"' in body
    # the lists' headings in Ukrainian, in the words of an information card
    assert "Нормативно-правові акти" in body
    assert "Етапи технологічної картки" in body


def test_publishing_an_incomplete_card_is_refused_with_its_reasons(
    keeper_client: Client,
):
    # given
    service = factories.draft()
    # when
    response = keeper_client.post(f"{LIST}{service.slug}/status/", {"status": "active"})
    # then
    assert response.status_code == 400
    assert response.context["refusal"] == response.context["problems"]
    assert len(response.context["refusal"]) == 3
    assert 'id="cnap-refusal"' in response.content.decode()
    service.refresh_from_db()
    assert service.status == ServiceStatus.DRAFT
    assert not AuditEvent.objects.filter(action="cnap.service_status").exists()


def test_a_complete_card_is_published_suspended_and_resumed(keeper_client: Client):
    # given
    service = factories.complete(factories.draft())
    url = f"{LIST}{service.slug}/status/"
    # when
    published = keeper_client.post(url, {"status": "active"})
    page = keeper_client.get(f"{LIST}{service.slug}/")
    suspended = keeper_client.post(url, {"status": "suspended"})
    # then
    assert published["Location"] == f"{LIST}{service.slug}/"
    assert suspended.status_code == 302
    assert page.context["problems"] == []
    assert [a.status for a in page.context["actions"]] == ["suspended", "archived"]
    assert f'href="{service.get_absolute_url()}"' in page.content.decode()
    service.refresh_from_db()
    assert service.status == ServiceStatus.SUSPENDED
    assert AuditEvent.objects.filter(action="cnap.service_status").count() == 2


def test_a_move_the_card_cannot_make_is_refused(keeper_client: Client):
    # given
    service = factories.draft()
    # when
    response = keeper_client.post(
        f"{LIST}{service.slug}/status/", {"status": "suspended"}
    )
    unknown = keeper_client.post(f"{LIST}{service.slug}/status/", {"status": "x"})
    shown = keeper_client.get(f"{LIST}{service.slug}/status/")
    # then
    assert response.status_code == 400
    assert len(response.context["refusal"]) == 1
    assert (unknown.status_code, shown.status_code) == (404, 405)
    service.refresh_from_db()
    assert service.status == ServiceStatus.DRAFT


def test_editing_a_published_card_into_an_incomplete_one_is_refused(
    keeper_client: Client,
):
    # given
    service = factories.published()
    form = card_form(name=service.name, result="")
    # when
    response = keeper_client.post(f"{LIST}{service.slug}/edit/", form)
    # then
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["__all__"]
    service.refresh_from_db()
    assert service.result != ""
    assert cards.ServiceStatus(service.status) == ServiceStatus.ACTIVE
