"""The keepers' pages of a card's lists: add, change, move, remove."""

import uuid

import pytest
from django.test import Client

from hromada.cnap.models import (
    RefusalGround,
    RequiredDocument,
    ServiceLegalBasis,
    TechCardStage,
)
from hromada.cnap.tests import factories
from hromada.core.models import AuditEvent
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def keeper_client(client: Client) -> Client:
    client.force_login(factories.keeper())
    return client


def base(service) -> str:
    return f"/cabinet/services/{service.slug}/"


def titles(service) -> list[str]:
    return list(
        RequiredDocument.objects.filter(service=service)
        .order_by("order")
        .values_list("title", flat=True)
    )


def test_item_pages_are_missing_for_staff_who_do_not_keep_the_registry(
    client: Client,
):
    # given
    service = factories.complete(factories.draft())
    document = RequiredDocument.objects.filter(service=service).first()
    item = f"{base(service)}documents/{document.public_id}/"
    client.force_login(factories.staff())
    # when
    shown = [client.get(url).status_code for url in (item, f"{item}remove/")]
    moved = client.post(f"{item}move/", {"direction": "down"})
    removed = client.post(f"{item}remove/")
    # then
    assert shown == [404, 404]
    assert (moved.status_code, removed.status_code) == (404, 404)
    assert titles(service) == ["Заява", "Паспорт громадянина України"]


@pytest.mark.parametrize(
    ("segment", "form", "model"),
    [
        (
            "legal-basis",
            {"level": "law", "title": "Закон «Про освіту»", "url": "zakon.rada.gov.ua"},
            ServiceLegalBasis,
        ),
        (
            "documents",
            {"title": "Заява", "form": "original", "copies": "2"},
            RequiredDocument,
        ),
        ("refusal-grounds", {"text": "Неповний пакет документів."}, RefusalGround),
        (
            "stages",
            {
                "action": "Прийом заяви",
                "responsible": "Адміністратор ЦНАП",
                "role": "В",
                "term_value": "",
                "term_unit": "same_day",
            },
            TechCardStage,
        ),
    ],
)
def test_a_keeper_adds_an_item_once_however_often_the_form_is_sent(
    keeper_client: Client, segment, form, model
):
    # given
    service = factories.draft()
    url = f"{base(service)}{segment}/new/"
    sent = {**form, "once": str(uuid.uuid4())}
    # when
    shown = keeper_client.get(url)
    first = keeper_client.post(url, sent)
    second = keeper_client.post(url, sent)
    # then
    assert shown.status_code == 200
    assert first["Location"] == second["Location"] == f"{base(service)}#{segment}"
    item = model.objects.get(service=service)
    assert item.order == 1
    assert AuditEvent.objects.filter(action__endswith="_add").count() == 1


def test_a_wrong_item_comes_back_with_its_error_and_nothing_is_added(
    keeper_client: Client,
):
    # given
    service = factories.draft()
    # when
    response = keeper_client.post(
        f"{base(service)}stages/new/",
        {"action": "Розгляд", "responsible": "Начальник", "role": "В"}
        | {"term_value": "", "term_unit": "working_days"},
    )
    unknown = keeper_client.get(f"{base(service)}nothing/new/")
    # then
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["term_value"]
    assert not TechCardStage.objects.exists()
    assert unknown.status_code == 404


def test_a_keeper_changes_an_item(keeper_client: Client):
    # given
    service = factories.complete(factories.draft())
    document = RequiredDocument.objects.get(service=service, order=1)
    url = f"{base(service)}documents/{document.public_id}/"
    shown = keeper_client.get(url)
    # when
    response = keeper_client.post(
        url,
        {"title": "Заява встановленого зразка", "form": "filled_form", "copies": "1"},
    )
    # then
    assert shown.context["form"].initial["title"] == "Заява"
    assert response["Location"] == f"{base(service)}#documents"
    document.refresh_from_db()
    assert (document.title, document.form) == (
        "Заява встановленого зразка",
        "filled_form",
    )


