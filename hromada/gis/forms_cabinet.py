"""Forms of the cabinet pages where GIS editors keep the map data."""

import csv
import io
import json
import uuid
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from hromada.core.errors import ApplicationError
from hromada.gis import geometry
from hromada.gis.forms import PointField
from hromada.gis.models import StreetKind
from hromada.gis.services import AddressRow

MAX_GEOJSON_BYTES = 5 * 1024 * 1024
MAX_CSV_BYTES = 1024 * 1024
MAX_CSV_ROWS = 5000
CSV_COLUMNS = ("number", "lon", "lat")


def once_field() -> forms.UUIDField:
    """A hidden key made when the form is shown: the creating service claims
    it, so a form sent twice creates one record (``hromada.core.once``)."""
    return forms.UUIDField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4)


def _file_text(upload: UploadedFile, limit: int) -> str:
    if upload.size is not None and upload.size > limit:
        raise forms.ValidationError(
            _("The file is larger than %(size)s MB."),
            params={"size": limit // (1024 * 1024)},
            code="too_large",
        )
    try:
        return upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise forms.ValidationError(
            _("The file is not text in UTF-8."), code="encoding"
        ) from None


class DistrictForm(forms.Form):
    """A district's name, code and boundary, pasted or uploaded as GeoJSON."""

    name = forms.CharField(label=_("District name"), max_length=200)
    code = forms.SlugField(
        label=_("Code"),
        max_length=50,
        help_text=_("Latin letters, digits and hyphens, for example tsentralnyi."),
    )
    geometry = forms.CharField(
        label=_("Boundary as GeoJSON"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text=_(
            "A Polygon or MultiPolygon in longitude and latitude (WGS 84), or "
            "a Feature or a FeatureCollection with one feature."
        ),
    )
    geometry_file = forms.FileField(
        label=_("Or upload a GeoJSON file"),
        required=False,
        help_text=_("A file wins over pasted text. 5 MB at most."),
    )
    once = once_field()

    def clean(self) -> dict[str, Any]:
        """Read the boundary from the file or the text, as a geometry."""
        super().clean()
        data = self.cleaned_data
        upload = data.get("geometry_file")
        try:
            text = _file_text(upload, MAX_GEOJSON_BYTES) if upload else ""
        except forms.ValidationError as error:
            self.add_error("geometry_file", error)
            return data
        text = text or data.get("geometry", "")
        if not text.strip():
            self.add_error(
                "geometry", _("Paste the boundary as GeoJSON, or upload a file.")
            )
            return data
        try:
            data["boundary"] = geometry.area_of_document(json.loads(text))
        except json.JSONDecodeError:
            self.add_error("geometry", _("This is not GeoJSON: it is not valid JSON."))
        except ApplicationError as error:
            self.add_error("geometry", error.message)
        return data


class StreetForm(forms.Form):
    """A new street of the address registry."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=StreetKind.choices,
        initial=StreetKind.STREET,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label=_("Street name"),
        max_length=200,
        help_text=_("Without the kind: «Садова», «Лесі Українки»."),
    )
    once = once_field()


class StreetSearchForm(forms.Form):
    """The filter of the street list."""

    q = forms.CharField(label=_("Street name"), required=False, max_length=100)


class AddressForm(forms.Form):
    """A new building of a street: its number and its point."""

    number = forms.CharField(
        label=_("Building number"),
        max_length=20,
        help_text=_("For example 14, 14-А or 14/2."),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    point = PointField(label=_("The building’s point"))
    once = once_field()


class AddressImportForm(forms.Form):
    """A CSV file of one street's buildings: ``number,lon,lat`` per row."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8 text with a header row naming the columns number, lon and "
            "lat (longitude and latitude in degrees), one building a row. "
            "1 MB at most."
        ),
    )

    def clean_file(self) -> tuple[list[AddressRow], list[tuple[int, str]]]:
        """The rows that read well, and the lines that did not, with why."""
        text = _file_text(self.cleaned_data["file"], MAX_CSV_BYTES)
        reader = csv.DictReader(io.StringIO(text))
        missing = set(CSV_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise forms.ValidationError(
                _("The first row must name the columns number, lon and lat."),
                code="columns",
            )
        rows: list[AddressRow] = []
        unreadable: list[tuple[int, str]] = []
        for record in reader:
            if reader.line_num > MAX_CSV_ROWS + 1:
                raise forms.ValidationError(
                    _("The file has more than %(rows)s rows."),
                    params={"rows": MAX_CSV_ROWS},
                    code="too_many_rows",
                )
            row = _address_row(reader.line_num, record)
            if isinstance(row, AddressRow):
                rows.append(row)
            else:
                unreadable.append((reader.line_num, row))
        return rows, unreadable


def _address_row(line: int, record: dict[str, str | None]) -> AddressRow | str:
    try:
        lon, lat = (
            float((record.get(column) or "").strip().replace(",", "."))
            for column in ("lon", "lat")
        )
    except ValueError:
        return str(_("The longitude and the latitude must be numbers."))
    return AddressRow(line=line, number=record.get("number") or "", lon=lon, lat=lat)
