"""GeoJSON checks and point-in-boundary answers (shapely), in WGS 84."""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.prepared import PreparedGeometry, prep

from hromada.core.errors import ApplicationError

AREA_TYPES = frozenset({"Polygon", "MultiPolygon"})


def boundary_from_geojson(data: Any, *, field: str = "geometry") -> BaseGeometry:
    """A valid Polygon or MultiPolygon in longitude/latitude, or an error."""
    if not isinstance(data, Mapping) or data.get("type") not in AREA_TYPES:
        message = _("Give the boundary as a GeoJSON Polygon or MultiPolygon.")
        raise ApplicationError(
            message, code="geometry_kind", details={field: [message]}
        )
    try:
        boundary = shape(data)
    except (ValueError, TypeError, AttributeError, IndexError):
        boundary = None
    if boundary is None or boundary.is_empty or not boundary.is_valid:
        message = _("The boundary is not a valid closed polygon.")
        raise ApplicationError(
            message, code="geometry_invalid", details={field: [message]}
        )
    min_lon, min_lat, max_lon, max_lat = boundary.bounds
    if min_lon < -180 or max_lon > 180 or min_lat < -90 or max_lat > 90:
        message = _("Coordinates are longitude and latitude in degrees (WGS 84).")
        raise ApplicationError(
            message, code="geometry_range", details={field: [message]}
        )
    return boundary


def area_of_document(data: Any, *, field: str = "geometry") -> Any:
    """The geometry a GeoJSON document gives for one area.

    A bare geometry, a Feature, or a FeatureCollection of exactly one
    feature (what GIS programs export for one district); its kind is
    checked later, by ``boundary_from_geojson``.
    """
    if isinstance(data, Mapping) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list) or len(features) != 1:
            message = _("A FeatureCollection must hold exactly one feature.")
            raise ApplicationError(
                message, code="geometry_features", details={field: [message]}
            )
        data = features[0]
    if isinstance(data, Mapping) and data.get("type") == "Feature":
        data = data.get("geometry")
    return data


def check_point(lon: float, lat: float) -> None:
    """A longitude and latitude on the Earth, or a clear error."""
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        message = _("Coordinates are longitude and latitude in degrees (WGS 84).")
        raise ApplicationError(
            message, code="point_range", details={"point": [message]}
        )


def prepared(boundary: Mapping[str, Any]) -> PreparedGeometry:
    """``boundary`` parsed and prepared for many point tests."""
    return prep(shape(boundary))


def covers(boundary: PreparedGeometry, lon: float, lat: float) -> bool:
    """Whether a prepared boundary holds the point (its edge included)."""
    return bool(boundary.covers(Point(lon, lat)))
