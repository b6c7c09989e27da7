"""Reading typed addresses, resolving them, and where a point lies."""

import pytest

from hromada.gis import selectors
from hromada.gis.models import StreetKind
from hromada.gis.selectors import AddressQuery
from hromada.gis.tests.factories import AddressFactory, DistrictFactory, StreetFactory

pytestmark = pytest.mark.django_db
STREET, LANE = StreetKind.STREET, StreetKind.LANE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Садова 14", (None, "садова", "14")),
        ("вул. Садова, 14", (STREET, "садова", "14")),
        ("  САДОВА   14-а ", (None, "садова", "14-А")),
        ("садова 14 а", (None, "садова", "14А")),
        ("Садова 14/2", (None, "садова", "14/2")),
        ("пров. Садовий", (LANE, "садовий", "")),
        ("Садова вулиця 3", (STREET, "садова", "3")),
        ("8 Березня 5", (None, "8 березня", "5")),
        ("8 Березня", (None, "8 березня", "")),
        ("street Sadova 1", (STREET, "sadova", "1")),
        ("Об'їзна 2", (None, "об’їзна", "2")),
        ("вул.", (None, "вул.", "")),
        ("", (None, "", "")),
    ],
)
def test_typed_words_are_read_as_kind_street_and_number(text, expected):
    kind, street, number = expected
    assert selectors.address_query(text) == AddressQuery(
        kind=kind, street=street, number=number
    )


def test_a_number_with_a_letter_has_both_spellings():
    assert selectors.number_variants("14А") == ["14А", "14-А"]
    assert selectors.number_variants("14-А") == ["14А", "14-А"]
    assert selectors.number_variants("14/2") == ["14/2"]


@pytest.fixture
def sadova():
    street = StreetFactory.create(name="Садова")
    for number in ("2", "14", "14-А"):
        AddressFactory.create(street=street, number=number)
    return street


def _resolved(text):
    resolution = selectors.address_resolve(text=text)
    return (
        str(resolution.address) if resolution.address else None,
        [str(a) for a in resolution.candidates],
    )


def test_an_exact_address_resolves_in_every_spelling(sadova):
    assert _resolved("садова 14") == ("вул. Садова, 14", ["вул. Садова, 14"])
    assert _resolved("вул. Садова, 14") == ("вул. Садова, 14", ["вул. Садова, 14"])
    assert _resolved("Садова 14а")[0] == "вул. Садова, 14-А"
    assert _resolved("САДОВА 14-А")[0] == "вул. Садова, 14-А"


def test_the_start_of_a_street_name_is_enough_when_one_street_fits(sadova):
    assert _resolved("Садо 2")[0] == "вул. Садова, 2"


def test_a_street_named_exactly_wins_over_longer_names(sadova):
    # given
    AddressFactory.create(street__name="Садова Слобідська", number="2")

    # then
    assert _resolved("Садова 2")[0] == "вул. Садова, 2"
    assert _resolved("Садов 2") == (
        None,
        ["вул. Садова, 2", "вул. Садова Слобідська, 2"],
    )


def test_two_streets_of_one_name_are_told_apart_by_their_kind(sadova):
    # given
    AddressFactory.create(street__name="Садова", street__kind=LANE, number="2")

    # then
    assert _resolved("Садова 2") == (None, ["пров. Садова, 2", "вул. Садова, 2"])
    assert _resolved("пров. Садова 2")[0] == "пров. Садова, 2"


def test_a_street_without_a_number_offers_its_buildings(sadova):
    assert _resolved("Садова") == (
        None,
        ["вул. Садова, 14", "вул. Садова, 14-А", "вул. Садова, 2"],
    )


def test_a_missing_building_or_street_resolves_to_nothing(sadova):
    assert _resolved("Садова 1") == (None, [])
    assert _resolved("Шевченка 14") == (None, [])
    assert _resolved("") == (None, [])


