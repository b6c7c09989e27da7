"""The lists under a card: numbered from 1, moved and removed with the rest
closing ranks; a published card keeps what publishing asked for."""

from uuid import uuid4

import pytest

from hromada.cnap.models import RequiredDocument, TechCardStage, TermUnit
from hromada.cnap.services import items
from hromada.cnap.tests import factories
from hromada.core.errors import PermissionDeniedError, ValidationError
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _titles(service) -> list[tuple[int, str]]:
    return list(service.required_documents.values_list("order", "title"))


def test_items_are_added_at_the_end_once_per_form():
    service = factories.draft()
    key = uuid4()
    for title in ("Заява", "Паспорт"):
        items.service_item_add(
            actor=None, service=service, data=items.DocumentData(title=title)
        )
    data = items.DocumentData(title="Фото", copies=2)

    first = items.service_item_add(actor=None, service=service, data=data, once_key=key)
    again = items.service_item_add(actor=None, service=service, data=data, once_key=key)

    assert first == again
    assert _titles(service) == [(1, "Заява"), (2, "Паспорт"), (3, "Фото")]
    assert AuditEvent.objects.filter(action="cnap.document_add").count() == 3


def test_moving_swaps_with_the_neighbour_and_stops_at_the_ends():
    service = factories.draft()
    added = [
        items.service_item_add(
            actor=None, service=service, data=items.DocumentData(title=title)
        )
        for title in ("А", "Б", "В")
    ]

    items.service_item_move(actor=None, item=added[2], up=True)
    items.service_item_move(actor=None, item=added[0], up=True)  # the top

    assert _titles(service) == [(1, "А"), (2, "В"), (3, "Б")]
    assert AuditEvent.objects.filter(action="cnap.document_move").count() == 1


def test_removing_closes_ranks_and_a_second_remove_changes_nothing():
    service = factories.draft()
    added = [
        items.service_item_add(
            actor=None, service=service, data=items.DocumentData(title=title)
        )
        for title in ("А", "Б", "В")
    ]

    items.service_item_remove(actor=None, item=added[0])
    items.service_item_remove(actor=None, item=added[0])

    assert _titles(service) == [(1, "Б"), (2, "В")]
    assert AuditEvent.objects.filter(action="cnap.document_remove").count() == 1


def test_a_published_card_keeps_its_last_document():
    service = factories.published()
    documents = list(RequiredDocument.objects.filter(service=service))
    items.service_item_remove(actor=None, item=documents[0])

    with pytest.raises(ValidationError) as refused:
        items.service_item_remove(actor=None, item=documents[1])

    assert refused.value.code == "service_incomplete"
    assert service.required_documents.count() == 1


def test_a_stage_that_overruns_the_term_of_a_published_card_is_refused():
    service = factories.published(term_value=7)  # stages take 5 of 7

    with pytest.raises(ValidationError):
        items.service_item_add(
            actor=None,
            service=service,
            data=items.StageData(
                action="Виїзд на місце", responsible="Спеціаліст", term_value=3
            ),
        )

    assert service.stages.count() == 2


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (items.DocumentData(title=" "), "title"),
        (items.DocumentData(title="Заява", copies=0), "copies"),
        (items.RefusalData(text=""), "text"),
        (items.LegalBasisData(title=""), "title"),
        (items.StageData(action="Розгляд", responsible=" "), "responsible"),
        (items.StageData(action="Розгляд", responsible="Спеціаліст"), "term_value"),
        (
            items.StageData(action="Розгляд", responsible="Спеціаліст", term_value=-2),
            "term_value",
        ),
    ],
)
def test_bad_items_are_refused_on_their_field(data, field):
    service = factories.draft()

    with pytest.raises(ValidationError) as refused:
        items.service_item_add(actor=None, service=service, data=data)

    assert field in refused.value.details
    assert AuditEvent.objects.filter(action__endswith="_add").exists() is False


def test_a_stage_on_the_day_keeps_no_value_and_updates_are_audited():
    service = factories.draft()
    stage = items.service_item_add(
        actor=None,
        service=service,
        data=items.StageData(
            action="Прийом", responsible="Адміністратор ЦНАП", term_value=1
        ),
    )

    items.service_item_update(
        actor=None,
        item=stage,
        data=items.StageData(
            action="Прийом заяви",
            responsible="Адміністратор ЦНАП",
            term_value=4,
            term_unit=TermUnit.SAME_DAY,
        ),
    )

    stage = TechCardStage.objects.get(pk=stage.pk)
    assert (stage.action, stage.term_value) == ("Прийом заяви", None)
    assert AuditEvent.objects.filter(action="cnap.stage_update").count() == 1


def test_anyone_but_a_keeper_is_refused():
    service = factories.draft()
    with pytest.raises(PermissionDeniedError):
        items.service_item_add(
            actor=factories.staff(), service=service, data=items.RefusalData(text="x")
        )
