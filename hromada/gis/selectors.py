"""Reads of the map data: the district of a point, addresses by words."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from uuid import UUID

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import translation

from hromada.gis import geometry
from hromada.gis.models import (
    STREET_ABBREVIATIONS,
    Address,
    District,
    Street,
    StreetKind,
)

APOSTROPHES = re.compile(r"[’'ʼ`]")
SPACES = re.compile(r"\s+")
# «Садова 14», «вул. Садова, 14-А», «8 Березня 5 б», «Садова 14/2»: the
# building number is the last part and starts with a digit.
NUMBER_AT_END = re.compile(r"^(?P<street>.+?)[\s,]+(?P<number>\d[\w/-]*(?: \w)?)$")
# «14а» and «14-А» name the same building.
LETTER_SUFFIX = re.compile(r"^(\d+)-?([^\d/-].*)$")


def search_text(text: str) -> str:
    """How names are compared: lower case, one apostrophe, single spaces."""
    return SPACES.sub(" ", APOSTROPHES.sub("’", text)).strip().lower()


@dataclass(frozen=True, kw_only=True)
class AddressQuery:
    """Typed words read as an address: the kind if named, street, number."""

    kind: StreetKind | None
    street: str
    number: str


@cache
def _kind_words() -> dict[str, StreetKind]:
    """«вул», «вулиця», «st», «street»…: each kind's words, both languages."""
    words: dict[str, StreetKind] = {}
    for language in ("uk", "en"):
        with translation.override(language):
            for kind in StreetKind:
                for word in (STREET_ABBREVIATIONS[kind], kind.label):
                    words[search_text(str(word)).rstrip(".")] = kind
    return words


def address_query(text: str) -> AddressQuery:
    """Read «вул. Садова, 14» or «садова 14 а» as kind, street and number."""
    text = search_text(text.replace(",", " "))
    match = NUMBER_AT_END.match(text)
    street, number = (match["street"], match["number"]) if match else (text, "")
    words = street.split(" ") if street else []
    kind = None
    if len(words) > 1 and words[0].rstrip(".") in _kind_words():
        kind = _kind_words()[words.pop(0).rstrip(".")]
    elif len(words) > 1 and words[-1].rstrip(".") in _kind_words():
        kind = _kind_words()[words.pop().rstrip(".")]
    return AddressQuery(
        kind=kind, street=" ".join(words), number=number.replace(" ", "").upper()
    )


def number_variants(number: str) -> list[str]:
    """The spellings of one building number: «14А» and «14-А»."""
    match = LETTER_SUFFIX.match(number)
    if match is None:
        return [number]
    digits, letter = match.groups()
    return [f"{digits}{letter}", f"{digits}-{letter}"]


def _addresses_matching(
    query: AddressQuery, *, exact_number: bool
) -> QuerySet[Address]:
    addresses = Address.objects.filter(street__search_name__startswith=query.street)
    if query.kind is not None:
        addresses = addresses.filter(street__kind=query.kind)
    if query.number and exact_number:
        addresses = addresses.filter(number__in=number_variants(query.number))
    elif query.number:
        starts = Q()
        for variant in number_variants(query.number):
            starts |= Q(number__startswith=variant)
        addresses = addresses.filter(starts)
    return addresses.select_related("street", "district").order_by(
        "street__search_name", "street__kind", "number"
    )


def address_search(*, query: str, limit: int = 10) -> list[Address]:
    """Addresses whose street starts with the query's words, best first.

    "садова 14" finds «вул. Садова, 14»; a number narrows to buildings whose
    number starts with it (14, 14-А, 14/2). One query.
    """
    parsed = address_query(query)
    if not parsed.street:
        return []
    return list(_addresses_matching(parsed, exact_number=False)[:limit])


@dataclass(frozen=True, kw_only=True)
class AddressResolution:
    """What typed words name: one ``address``, or ``candidates`` to pick."""

    address: Address | None
    candidates: Sequence[Address]


def address_resolve(*, text: str, limit: int = 10) -> AddressResolution:
    """The one registry address ``text`` names, or the ones it may name.

    The street may be the start of its name (unless two streets fit), the
    number must be the building's (14-А and 14а alike). One query; at most
    ``limit`` candidates.
    """
    parsed = address_query(text)
    if not parsed.street:
        return AddressResolution(address=None, candidates=[])
    found = list(_addresses_matching(parsed, exact_number=True)[: limit + 1])
    # A street named exactly as typed wins over longer names starting so
    # (the ordering puts it first, so none of it is cut off).
    meant = [a for a in found if a.street.search_name == parsed.street] or found
    address = meant[0] if len(meant) == 1 else None
    return AddressResolution(address=address, candidates=meant[:limit])