def test_candidates_are_limited_and_resolving_costs_one_query(
    sadova, django_assert_num_queries
):
    # given
    for number in range(20, 40):
        AddressFactory.create(street=sadova, number=str(number))

    # when
    with django_assert_num_queries(1):
        resolution = selectors.address_resolve(text="садова", limit=10)
        labels = [f"{a} {a.district}" for a in resolution.candidates]

    # then
    assert (resolution.address, len(labels)) == (None, 10)


def test_address_search_reads_kinds_and_letters(sadova):
    # given
    AddressFactory.create(street__name="Садовий", street__kind=LANE, number="1")

    # when
    def found(query):
        return [str(a) for a in selectors.address_search(query=query)]

    # then
    assert found("вул. садова 14") == ["вул. Садова, 14", "вул. Садова, 14-А"]
    assert found("садова 14а") == ["вул. Садова, 14-А"]
    assert found("пров. садов") == ["пров. Садовий, 1"]


def test_without_districts_the_city_is_the_box_from_the_settings(settings):
    # given
    settings.HROMADA_MAP = {**settings.HROMADA_MAP, "bounds": [30.3, 50.3, 30.4, 50.4]}

    # then
    assert selectors.point_place(lon=30.35, lat=50.35) == selectors.PointPlace(
        is_in_city=True, district=None
    )
    assert selectors.point_in_city(lon=30.45, lat=50.35) is False
    assert selectors.point_in_city(lon=50.35, lat=30.35) is False


def test_with_districts_the_city_is_their_union(
    settings, django_assert_max_num_queries
):
    # given: a district far from the box of the settings
    district = DistrictFactory.create(lon=31.0, lat=51.0, size=0.01)

    # when: the boundary is read once per process, then only the boxes
    with django_assert_max_num_queries(2):
        first = selectors.point_place(lon=31.005, lat=51.005)
    with django_assert_max_num_queries(1):
        inside = selectors.point_place(lon=31.004, lat=51.004)
    with django_assert_max_num_queries(2):
        outside = selectors.point_place(lon=30.37, lat=50.386)

    # then
    assert first == inside == selectors.PointPlace(is_in_city=True, district=district)
    assert outside == selectors.PointPlace(is_in_city=False, district=None)


def test_a_street_s_buildings_come_in_the_order_of_their_numbers(sadova):
    # given
    for number in ("10", "1", "14/2", "3-Б"):
        AddressFactory.create(street=sadova, number=number)

    # then
    assert [a.number for a in selectors.address_list_for_street(street=sadova)] == [
        "1",
        "2",
        "3-Б",
        "10",
        "14",
        "14-А",
        "14/2",
    ]


def test_streets_are_found_by_any_part_of_their_name_with_counts(sadova):
    # given
    StreetFactory.create(name="Лесі Українки")
    StreetFactory.create(name="Українська")

    # when
    streets = selectors.street_list(query="УКРАЇН")

    # then
    assert [(str(s), s.address_count) for s in streets] == [
        ("вул. Лесі Українки", 0),
        ("вул. Українська", 0),
    ]
    assert [s.address_count for s in selectors.street_list(query="садова")] == [3]


def test_districts_are_listed_with_their_address_counts(sadova):
    # given
    centre = DistrictFactory.create(name="Центральний")
    DistrictFactory.create(name="Північний", lon=31.0)
    sadova.addresses.update(district=centre)

    # then
    assert [(d.name, d.address_count) for d in selectors.district_list_counted()] == [
        ("Північний", 0),
        ("Центральний", 3),
    ]


def test_a_redrawn_boundary_is_read_again():
    # given: a district whose boundary was read
    district = DistrictFactory.create(lon=31.0, lat=51.0, size=0.01)
    assert selectors.point_place(lon=31.005, lat=51.005).is_in_city

    # when its boundary is redrawn elsewhere (its box kept wide)
    district.geometry = {
        "type": "Polygon",
        "coordinates": [[[31.0, 51.0], [31.001, 51.0], [31.001, 51.001], [31.0, 51.0]]],
    }
    district.save()

    # then the old boundary no longer answers
    assert not selectors.point_place(lon=31.005, lat=51.005).is_in_city
