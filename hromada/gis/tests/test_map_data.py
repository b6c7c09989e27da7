"""Districts and the address registry: checks, placing points, search."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import AuditEvent
from hromada.gis import selectors, services
from hromada.gis.models import Address, District, StreetKind
from hromada.gis.tests.factories import square

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return UserFactory.create(roles=[Role.GIS_EDITOR])


@pytest.fixture
def centre(editor):
    return services.district_save(
        actor=editor, name="Центральний", code="centre", boundary=square(30.5, 50.4)
    )


@pytest.fixture
def street(editor):
    return services.street_create(actor=editor, kind=StreetKind.STREET, name="Садова")


def test_a_district_keeps_its_box_and_is_audited(centre):
    # then
    assert (centre.min_lon, centre.min_lat) == (30.5, 50.4)
    assert (round(centre.max_lon, 6), round(centre.max_lat, 6)) == (30.51, 50.41)
    assert AuditEvent.objects.filter(action="gis.district_save").count() == 1


@pytest.mark.parametrize(
    ("boundary", "code"),
    [
        ({"type": "Point", "coordinates": [30.5, 50.4]}, "geometry_kind"),
        ("не геометрія", "geometry_kind"),
        # a bow tie crosses itself
        (
            {
                "type": "Polygon",
                "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]],
            },
            "geometry_invalid",
        ),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1]]]}, "geometry_invalid"),
        (square(200, 50.4), "geometry_range"),
    ],
)
def test_a_bad_boundary_is_refused_and_nothing_changes(editor, boundary, code):
    # when
    with pytest.raises(ApplicationError) as raised:
        services.district_save(actor=editor, name="Н", code="n", boundary=boundary)

    # then
    assert raised.value.code == code
    assert "boundary" in raised.value.details
    assert (District.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_only_a_gis_editor_keeps_map_data():
    # given
    clerk = UserFactory.create(roles=[Role.EXECUTOR])

    # when
    with pytest.raises(PermissionDeniedError):
        services.district_save(
            actor=clerk, name="Н", code="n", boundary=square(30.5, 50.4)
        )

    # then
    assert District.objects.count() == 0


def test_a_second_district_of_the_same_name_is_refused(editor, centre):
    # when
    with pytest.raises(ApplicationError) as raised:
        services.district_save(
            actor=editor, name="Центральний", code="other", boundary=square(31, 50)
        )

    # then
    assert raised.value.code == "district_exists"
    assert District.objects.count() == 1


def test_the_district_of_a_point_inside_on_the_edge_and_outside(editor, centre):
    # given: a district of two separate parts
    parts = {
        "type": "MultiPolygon",
        "coordinates": [
            square(30.6, 50.4)["coordinates"],
            square(30.7, 50.4)["coordinates"],
        ],
    }
    services.district_save(
        actor=editor, name="Лівобережний", code="left", boundary=parts
    )

    # then
    def found(lon, lat):
        district = selectors.district_for_point(lon=lon, lat=lat)
        return district.code if district else None

    assert found(30.505, 50.405) == "centre"
    assert found(30.51, 50.405) == "centre"  # on the edge
    assert found(30.705, 50.405) == "left"
    assert found(30.65, 50.405) is None  # between the two parts, inside the box


def test_an_address_is_placed_in_its_district(editor, centre, street):
    # when
    address = services.address_create(
        actor=editor, street=street, number="14-а", lon=30.505, lat=50.405
    )

    # then
    assert (address.number, address.district) == ("14-А", centre)
    assert str(address) == "вул. Садова, 14-А"


def test_redrawing_a_district_moves_its_addresses(editor, centre, street):
    # given
    address = services.address_create(
        actor=editor, street=street, number="3", lon=30.505, lat=50.405
    )

    # when: the district is redrawn away from the building
    services.district_save(
        actor=editor,
        name="Центральний",
        code="centre",
        boundary=square(30.6, 50.6),
        district=centre,
    )

    # then
    address.refresh_from_db()
    assert address.district is None


def test_an_address_twice_or_off_the_earth_is_refused(editor, street):
    # given
    services.address_create(actor=editor, street=street, number="1", lon=30.5, lat=50.4)

    # when
    with pytest.raises(ApplicationError) as twice:
        services.address_create(
            actor=editor, street=street, number=" 1 ", lon=30.5, lat=50.4
        )
    with pytest.raises(ApplicationError) as off:
        services.address_create(
            actor=editor, street=street, number="2", lon=30.5, lat=95
        )

    # then
    assert (twice.value.code, off.value.code) == ("address_exists", "point_range")
    assert Address.objects.count() == 1


def test_a_street_is_kept_once_whatever_the_apostrophe(editor):
    # given
    services.street_create(actor=editor, kind=StreetKind.STREET, name="Об’їзна")

    # when
    with pytest.raises(ApplicationError) as raised:
        services.street_create(actor=editor, kind=StreetKind.STREET, name="об'їзна")

    # then
    assert raised.value.code == "street_exists"


def test_address_search_by_street_and_number(editor, street):
    # given
    other = services.street_create(actor=editor, kind=StreetKind.LANE, name="Садовий")
    for number in ("14", "14-А", "2"):
        services.address_create(
            actor=editor, street=street, number=number, lon=30.5, lat=50.4
        )
    services.address_create(actor=editor, street=other, number="1", lon=30.5, lat=50.4)

    # when
    def found(query):
        return [str(a) for a in selectors.address_search(query=query)]

    # then
    assert found("садова 14") == ["вул. Садова, 14", "вул. Садова, 14-А"]
    assert found("  САДОВ ") == [
        "вул. Садова, 14",
        "вул. Садова, 14-А",
        "вул. Садова, 2",
        "пров. Садовий, 1",
    ]
    assert found("") == []
    assert found("14") == []


def test_redrawing_costs_the_same_queries_for_one_building_or_twenty(
    editor, centre, street
):
    # given: one building inside the district
    services.address_create(
        actor=editor, street=street, number="0", lon=30.505, lat=50.405
    )

    def redraw(boundary):
        with CaptureQueriesContext(connection) as captured:
            services.district_save(
                actor=editor,
                name="Центральний",
                code="centre",
                boundary=boundary,
                district=centre,
            )
        return len(captured.captured_queries)

    one = redraw(square(30.6, 50.6))  # moves the one building out
    for number in range(1, 20):
        services.address_create(
            actor=editor, street=street, number=str(number), lon=30.505, lat=50.405
        )

    # when: drawn back over all twenty
    twenty = redraw(square(30.5, 50.4))

    # then
    assert twenty == one
    assert Address.objects.filter(district=centre).count() == 20
