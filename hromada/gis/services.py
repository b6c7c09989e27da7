"""Writes of the map data: districts, streets and addresses, audited."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core import once
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
    once_key: UUID | None = None,
) -> District:
    """Create a district, or redraw ``district``; addresses follow it.

    Every address inside the old or the new box is placed again. A form sent
    twice with the same ``once_key`` returns the district the first saved.
    """
    _check_editor(actor)
    name = _required(name, "name")
    code = _required(code, "code")
    shape = geometry.boundary_from_geojson(boundary, field="boundary")
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="gis.district_save"
    )
    if earlier is not None:
        return District.objects.get(pk=earlier)
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
    once.submission_bind(key=once_key, target=district)
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
def street_create(
    *, actor: User, kind: StreetKind, name: str, once_key: UUID | None = None
) -> Street:
    """Add a street to the address registry; a name is kept once per kind.

    A form sent twice with the same ``once_key`` returns the first street.
    """
    _check_editor(actor)
    name = _required(name, "name")
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="gis.street_create"
    )
    if earlier is not None:
        return Street.objects.get(pk=earlier)
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
    once.submission_bind(key=once_key, target=street)
    return street


@transaction.atomic
def address_create(
    *,
    actor: User,
    street: Street,
    number: str,
    lon: float,
    lat: float,
    once_key: UUID | None = None,
) -> Address:
    """Add a building's address; its district is found from its point.

    A form sent twice with the same ``once_key`` returns the first address.
    """
    _check_editor(actor)
    number = _required(number, "number").upper()
    geometry.check_point(lon, lat)
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="gis.address_create"
    )
    if earlier is not None:
        return Address.objects.get(pk=earlier)
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
    once.submission_bind(key=once_key, target=address)
    return address


@dataclass(frozen=True, kw_only=True)
class AddressRow:
    """One building of an import: its number and point, and the line of the
    file it came from (for the report)."""

    line: int
    number: str
    lon: float
    lat: float


@dataclass(frozen=True, kw_only=True)
class AddressImport:
    """What an import did: the addresses added, the rows refused and why."""

    created: list[Address]
    rejected: list[tuple[int, str]]


@transaction.atomic
def addresses_import(
    *, actor: User, street: Street, rows: Sequence[AddressRow]
) -> AddressImport:
    """Add many buildings of one street at once, with one audit event.

    Each row is checked as ``address_create`` checks it, and its point must
    lie in the city (swapped longitude and latitude are the usual mistake
    in a file); refused rows are reported, the rest are added. The
    districts and the street's numbers are read once, whatever the size.
    """
    _check_editor(actor)
    taken = set(Address.objects.filter(street=street).values_list("number", flat=True))
    districts = list(selectors.district_list())
    accepted: list[Address] = []
    rejected: list[tuple[int, str]] = []
    for row in rows:
        address, reason = _import_row(row, street, districts, taken)
        if address is None:
            rejected.append((row.line, reason))
            continue
        taken.add(address.number)
        accepted.append(address)
    created = Address.objects.bulk_create(accepted)
    if created:
        audit_record(
            actor=actor,
            action="gis.addresses_import",
            target=street,
            data={"created": len(created), "rejected": len(rejected)},
        )
    return AddressImport(created=created, rejected=rejected)


def _import_row(
    row: AddressRow, street: Street, districts: list[District], taken: set[str]
) -> tuple[Address | None, str]:
    number = row.number.strip().upper()
    if not number:
        return None, _("The building number is missing.")
    if number in taken:
        return None, _("This address is in the registry already.")
    try:
        geometry.check_point(row.lon, row.lat)
    except ApplicationError as error:
        return None, error.message
    place = selectors.place_among(districts, lon=row.lon, lat=row.lat)
    if not place.is_in_city:
        return None, _("The point is outside the city.")
    address = Address(
        street=street, number=number, lon=row.lon, lat=row.lat, district=place.district
    )
    return address, ""