def test_an_item_of_another_card_is_missing(keeper_client: Client):
    # given
    service = factories.complete(factories.draft())
    other = factories.draft()
    document = RequiredDocument.objects.get(service=service, order=1)
    # when
    response = keeper_client.get(f"{base(other)}documents/{document.public_id}/")
    # then
    assert response.status_code == 404


def test_a_keeper_moves_an_item_down_and_up(keeper_client: Client):
    # given
    service = factories.complete(factories.draft())
    first = RequiredDocument.objects.get(service=service, order=1)
    url = f"{base(service)}documents/{first.public_id}/move/"
    # when
    down = keeper_client.post(url, {"direction": "down"})
    after_down = titles(service)
    keeper_client.post(url, {"direction": "up"})
    wrong = keeper_client.post(url, {"direction": "sideways"})
    shown = keeper_client.get(url)
    # then
    assert down["Location"] == f"{base(service)}#documents"
    assert after_down == ["Паспорт громадянина України", "Заява"]
    assert titles(service) == ["Заява", "Паспорт громадянина України"]
    assert (wrong.status_code, shown.status_code) == (404, 405)


def test_the_card_page_offers_each_item_its_actions(keeper_client: Client):
    # given
    service = factories.complete(factories.draft())
    first, second = RequiredDocument.objects.filter(service=service).order_by("order")
    # when
    body = keeper_client.get(base(service)).content.decode()
    # then
    for document in (first, second):
        item = f"{base(service)}documents/{document.public_id}/"
        assert f'href="{item}"' in body
        assert f'href="{item}remove/"' in body
        assert f'action="{item}move/"' in body
    assert body.count('name="direction"') == 2 + 2  # two documents, two stages


def test_a_keeper_removes_an_item_after_a_question(keeper_client: Client):
    # given
    service = factories.complete(factories.draft())
    first = RequiredDocument.objects.get(service=service, order=1)
    url = f"{base(service)}documents/{first.public_id}/remove/"
    # when
    question = keeper_client.get(url)
    after_question = titles(service)
    removed = keeper_client.post(url)
    # then
    assert question.status_code == 200
    assert "Заява" in question.content.decode()
    assert after_question == ["Заява", "Паспорт громадянина України"]
    assert removed["Location"] == f"{base(service)}#documents"
    assert titles(service) == ["Паспорт громадянина України"]
    assert RequiredDocument.objects.get(service=service).order == 1
    assert AuditEvent.objects.filter(action="cnap.document_remove").count() == 1


def test_removing_the_last_act_of_a_published_card_is_refused(keeper_client: Client):
    # given
    service = factories.published()
    act = ServiceLegalBasis.objects.get(service=service)
    # when
    response = keeper_client.post(f"{base(service)}legal-basis/{act.public_id}/remove/")
    # then
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert ServiceLegalBasis.objects.filter(service=service).count() == 1
    assert not AuditEvent.objects.filter(action="cnap.legal_basis_remove").exists()


def test_a_keeper_changes_a_stage_and_its_unit(keeper_client: Client):
    # given
    service = factories.complete(factories.draft())
    stage = TechCardStage.objects.get(service=service, order=2)
    unit = OrgUnitFactory()
    url = f"{base(service)}stages/{stage.public_id}/"
    # when
    response = keeper_client.post(
        url,
        {
            "action": stage.action,
            "responsible": "Начальник відділу",
            "unit": unit.pk,
            "role": "З",
            "term_value": "3",
            "term_unit": "working_days",
        },
    )
    shown = keeper_client.get(url)
    # then
    assert response["Location"] == f"{base(service)}#stages"
    stage.refresh_from_db()
    assert (stage.responsible, stage.unit, stage.term_value) == (
        "Начальник відділу",
        unit,
        3,
    )
    assert f'<option value="{unit.pk}" selected>' in shown.content.decode()
