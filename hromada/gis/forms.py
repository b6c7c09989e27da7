"""Where something is, as a form field any room can use.

``LocationField`` asks for an address («Садова 14») and, optionally, a
point; ``PointField`` asks for a point only. Both clean to a ``Location``.
Add one to a form like any field::

    from hromada.gis.forms import LocationField

    class AppealForm(forms.Form):
        location = LocationField(label=_("Where is the problem?"))

    form.cleaned_data["location"]  # a Location, or None if left empty

Without JavaScript the person types the address, and the server finds it
in the registry: one match is taken; several come back as radio buttons to
choose from; none is an error. A point typed or put on the map must lie in
the city. With JavaScript (``map-picker.mjs``, loaded by the widget's
template) addresses are suggested while typing and a Leaflet map places the
point; the address input stays the accessible way in.
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hromada.gis import selectors
from hromada.gis.models import Address, District

COORDINATE_CLASSES = "govuk-input govuk-input--width-10"


@dataclass(frozen=True, kw_only=True)
class Location:
    """A cleaned location: the point, the registry address if one was named
    or chosen, the district the point lies in, and the words typed."""

    lon: float
    lat: float
    address: Address | None
    district: District | None
    text: str

    @property
    def label(self) -> str:
        """How to write the place: the registry's address, else the words."""
        return str(self.address) if self.address is not None else self.text


class CoordinateField(forms.FloatField):
    """A longitude or latitude in degrees; «30,3701» reads as «30.3701»."""

    # django-stubs types FloatField.to_python as IntegerField's.
    def to_python(self, value: Any) -> float | None:  # type: ignore[override]
        """The number typed, with a decimal comma allowed."""
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        number: float | None = super().to_python(value)
        return number


class LocationWidget(forms.MultiWidget):
    """The inputs of ``LocationField``; ``gis/widgets/location.html`` lays
    them out.

    ``candidates`` holds the addresses to choose from after an ambiguous
    address; ``LocationField`` sets it while cleaning.
    """

    template_name = "gis/widgets/location.html"
    parts: tuple[str, ...] = ("address", "lat", "lon", "choice")

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            part: forms.TextInput(attrs=self.part_attrs(part)) for part in self.parts
        }
        super().__init__(widgets, attrs)
        self.candidates: list[Address] = []

    @staticmethod
    def part_attrs(part: str) -> dict[str, str]:
        """The fixed attributes of one input; the template adds the rest."""
        if part == "address":
            return {
                "class": "govuk-input",
                "autocomplete": "off",
                "spellcheck": "false",
                "data-map-picker": "address",
            }
        return {
            "class": COORDINATE_CLASSES,
            "inputmode": "decimal",
            "spellcheck": "false",
            "data-map-picker": part,
        }

    def decompress(self, value: Any) -> list[Any]:
        """A ``Location`` as the values of the inputs."""
        if isinstance(value, Location):
            values = {"address": value.label, "lon": value.lon, "lat": value.lat}
            return [values.get(part) for part in self.parts]
        return [None] * len(self.parts)

    def get_context(
        self, name: str, value: Any, attrs: dict[str, Any] | None
    ) -> dict[str, Any]:
        """Django's context, each input by its part's name, and the map's
        settings and texts for the picker."""
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        has_error = widget["attrs"].get("aria-invalid") == "true"
        for part, subwidget in zip(self.parts, widget["subwidgets"], strict=True):
            if has_error and part != "choice":
                subwidget["attrs"]["class"] += " govuk-input--error"
            widget[part] = subwidget
        widget["candidates"] = [
            (str(address.public_id), str(address), address.district)
            for address in self.candidates
        ]
        widget["map"] = map_settings()
        for part in ("lat", "lon"):
            coordinate = widget[part]["attrs"]
            coordinate["aria-describedby"] = f"{coordinate.get('id', '')}-hint"
        if "address" in self.parts:
            address = widget["address"]
            address["attrs"].update(_suggestion_attrs(address))
        return context


def map_settings() -> dict[str, str]:
    """The map's settings as the picker reads them from data-* attributes.

    Numbers are written here, not in the template, where the Ukrainian
    locale would turn 50.386 into «50,386».
    """
    config = settings.HROMADA_MAP
    return {
        "tiles": str(config["tiles"]),
        "attribution": str(config["attribution"]),
        "center": ",".join(str(float(c)) for c in config["center"]),
        "zoom": str(int(config["zoom"])),
        "bounds": ",".join(str(float(c)) for c in config["bounds"]),
    }


