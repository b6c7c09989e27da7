"""Writes of a card: bad input refused and nothing written, publishing
only when complete, every write audited and the search in step."""

from decimal import Decimal
from uuid import uuid4

import pytest
from django.utils import translation

from hromada.cnap.models import AdministrativeService, ServiceStatus, TermUnit
from hromada.cnap.services import cards, items
from hromada.cnap.tests import factories
from hromada.core.errors import (
    InvalidTransitionError,
    PermissionDeniedError,
    ValidationError,
)
from hromada.core.models import AuditEvent
from hromada.search import selectors as search_selectors

pytestmark = pytest.mark.django_db


def _found(query: str) -> list[str]:
    return [
        hit.title
        for hit in search_selectors.search_query(
            query=query, kinds=["cnap.service"]
        ).hits
    ]


def test_a_keeper_creates_a_draft_once_per_form_and_it_is_audited():
    keeper = factories.keeper()
    key = uuid4()
    data = factories.service_data(name="Видача довідки про склад сім'ї")

    first = cards.service_create(actor=keeper, data=data, once_key=key)
    second = cards.service_create(actor=keeper, data=data, once_key=key)

    assert first == second
    assert AdministrativeService.objects.count() == 1
    assert first.status == ServiceStatus.DRAFT
    assert first.slug == "vydacha-dovidky-pro-sklad-simi"
    assert list(first.centres.all()) == [factories.centre()]
    event = AuditEvent.objects.get(action="cnap.service_create")
    assert (event.actor_id, event.target_id) == (keeper.pk, str(first.pk))
    # a draft is not searchable
    assert _found("довідку") == []


def test_anyone_but_a_keeper_is_refused():
    with pytest.raises(PermissionDeniedError):
        cards.service_create(actor=factories.staff(), data=factories.service_data())
    assert AdministrativeService.objects.exists() is False


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"name": "   "}, "name", "service_name_required"),
        ({"national_registry_code": "код 1"}, "national_registry_code", "service_code_invalid"),
        ({"fee_amount": Decimal("10")}, "is_paid", "service_fee_of_free"),
        ({"payment_edrpou": "37955988"}, "payment_edrpou", "service_edrpou_invalid"),
        ({"payment_iban": "UA213223130000026007233566002"}, "payment_iban", "service_iban_invalid"),
        ({"term_value": 0}, "term_value", "service_term_invalid"),
        ({"term_value": 45, "term_unit": TermUnit.CALENDAR_DAYS}, "term_legal_basis", "service_term_over_maximum"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_on_its_field_and_nothing_is_written(changes, field, code):
    with pytest.raises(ValidationError) as refused:
        cards.service_create(actor=None, data=factories.service_data(**changes))

    assert refused.value.code == code
    assert field in refused.value.details
    assert AdministrativeService.objects.exists() is False
    assert AuditEvent.objects.filter(action="cnap.service_create").exists() is False


def test_a_longer_term_is_accepted_with_the_law_that_sets_it():
    service = factories.draft(
        term_value=45,
        term_legal_basis="Земельний кодекс України, ст. 123",
    )
    assert service.term_value == 45


def test_the_iban_is_kept_normalised_and_a_term_on_the_day_has_no_value():
    service = factories.draft(
        **{
            **factories.paid_changes(),
            "payment_iban": " ua21 3223 1300 0002 6007 2335 6600 1",
        },
        term_value=5,
        term_unit=TermUnit.SAME_DAY,
    )
    assert service.payment_iban == "UA213223130000026007233566001"
    assert service.term_value is None


def test_publishing_an_incomplete_card_lists_what_it_lacks_and_changes_nothing():
    service = factories.draft(is_paid=True, centres=())

    with pytest.raises(ValidationError) as refused:
        cards.service_status_set(
            actor=None, service=service, status=ServiceStatus.ACTIVE
        )

    lacks = refused.value.details["__all__"]
    assert len(lacks) == 7  # centres, acts, documents, stages, fee ×3
    service.refresh_from_db()
    assert (service.status, service.published_at) == (ServiceStatus.DRAFT, None)
    assert AuditEvent.objects.filter(action="cnap.service_status").exists() is False


def test_a_published_card_is_searchable_by_an_inflected_word_and_leaves_when_archived():
    service = factories.published(summary="Для тих, хто втратив атестат.")
    assert service.published_at is not None
    assert _found("атестата") == [service.name]

    cards.service_status_set(actor=None, service=service, status=ServiceStatus.ARCHIVED)

    assert _found("атестата") == []
    event = AuditEvent.objects.filter(action="cnap.service_status").last()
    assert event.data == {"from": "active", "to": "archived"}


def test_statuses_move_only_along_the_table():
    service = factories.published()
    with pytest.raises(InvalidTransitionError):
        cards.service_status_set(
            actor=None, service=service, status=ServiceStatus.DRAFT
        )
    suspended = cards.service_status_set(
        actor=None, service=service, status=ServiceStatus.SUSPENDED
    )
    assert suspended.is_public is True  # the public still sees it, marked


def test_stages_longer_than_the_term_keep_the_card_from_publishing():
    service = factories.complete(factories.draft(term_value=3))

    with pytest.raises(ValidationError) as refused:
        cards.service_status_set(
            actor=None, service=service, status=ServiceStatus.ACTIVE
        )

    assert refused.value.details["__all__"] == [
        "Етапи технологічної картки тривають довше за строк надання послуги."
    ]


def test_an_update_of_a_published_card_is_a_new_version_and_says_what_changed():
    keeper = factories.keeper()
    service = factories.published()
    data = factories.service_data(
        name=service.name, provider=service.provider, result="Дублікат атестата."
    )

    updated = cards.service_update(actor=keeper, service=service, data=data)
    again = cards.service_update(actor=keeper, service=updated, data=data)

    assert updated.version == again.version == service.version + 1
    event = AuditEvent.objects.get(action="cnap.service_update")
    assert event.data == {
        "changed": {"result": "Дублікат атестата."},
        "version": service.version + 1,
    }


def test_an_update_may_not_leave_a_published_card_incomplete():
    service = factories.published()
    data = factories.service_data(name=service.name, result="  ")

    with pytest.raises(ValidationError):
        cards.service_update(actor=None, service=service, data=data)

    service.refresh_from_db()
    assert service.result != ""


def test_a_list_change_of_a_published_card_is_a_new_version_too():
    service = factories.published()
    items.service_item_add(
        actor=None, service=service, data=items.DocumentData(title="Фотокартка")
    )
    service.refresh_from_db()
    assert service.version == 2


def test_a_name_that_would_take_a_keepers_address_gets_another_slug():
    assert factories.draft(name="New").slug == "new-posluha"


def test_the_indexed_text_reads_as_sentences_in_an_excerpt():
    factories.published(summary="Для тих, хто втратив атестат")

    found = search_selectors.search_query(query="освіти", kinds=["cnap.service"])

    assert "Для тих, хто втратив атестат. Відділ <mark>освіти</mark>." in str(
        found.hits[0].snippet
    )


def test_the_words_the_platform_adds_are_indexed_in_ukrainian_whatever_the_keepers_language():
    with translation.override("en"):
        service = factories.published(term_value=10, term_unit=TermUnit.CALENDAR_DAYS)

    assert _found("безоплатно") == [service.name]
    assert _found("календарних") == [service.name]
