"""The city's districts and address registry, in WGS 84 (EPSG:4326).

Geometry is GeoJSON in a JSONField with bounding-box columns beside it
(ARCHITECTURE.md §1: this Python cannot load SpatiaLite): a lookup by
point first narrows by the indexed box, then shapely decides.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hromada.core.models import BaseModel


class District(BaseModel):
    """A part of the city with a boundary: routing and statistics use it."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    code = models.SlugField(_("code"), max_length=50, unique=True)
    # A GeoJSON Polygon or MultiPolygon, longitude before latitude.
    geometry = models.JSONField(_("boundary"))
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]
        indexes = [models.Index(fields=["min_lon", "max_lon", "min_lat", "max_lat"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_lon__lte=F("max_lon")) & Q(min_lat__lte=F("max_lat")),
                name="gis_district_box_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class StreetKind(models.TextChoices):
    """How Ukrainian addresses name a thoroughfare (вул., просп., пров., …)."""

    STREET = "street", _("street")
    AVENUE = "avenue", _("avenue")
    LANE = "lane", _("lane")
    BOULEVARD = "boulevard", _("boulevard")
    SQUARE = "square", _("square")
    DRIVE = "drive", _("drive")


# As addresses are written: «вул. Садова, 14» (ДСТУ 4163-2020 practice).
STREET_ABBREVIATIONS = {
    StreetKind.STREET: _("st."),
    StreetKind.AVENUE: _("ave."),
    StreetKind.LANE: _("ln."),
    StreetKind.BOULEVARD: _("blvd."),
    StreetKind.SQUARE: _("sq."),
    StreetKind.DRIVE: _("dr."),
}


class Street(BaseModel):
    """A street of the address registry, by its current name."""

    kind = models.CharField(
        _("kind"), max_length=16, choices=StreetKind, default=StreetKind.STREET
    )
    name = models.CharField(_("name"), max_length=200)
    # Lower-case, apostrophes unified: what address search matches against.
    search_name = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        verbose_name = _("street")
        verbose_name_plural = _("streets")
        ordering = ["name", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "search_name"], name="gis_street_once"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=StreetKind.values), name="gis_street_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{STREET_ABBREVIATIONS[StreetKind(self.kind)]} {self.name}"


class Address(BaseModel):
    """A building's address with its point and the district it lies in."""

    street = models.ForeignKey(
        Street,
        verbose_name=_("street"),
        on_delete=models.PROTECT,
        related_name="addresses",
    )
    number = models.CharField(_("building number"), max_length=20)
    lon = models.FloatField(_("longitude"))
    lat = models.FloatField(_("latitude"))
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="addresses",
    )

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["street__name", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["street", "number"], name="gis_address_once"
            ),
            models.CheckConstraint(
                condition=Q(lon__gte=-180, lon__lte=180, lat__gte=-90, lat__lte=90),
                name="gis_address_point_on_earth",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.street}, {self.number}"
