"""Many buildings of a street at once, and forms sent twice."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import PermissionDeniedError
from hromada.core.models import AuditEvent
from hromada.gis import services
from hromada.gis.models import Address, District, Street, StreetKind
from hromada.gis.services import AddressRow
from hromada.gis.tests.factories import AddressFactory, DistrictFactory, StreetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return UserFactory.create(roles=[Role.GIS_EDITOR])


@pytest.fixture
def street():
    return StreetFactory.create(name="Садова")


def row(line, number, lon=30.37, lat=50.386):
    return AddressRow(line=line, number=number, lon=lon, lat=lat)


def test_an_import_adds_good_rows_reports_the_rest_and_audits_once(editor, street):
    # given
    west = DistrictFactory.create(name="Західний", lon=30.33, size=0.04)
    east = DistrictFactory.create(name="Східний", lon=30.37, size=0.04)
    AddressFactory.create(street=street, number="1")
    rows = [
        row(2, "1"),  # in the registry already
        row(3, "2", lon=30.35),
        row(4, "3-а", lon=30.39),
        row(5, "3-А"),  # twice in the file
        row(6, " "),
        row(7, "4", lon=50.386, lat=30.37),  # longitude and latitude swapped
        row(8, "5", lat=95),
    ]

    # when
    result = services.addresses_import(actor=editor, street=street, rows=rows)

    # then
    assert [(a.number, a.district) for a in result.created] == [
        ("2", west),
        ("3-А", east),
    ]
    assert result.rejected == [
        (2, "Ця адреса вже є в реєстрі."),
        (5, "Ця адреса вже є в реєстрі."),
        (6, "Бракує номера будинку."),
        (7, "Точка поза межами міста."),
        (8, "Координати — довгота й широта в градусах (WGS 84)."),
    ]
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.target_id) == (
        "gis.addresses_import",
        editor,
        str(street.pk),
    )
    assert event.data == {"created": 2, "rejected": 5}


def test_the_query_count_of_an_import_does_not_grow_with_its_rows(editor, street):
    # given: the audit chain and content types are read once already
    DistrictFactory.create()
    services.addresses_import(actor=editor, street=street, rows=[row(1, "0")])

    def queries(numbers):
        with CaptureQueriesContext(connection) as captured:
            services.addresses_import(
                actor=editor, street=street, rows=[row(n, str(n)) for n in numbers]
            )
        return len(captured.captured_queries)

    # then
    assert queries(range(1, 3)) == queries(range(10, 60))


def test_an_import_with_nothing_to_add_changes_nothing(editor, street):
    # when
    result = services.addresses_import(
        actor=editor, street=street, rows=[row(2, "1", lat=0)]
    )

    # then
    assert (result.created, len(result.rejected)) == ([], 1)
    assert (Address.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_only_gis_editors_import(street):
    # when
    with pytest.raises(PermissionDeniedError):
        services.addresses_import(
            actor=UserFactory.create(roles=[Role.EXECUTOR]),
            street=street,
            rows=[row(2, "1")],
        )

    # then
    assert Address.objects.exists() is False


def test_without_districts_an_import_keeps_to_the_city_box(editor, street, settings):
    # given
    settings.HROMADA_MAP = {**settings.HROMADA_MAP, "bounds": [30.3, 50.3, 30.4, 50.4]}

    # when
    result = services.addresses_import(
        actor=editor, street=street, rows=[row(2, "1"), row(3, "2", lon=31)]
    )

    # then
    assert [(a.number, a.district) for a in result.created] == [("1", None)]
    assert result.rejected == [(3, "Точка поза межами міста.")]


def test_a_form_sent_twice_creates_one_record(editor, street):
    # given
    keys = [uuid.uuid4() for _ in range(3)]
    boundary = DistrictFactory.build().geometry

    # when: each form is sent twice with its key
    for _twice in range(2):
        district = services.district_save(
            actor=editor, name="Н", code="n", boundary=boundary, once_key=keys[0]
        )
        new_street = services.street_create(
            actor=editor, kind=StreetKind.LANE, name="Тихий", once_key=keys[1]
        )
        address = services.address_create(
            actor=editor,
            street=street,
            number="7",
            lon=30.3,
            lat=50.4,
            once_key=keys[2],
        )

    # then
    assert (District.objects.get(), Street.objects.get(kind=StreetKind.LANE)) == (
        district,
        new_street,
    )
    assert Address.objects.get() == address
    assert AuditEvent.objects.count() == 3
