"""Writes of the map data: districts, streets and addresses, audited."""

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.gis import geometry, permissions, selectors
from hromada.gis.models import Address, District, Street, StreetKind


def _check_editor(actor: User) -> None:
    if not permissions.can_edit_map_data(actor):
        raise PermissionDeniedError(_("Map data is kept by GIS editors."))


def _required(value: str, field: str) -> str:
    value = value.strip()
    if not value:
        message = _("Fill in this field.")
        raise ApplicationError(message, code="required", details={field: [message]})
    return value


@transaction.atomic
def district_save(
    *,
    actor: User,
    name: str,
    code: str,
    boundary: Any,
    district: District | None = None,
) -> District:
    """Create a district, or redraw ``district``; addresses follow it.

    Every address inside the old or the new box is placed again.
    """
    _check_editor(actor)
    name = _required(name, "name")
    code = _required(code, "code")
    shape = geometry.boundary_from_geojson(boundary, field="boundary")
    min_lon, min_lat, max_lon, max_lat = shape.bounds
    old_box = None
    if district is None:
        district = District()
    else:
        district = District.objects.select_for_update().get(pk=district.pk)
        old_box = (
            district.min_lon,
            district.min_lat,
            district.max_lon,
            district.max_lat,
        )
    district.name, district.code, district.geometry = name, code, dict(boundary)
    district.min_lon, district.min_lat = min_lon, min_lat
    district.max_lon, district.max_lat = max_lon, max_lat
    try:
        with transaction.atomic():
            district.save()
    except IntegrityError:
        message = _("A district with this name or code exists already.")
        raise ApplicationError(
            message, code="district_exists", details={"name": [message]}
        ) from None
    for box in filter(None, (old_box, (min_lon, min_lat, max_lon, max_lat))):
        _addresses_place(box)
    audit_record(
        actor=actor,
        action="gis.district_save",
        target=district,
        data={
            "name": name,
            "code": code,
            "bounds": [min_lon, min_lat, max_lon, max_lat],
        },
    )
    return district


def _addresses_place(box: tuple[float, float, float, float]) -> None:
    """Place again every address in ``box``, reading the districts once."""
    min_lon, min_lat, max_lon, max_lat = box
    inside = Address.objects.filter(
        lon__gte=min_lon, lon__lte=max_lon, lat__gte=min_lat, lat__lte=max_lat
    ).values_list("pk", "lon", "lat", "district_id")
    districts = list(
        District.objects.filter(
            min_lon__lte=max_lon,
            max_lon__gte=min_lon,
            min_lat__lte=max_lat,
            max_lat__gte=min_lat,
        ).order_by("name")
    )
    moved: dict[int | None, list[int]] = {}
    for pk, lon, lat, district_id in inside.iterator():
        found = selectors.district_among(districts, lon=lon, lat=lat)
        placed = found.pk if found else None
        if placed != district_id:
            moved.setdefault(placed, []).append(pk)
    for placed, pks in moved.items():
        Address.objects.filter(pk__in=pks).update(district_id=placed)


@transaction.atomic
def street_create(*, actor: User, kind: StreetKind, name: str) -> Street:
    """Add a street to the address registry; a name is kept once per kind."""
    _check_editor(actor)
    name = _required(name, "name")
    search_name = selectors.search_text(name)
    if Street.objects.filter(kind=kind, search_name=search_name).exists():
        message = _("This street is in the registry already.")
        raise ApplicationError(
            message, code="street_exists", details={"name": [message]}
        )
    street = Street.objects.create(kind=kind, name=name, search_name=search_name)
    audit_record(
        actor=actor, action="gis.street_create", target=street, data={"name": name}
    )
    return street


@transaction.atomic
def address_create(
    *, actor: User, street: Street, number: str, lon: float, lat: float
) -> Address:
    """Add a building's address; its district is found from its point."""
    _check_editor(actor)
    number = _required(number, "number").upper()
    geometry.check_point(lon, lat)
    if Address.objects.filter(street=street, number=number).exists():
        message = _("This address is in the registry already.")
        raise ApplicationError(
            message, code="address_exists", details={"number": [message]}
        )
    district = selectors.district_for_point(lon=lon, lat=lat)
    address = Address.objects.create(
        street=street, number=number, lon=lon, lat=lat, district=district
    )
    audit_record(
        actor=actor,
        action="gis.address_create",
        target=address,
        data={"street": street.pk, "number": number},
    )
    return address
