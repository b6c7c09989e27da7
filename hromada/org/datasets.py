"""The org room's open datasets (КМУ №835): the directory of the council's
units and its organisational structure.

Only what a unit publishes about itself (codes, addresses, official phones
and e-mails) and the names of the officials heading units, which are
public information; never an employee's own phone, e-mail or any private
person's data (DOMAIN.md OD-05).
"""

from collections.abc import Iterator

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from hromada.core.datasets import (
    ColumnType,
    DatasetColumn,
    DatasetProducer,
    Row,
    UpdateFrequency,
    dataset_producer_register,
)
from hromada.org import selectors
from hromada.org.models import OrgUnit, OrgUnitKind, Position

LEGAL_BASIS = _(
    "Law of Ukraine “On Access to Public Information”, Art. 10-1; Resolution "
    "of the Cabinet of Ministers of Ukraine No. 835 of 21.10.2015."
)
UNIT_ID = DatasetColumn(
    name="id", title=_("Identifier"), description=_("The unit's permanent id.")
)
UNIT_NAME = DatasetColumn(name="name", title=_("Name"))
UNIT_KIND = DatasetColumn(
    name="kind", title=_("Kind"), description=_("Council, department, sector…")
)

DIRECTORY_COLUMNS = (
    UNIT_ID,
    UNIT_NAME,
    DatasetColumn(name="short_name", title=_("Short name")),
    UNIT_KIND,
    DatasetColumn(
        name="edrpou",
        title=_("ЄДРПОУ code"),
        description=_("Empty when the unit is not a legal person of its own."),
    ),
    DatasetColumn(name="address", title=_("Address")),
    DatasetColumn(name="phone", title=_("Phone")),
    DatasetColumn(name="email", title=_("E-mail")),
    DatasetColumn(name="reception_hours", title=_("Reception of citizens")),
    DatasetColumn(
        name="website",
        title=_("Website"),
        description=_("The council's website, where every unit is presented."),
        type=ColumnType.URL,
    ),
)
STRUCTURE_COLUMNS = (
    UNIT_ID,
    DatasetColumn(
        name="parent_id",
        title=_("Parent unit"),
        description=_("The identifier of the unit above; empty at the top."),
    ),
    UNIT_NAME,
    UNIT_KIND,
    DatasetColumn(name="unit_index", title=_("Unit index")),
    DatasetColumn(name="head_position", title=_("Head's position")),
    DatasetColumn(
        name="head_name",
        title=_("Head"),
        description=_("The official holding the head's post; empty while vacant."),
    ),
    DatasetColumn(
        name="positions",
        title=_("Posts"),
        description=_("How many posts the unit has."),
        type=ColumnType.INTEGER,
    ),
)


def _units() -> list[OrgUnit]:
    return list(selectors.org_unit_list_active().order_by("sort_order", "name", "pk"))


def directory_rows() -> Iterator[Row]:
    """One row per active unit: its public contacts."""
    for unit in _units():
        yield {
            "id": str(unit.public_id),
            "name": unit.name,
            "short_name": unit.short_name,
            "kind": OrgUnitKind(unit.kind).label,
            "edrpou": unit.edrpou,
            "address": unit.address,
            "phone": unit.phone,
            "email": unit.email,
            "reception_hours": unit.reception_hours,
            "website": settings.HROMADA_SITE_URL,
        }


def _heads() -> dict[int, tuple[str, str]]:
    """Unit id → (head's position, the name of who holds it now)."""
    holders: dict[int, str] = {}
    for employee in selectors.employee_list_current().filter(position__is_head=True):
        holders.setdefault(employee.position_id, employee.user.get_full_name())
    heads: dict[int, tuple[str, str]] = {}
    for position in Position.objects.filter(is_head=True).order_by("sort_order", "pk"):
        heads.setdefault(
            position.org_unit_id, (position.title, holders.get(position.pk, ""))
        )
    return heads


def structure_rows() -> Iterator[Row]:
    """One row per active unit: where it sits and who heads it."""
    heads = _heads()
    posts: dict[int, int] = {}
    for unit_id in Position.objects.values_list("org_unit_id", flat=True):
        posts[unit_id] = posts.get(unit_id, 0) + 1
    for unit in _units():
        position, name = heads.get(unit.pk, ("", ""))
        yield {
            "id": str(unit.public_id),
            "parent_id": str(unit.parent.public_id) if unit.parent else None,
            "name": unit.name,
            "kind": OrgUnitKind(unit.kind).label,
            "unit_index": unit.unit_index,
            "head_position": position,
            "head_name": name,
            "positions": posts.get(unit.pk, 0),
        }


def datasets_register() -> None:
    """Offer the room's datasets to the open-data catalogue."""
    dataset_producer_register(
        DatasetProducer(
            name="dovidnyk-orhanizatsii",
            owner="org",
            title=_(
                "Directory of enterprises, institutions and organisations of the holder"
            ),
            description=_(
                "The council's units, executive bodies and municipal "
                "enterprises with their codes, addresses, phones, e-mails and "
                "website."
            ),
            purpose=_("To let people and businesses reach the right body."),
            legal_basis=LEGAL_BASIS,
            columns=DIRECTORY_COLUMNS,
            rows=directory_rows,
            frequency=UpdateFrequency.ON_CHANGE,
            keywords=("довідник", "контакти", "структурні підрозділи"),
        )
    )
    dataset_producer_register(
        DatasetProducer(
            name="orhanizatsiina-struktura",
            owner="org",
            title=_("Information about the organisational structure of the holder"),
            description=_(
                "Every unit of the council, the unit above it, its index, the "
                "position of its head and the official holding it."
            ),
            purpose=_("To show how the council is organised and who leads each unit."),
            legal_basis=LEGAL_BASIS,
            columns=STRUCTURE_COLUMNS,
            rows=structure_rows,
            frequency=UpdateFrequency.ON_CHANGE,
            keywords=("організаційна структура", "керівники", "структурні підрозділи"),
        )
    )
