"""The location field other rooms put in their forms, and the point field."""

import pytest
from django import forms
from django.utils import translation

from hromada.gis.forms import Location, LocationField, PointField
from hromada.gis.tests.factories import AddressFactory, DistrictFactory, StreetFactory

pytestmark = pytest.mark.django_db


class PlaceForm(forms.Form):
    location = LocationField(label="Де?")


class OptionalPlaceForm(forms.Form):
    location = LocationField(label="Де?", required=False)


class PointForm(forms.Form):
    point = PointField(label="Точка")


def _form(form_class=PlaceForm, **data):
    values = {f"location_{k}": v for k, v in data.items()}
    form = form_class(data=values)
    with translation.override("uk"):
        form.is_valid()
        html = str(form)
    return form, html


@pytest.fixture
def centre():
    return DistrictFactory.create(name="Центральний")


@pytest.fixture
def sadova(centre):
    street = StreetFactory.create(name="Садова")
    return {
        number: AddressFactory.create(
            street=street, number=number, lon=30.37, lat=50.386, district=centre
        )
        for number in ("14", "14-А", "2")
    }


def test_one_matching_address_is_taken_with_its_point_and_district(
    sadova, centre, django_assert_max_num_queries
):
    # when
    with django_assert_max_num_queries(1):
        form, _html = _form(address="Садова 14")

    # then
    assert form.errors == {}
    assert form.cleaned_data["location"] == Location(
        lon=30.37, lat=50.386, address=sadova["14"], district=centre, text="Садова 14"
    )
    assert form.cleaned_data["location"].label == "вул. Садова, 14"


def test_several_matches_come_back_as_choices_and_one_is_chosen(sadova):
    # when
    form, html = _form(address="Садова")

    # then
    assert form.errors["location"] == [
        "Підходить кілька адрес. Виберіть свою нижче або додайте номер будинку."
    ]
    assert "Яку адресу ви маєте на увазі?" in html
    assert html.count('type="radio"') == 3
    assert f'value="{sadova["2"].public_id}"' in html

    # when: the person picks one and sends the form again
    form, _html = _form(address="Садова", choice=str(sadova["2"].public_id))

    # then
    assert form.errors == {}
    assert form.cleaned_data["location"].address == sadova["2"]


def test_a_choice_not_among_the_words_candidates_is_ignored(sadova):
    # given: the choice of an earlier page; the words now name another street
    other = AddressFactory.create(street__name="Шевченка", number="1")
    AddressFactory.create(street=other.street, number="2")

    # when
    form, _html = _form(address="Шевченка", choice=str(sadova["2"].public_id))

    # then
    assert [e.code for e in form.errors.as_data()["location"]] == ["ambiguous"]


def test_an_unknown_address_is_a_clear_error(sadova):
    # when
    form, html = _form(address="Садова 99")

    # then
    message = (
        "Ми не знайшли цієї адреси в реєстрі міста. Перевірте вулицю й номер "
        "будинку або поставте точку на мапі."
    )
    assert form.errors["location"] == [message]
    assert 'type="radio"' not in html
    assert "govuk-input--error" in html


def test_a_point_inside_the_city_wins_and_keeps_a_known_address(sadova, centre):
    # when
    form, _html = _form(address="вул. Садова, 14", lat="50,39", lon="30.371")

    # then
    assert form.cleaned_data["location"] == Location(
        lon=30.371,
        lat=50.39,
        address=sadova["14"],
        district=centre,
        text="вул. Садова, 14",
    )


def test_a_point_with_unknown_words_keeps_the_words(centre):
    # when
    form, _html = _form(address="біля ставка", lat="50.39", lon="30.371")

    # then
    location = form.cleaned_data["location"]
    assert (location.address, location.district, location.label) == (
        None,
        centre,
        "біля ставка",
    )


def test_a_point_outside_the_city_is_refused(centre):
    # when
    form, _html = _form(address="", lat="50.45", lon="30.52")

    # then
    assert form.errors["location"] == ["Точка поза межами міста."]


@pytest.mark.parametrize(
    ("lat", "lon", "message"),
    [
        ("50.39", "", "Укажіть і широту, і довготу або жодної."),
        ("", "30.37", "Укажіть і широту, і довготу або жодної."),
        (
            "північ",
            "30.37",
            "Укажіть широту й довготу числами, наприклад 30.3701.",
        ),
        ("95", "30.37", None),
    ],
)
def test_a_half_or_unreadable_point_is_refused(centre, lat, lon, message):
    # when
    form, _html = _form(address="Садова 14", lat=lat, lon=lon)

    # then
    assert "location" in form.errors
    if message:
        assert message in form.errors["location"]


def test_an_empty_field_is_required_unless_optional():
    # when
    required, _html = _form()
    optional, _html = _form(OptionalPlaceForm)

    # then
    assert required.errors["location"] == ["Укажіть адресу, наприклад «Садова 14»."]
    assert optional.errors == {}
    assert optional.cleaned_data["location"] is None


def test_without_districts_a_point_in_the_city_box_is_taken(settings):
    # given
    settings.HROMADA_MAP = {**settings.HROMADA_MAP, "bounds": [30.3, 50.3, 30.4, 50.4]}

    # when
    form, _html = _form(address="", lat="50.35", lon="30.35")

    # then
    assert form.cleaned_data["location"] == Location(
        lon=30.35, lat=50.35, address=None, district=None, text=""
    )


def test_the_widget_carries_the_suggestions_and_the_map_settings(settings):
    # given
    settings.HROMADA_MAP = {
        **settings.HROMADA_MAP,
        "tiles": "https://tiles.example/{z}/{x}/{y}.png",
        "center": [50.386, 30.37],
    }

    # when
    with translation.override("uk"):
        html = str(PlaceForm())

    # then
    assert (
        'data-hx-get="/map/addresses/?field=location_address" '
        'data-hx-trigger="input changed delay:300ms" '
        'data-hx-target="#id_location_0-suggestions"'
    ) in html
    assert 'data-tiles="https://tiles.example/{z}/{x}/{y}.png"' in html
    assert 'data-center="50.386,30.37"' in html
    assert 'src="/static/ui/build/map-picker.mjs"' in html
    assert (
        '<label class="govuk-label" for="id_location_0">Вулиця й номер будинку</label>'
        in html
    )
    assert "<script>" not in html
    assert "onclick" not in html


def test_a_location_shown_again_fills_the_inputs(sadova):
    # given
    location = Location(
        lon=30.37, lat=50.386, address=sadova["14"], district=None, text="садова 14"
    )

    # when
    html = str(PlaceForm(initial={"location": location}))

    # then
    assert 'value="вул. Садова, 14"' in html
    assert 'name="location_lat" ' in html
    assert 'value="50.386"' in html


def test_the_point_field_takes_a_point_in_a_district(centre):
    # when
    form = PointForm(data={"point_lat": "50,386", "point_lon": "30,37"})

    # then
    assert form.is_valid() is True
    assert form.cleaned_data["point"] == Location(
        lon=30.37, lat=50.386, address=None, district=centre, text=""
    )
    assert 'name="point_address"' not in str(form)


def test_the_point_field_is_required_and_checked(centre):
    # when
    empty = PointForm(data={})
    outside = PointForm(data={"point_lat": "30.37", "point_lon": "50.386"})

    # then
    with translation.override("uk"):
        assert empty.errors["point"] == [
            "Поставте точку на мапі або введіть її координати."
        ]
        assert outside.errors["point"] == ["Точка поза межами міста."]
