import factory

from hromada.gis import selectors
from hromada.gis.models import Address, District, Street, StreetKind


def square(lon: float, lat: float, size: float = 0.01) -> dict:
    """A square GeoJSON Polygon with its south-west corner at lon, lat."""
    ring = [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


class DistrictFactory(factory.django.DjangoModelFactory):
    """A square district; ``lon``, ``lat`` and ``size`` place it."""

    class Meta:
        model = District
        exclude = ("lon", "lat", "size")

    lon = 30.33
    lat = 50.365
    size = 0.08
    name = factory.Sequence(lambda n: f"Район {n}")
    code = factory.Sequence(lambda n: f"district-{n}")
    geometry = factory.LazyAttribute(lambda d: square(d.lon, d.lat, d.size))
    min_lon = factory.SelfAttribute("lon")
    min_lat = factory.SelfAttribute("lat")
    max_lon = factory.LazyAttribute(lambda d: d.lon + d.size)
    max_lat = factory.LazyAttribute(lambda d: d.lat + d.size)


class StreetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Street

    kind = StreetKind.STREET
    name = factory.Sequence(lambda n: f"Тестова {n}")
    search_name = factory.LazyAttribute(lambda s: selectors.search_text(s.name))


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Address

    street = factory.SubFactory(StreetFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    lon = 30.37
    lat = 50.386
    district = None