def district_for_point(*, lon: float, lat: float) -> District | None:
    """The district that holds the point: the indexed box first, then shapely.

    On a shared edge the district first by name answers.
    """
    candidates = (
        District.objects.filter(
            min_lon__lte=lon, max_lon__gte=lon, min_lat__lte=lat, max_lat__gte=lat
        )
        .defer("geometry")
        .order_by("name")
    )
    return district_among(candidates, lon=lon, lat=lat)


def district_among(
    districts: Iterable[District], *, lon: float, lat: float
) -> District | None:
    """The first of ``districts`` whose boundary holds the point."""
    for district in districts:
        if (
            district.min_lon <= lon <= district.max_lon
            and district.min_lat <= lat <= district.max_lat
            and geometry.covers(_boundary(district), lon, lat)
        ):
            return district
    return None


# Districts' boundaries parsed once per process, by id and version: a
# boundary changes only with its row's ``updated_at``.
_BOUNDARIES: dict[tuple[int, object], geometry.PreparedGeometry] = {}
_BOUNDARIES_MAX = 1000


def _boundary(district: District) -> geometry.PreparedGeometry:
    key = (district.pk, district.updated_at)
    found = _BOUNDARIES.get(key)
    if found is None:
        if "geometry" in district.get_deferred_fields():
            data = District.objects.values_list("geometry", flat=True).get(
                pk=district.pk
            )
        else:
            data = district.geometry
        if len(_BOUNDARIES) >= _BOUNDARIES_MAX:
            _BOUNDARIES.clear()
        found = _BOUNDARIES[key] = geometry.prepared(data)
    return found


@dataclass(frozen=True, kw_only=True)
class PointPlace:
    """Where a point lies: inside the city or not, and in which district."""

    is_in_city: bool
    district: District | None


def city_bounds() -> tuple[float, float, float, float]:
    """The city's box from settings: min lon, min lat, max lon, max lat."""
    min_lon, min_lat, max_lon, max_lat = settings.HROMADA_MAP["bounds"]
    return float(min_lon), float(min_lat), float(max_lon), float(max_lat)


def place_among(districts: Sequence[District], *, lon: float, lat: float) -> PointPlace:
    """The place of a point given every district of the city (maybe none).

    Once districts are drawn the city is their union; before that, its box.
    """
    district = district_among(districts, lon=lon, lat=lat)
    if district is not None or districts:
        return PointPlace(is_in_city=district is not None, district=district)
    min_lon, min_lat, max_lon, max_lat = city_bounds()
    inside = min_lon <= lon <= max_lon and min_lat <= lat <= max_lat
    return PointPlace(is_in_city=inside, district=None)


def point_place(*, lon: float, lat: float) -> PointPlace:
    """Whether the point is in the city, and its district; two queries."""
    district = district_for_point(lon=lon, lat=lat)
    if district is not None:
        return PointPlace(is_in_city=True, district=district)
    if District.objects.exists():
        return PointPlace(is_in_city=False, district=None)
    return place_among([], lon=lon, lat=lat)


def point_in_city(*, lon: float, lat: float) -> bool:
    """Whether the point lies in a district, or in the city's box if none."""
    return point_place(lon=lon, lat=lat).is_in_city


def district_list() -> QuerySet[District]:
    """Every district, by name."""
    return District.objects.order_by("name")


def district_list_counted() -> QuerySet[District]:
    """Every district by name, with ``address_count``, in one query."""
    return district_list().annotate(address_count=Count("addresses"))


def district_get(*, public_id: UUID) -> District:
    """One district; ``District.DoesNotExist`` if there is none."""
    return District.objects.get(public_id=public_id)


def street_list(*, query: str = "") -> QuerySet[Street]:
    """Streets by name, those whose name holds ``query`` if given, with
    ``address_count``; one query."""
    streets = Street.objects.annotate(address_count=Count("addresses"))
    if text := search_text(query):
        streets = streets.filter(search_name__contains=text)
    return streets.order_by("search_name", "kind")


def street_get(*, public_id: UUID) -> Street:
    """One street; ``Street.DoesNotExist`` if there is none."""
    return Street.objects.get(public_id=public_id)


def address_list_for_street(*, street: Street) -> list[Address]:
    """A street's buildings, each with its district, in the order of their
    numbers (2 before 10, 14 before 14-А); one query."""
    addresses = street.addresses.select_related("district")
    return sorted(addresses, key=lambda address: number_order(address.number))


def number_order(number: str) -> tuple[int, str]:
    """Sort key of a building number: its leading digits, then the rest."""
    rest = number.lstrip("0123456789")
    head = number[: len(number) - len(rest)]
    return (int(head) if head else 0, rest)
