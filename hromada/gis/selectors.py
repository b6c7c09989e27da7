"""Reads of the map data: the district of a point, addresses by words."""

import re
from collections.abc import Iterable

from django.db.models import QuerySet

from hromada.gis import geometry
from hromada.gis.models import Address, District

APOSTROPHES = re.compile(r"[’'ʼ`]")
SPACES = re.compile(r"\s+")


def search_text(text: str) -> str:
    """How names are compared: lower case, one apostrophe, single spaces."""
    return SPACES.sub(" ", APOSTROPHES.sub("’", text)).strip().lower()


def district_for_point(*, lon: float, lat: float) -> District | None:
    """The district that holds the point: the indexed box first, then shapely.

    On a shared edge the district first by name answers.
    """
    candidates = District.objects.filter(
        min_lon__lte=lon, max_lon__gte=lon, min_lat__lte=lat, max_lat__gte=lat
    ).order_by("name")
    return district_among(candidates, lon=lon, lat=lat)


def district_among(
    districts: Iterable[District], *, lon: float, lat: float
) -> District | None:
    """The first of ``districts`` whose boundary holds the point."""
    for district in districts:
        if (
            district.min_lon <= lon <= district.max_lon
            and district.min_lat <= lat <= district.max_lat
            and geometry.contains(district.geometry, lon, lat)
        ):
            return district
    return None


def district_list() -> QuerySet[District]:
    """Every district, by name."""
    return District.objects.order_by("name")


def address_search(*, query: str, limit: int = 10) -> list[Address]:
    """Addresses whose street starts with the query's words, best first.

    "садова 14" finds «вул. Садова, 14»; a number narrows to buildings whose
    number starts with it (14, 14-А, 14/2).
    """
    text = search_text(query)
    words = text.split(" ") if text else []
    number = words[-1] if len(words) > 1 and words[-1][:1].isdigit() else ""
    street = " ".join(words[:-1] if number else words)
    if not street:
        return []
    addresses = Address.objects.filter(street__search_name__startswith=street)
    if number:
        addresses = addresses.filter(number__istartswith=number)
    return list(
        addresses.select_related("street", "district").order_by(
            "street__search_name", "number"
        )[:limit]
    )
