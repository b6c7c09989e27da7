"""Centres, providers and life situations: the keepers', audited, checked."""

from uuid import uuid4

import pytest

from hromada.cnap.models import CentreKind, LifeSituation, ServiceProvider
from hromada.cnap.services import directory
from hromada.cnap.tests import factories
from hromada.core.errors import PermissionDeniedError, ValidationError
from hromada.core.models import AuditEvent
from hromada.search import selectors as search_selectors

pytestmark = pytest.mark.django_db


def test_a_centre_is_entered_and_changed_with_an_audit_trail():
    keeper = factories.keeper()
    data = directory.CentreData(
        name="Віддалене робоче місце",
        kind=CentreKind.REMOTE,
        address=" с. Черешневе ",
        opening_hours="Вівторок: 9:00–16:00",
    )
    centre = directory.centre_save(actor=keeper, data=data)
    changed = directory.centre_save(
        actor=keeper,
        centre=centre,
        data=directory.CentreData(**{**data.__dict__, "is_active": False}),
    )

    assert (changed.pk, changed.address, changed.is_active) == (
        centre.pk,
        "с. Черешневе",
        False,
    )
    assert AuditEvent.objects.filter(action="cnap.centre_save").count() == 2


@pytest.mark.parametrize("field", ["name", "address", "opening_hours"])
def test_a_centre_needs_its_name_address_and_hours(field):
    values = {"name": "ЦНАП", "address": "пл. Соборна, 1", "opening_hours": "8–17"}
    values[field] = " "
    with pytest.raises(ValidationError) as refused:
        directory.centre_save(actor=None, data=directory.CentreData(**values))
    assert field in refused.value.details


def test_a_provider_is_checked_unique_and_renaming_it_reindexes_its_cards():
    service = factories.published()
    provider = service.provider

    with pytest.raises(ValidationError) as duplicate:
        directory.provider_save(
            actor=None, data=directory.ProviderData(name=provider.name)
        )
    with pytest.raises(ValidationError) as invalid:
        directory.provider_save(
            actor=None, data=directory.ProviderData(name="Інший", edrpou="12345679")
        )
    directory.provider_save(
        actor=None,
        provider=provider,
        data=directory.ProviderData(name="Управління освіти і науки"),
    )

    assert duplicate.value.code == "provider_duplicate"
    assert invalid.value.code == "provider_edrpou_invalid"
    assert ServiceProvider.objects.count() == 1
    found = search_selectors.search_query(query="науки", kinds=["cnap.service"])
    assert [hit.title for hit in found.hits] == [service.name]


def test_a_life_situation_keeps_its_address_when_renamed():
    situation = directory.life_situation_save(actor=None, name="Народження дитини")
    renamed = directory.life_situation_save(
        actor=None, situation=situation, name="Народження  дитини і її реєстрація"
    )
    assert (renamed.slug, renamed.name) == (
        "narodzhennia-dytyny",
        "Народження дитини і її реєстрація",
    )
    with pytest.raises(ValidationError):
        directory.life_situation_save(
            actor=None, name="Народження дитини і її реєстрація"
        )
    assert LifeSituation.objects.count() == 1


def test_anyone_but_a_keeper_is_refused():
    with pytest.raises(PermissionDeniedError):
        directory.life_situation_save(actor=factories.staff(), name="Освіта")


def test_a_new_centre_sent_twice_is_entered_once():
    key = uuid4()
    data = directory.CentreData(
        name="Пересувний ЦНАП", address="За графіком", opening_hours="За графіком"
    )

    first = directory.centre_save(actor=None, data=data, once_key=key)
    again = directory.centre_save(actor=None, data=data, once_key=key)

    assert first == again
    assert AuditEvent.objects.filter(action="cnap.centre_save").count() == 1