def _suggestion_attrs(address: dict[str, Any]) -> dict[str, str]:
    """htmx asks ``views.address_search`` for suggestions as the person types.

    A GET from an input sends only that input, under its own name; ``field``
    tells the endpoint which name holds the words.
    """
    input_id = address["attrs"]["id"]
    search_url = reverse("gis:address_search")
    return {
        "data-hx-get": f"{search_url}?field={address['name']}",
        "data-hx-trigger": "input changed delay:300ms",
        "data-hx-target": f"#{input_id}-suggestions",
        "data-hx-sync": "this:replace",
        "aria-describedby": f"{input_id}-hint",
    }


class PointWidget(LocationWidget):
    """The inputs of ``PointField``: longitude and latitude, and the map."""

    parts = ("lat", "lon")


class CityPointMixin:
    """The checks of a point shared by both fields; one to two queries."""

    error_messages: dict[str, Any]

    def _point(self, lon: float | None, lat: float | None) -> Location | None:
        if lon is None and lat is None:
            return None
        if lon is None or lat is None:
            raise ValidationError(self.error_messages["half_point"], code="half_point")
        place = selectors.point_place(lon=lon, lat=lat)
        if not place.is_in_city:
            raise ValidationError(self.error_messages["outside"], code="outside")
        return Location(
            lon=lon, lat=lat, address=None, district=place.district, text=""
        )


POINT_ERRORS = {
    "half_point": _("Give both the longitude and the latitude, or neither."),
    "outside": _("The point is outside the city."),
    "bad_coordinate": _(
        "Give the longitude and the latitude as numbers, for example 30.3701."
    ),
}


def _coordinate_fields() -> tuple[CoordinateField, CoordinateField]:
    """Latitude, then longitude: the order people read coordinates in."""
    bad = {"invalid": POINT_ERRORS["bad_coordinate"]}
    return (
        CoordinateField(
            required=False, min_value=-90, max_value=90, error_messages=bad
        ),
        CoordinateField(
            required=False, min_value=-180, max_value=180, error_messages=bad
        ),
    )


class LocationField(CityPointMixin, forms.MultiValueField):
    """An address of the city's registry and an optional point; cleans to a
    ``Location``.

    With a point, the point wins (and gives the district); the address is
    then kept if the registry knows it, and the words otherwise. Without
    one, the address must name one registry address (the person picks
    among several). Two queries at most, whatever the registry's size.
    """

    widget = LocationWidget
    default_error_messages = {
        "required": _("Enter the address, for example «Садова 14»."),
        "not_found": _(
            "We could not find this address in the city's registry. Check the "
            "street and the building number, or put the point on the map."
        ),
        "ambiguous": _(
            "Several addresses fit. Choose yours below, or add the building number."
        ),
        **POINT_ERRORS,
    }

    def __init__(self, **kwargs: Any) -> None:
        fields = (
            forms.CharField(required=False, max_length=200),
            *_coordinate_fields(),
            forms.CharField(required=False, max_length=64),
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[Any]) -> Location | None:
        """The location the inputs name, or a ``ValidationError``."""
        if not data_list:
            return None
        text, lat, lon, choice = data_list
        text = (text or "").strip()
        point = self._point(lon, lat)
        if point is not None:
            address = selectors.address_resolve(text=text).address if text else None
            return Location(
                lon=point.lon,
                lat=point.lat,
                address=address,
                district=point.district,
                text=text,
            )
        if not text:
            raise ValidationError(self.error_messages["required"], code="required")
        return self._registry_address(text, choice or "")

    def _registry_address(self, text: str, choice: str) -> Location:
        resolution = selectors.address_resolve(text=text)
        address = resolution.address or next(
            (a for a in resolution.candidates if str(a.public_id) == choice), None
        )
        if address is not None:
            return Location(
                lon=address.lon,
                lat=address.lat,
                address=address,
                district=address.district,
                text=text,
            )
        if resolution.candidates:
            self.widget.candidates = list(resolution.candidates)
            raise ValidationError(self.error_messages["ambiguous"], code="ambiguous")
        raise ValidationError(self.error_messages["not_found"], code="not_found")


class PointField(CityPointMixin, forms.MultiValueField):
    """A point in the city, typed as longitude and latitude or put on the
    map; cleans to a ``Location`` without an address."""

    widget = PointWidget
    default_error_messages = {
        "required": _("Put the point on the map, or type its coordinates."),
        **POINT_ERRORS,
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(_coordinate_fields(), require_all_fields=False, **kwargs)

    def compress(self, data_list: list[Any]) -> Location | None:
        """The point the inputs name, or a ``ValidationError``."""
        if not data_list:
            return None
        lat, lon = data_list
        return self._point(lon, lat)
