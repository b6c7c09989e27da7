"""The demo city's map: five districts of Вишневе, its streets and buildings.

The districts tile the city's box without overlapping, and every building
is laid out along its street inside that box, so every address has a
district. Everything is written through the services, by the demo GIS
editor (the org room's demo makes it) or else the system administrator.
"""

from dataclasses import dataclass

from django.db import transaction

from hromada.accounts.demo import demo_email
from hromada.accounts.models import User
from hromada.core.demo import DemoContext
from hromada.gis import permissions, selectors, services
from hromada.gis.models import StreetKind

# The demo city's box: about 5.7 km from west to east, 4.4 km north to south.
WEST, EAST, SOUTH, NORTH = 30.330, 30.410, 50.365, 50.405
# The centre's edges; the other four districts surround it.
C_WEST, C_EAST, C_SOUTH, C_NORTH = 30.355, 30.385, 50.378, 50.394

# (name, code, west, south, east, north)
DISTRICTS = [
    ("Центральний", "tsentralnyi", C_WEST, C_SOUTH, C_EAST, C_NORTH),
    ("Північний", "pivnichnyi", WEST, C_NORTH, EAST, NORTH),
    ("Південний", "pivdennyi", WEST, SOUTH, EAST, C_SOUTH),
    ("Західний", "zakhidnyi", WEST, C_SOUTH, C_WEST, C_NORTH),
    ("Східний", "skhidnyi", C_EAST, C_SOUTH, EAST, C_NORTH),
]

S, AVE, LN, BLVD, SQ = (
    StreetKind.STREET,
    StreetKind.AVENUE,
    StreetKind.LANE,
    StreetKind.BOULEVARD,
    StreetKind.SQUARE,
)
STREETS = [
    (S, "Садова"),
    (S, "Шевченка"),
    (S, "Київська"),
    (S, "Лесі Українки"),
    (S, "Соборна"),
    (AVE, "Незалежності"),
    (S, "Миру"),
    (S, "Паркова"),
    (S, "Шкільна"),
    (S, "Молодіжна"),
    (S, "Квітнева"),
    (S, "Вишнева"),
    (S, "Грушевського"),
    (S, "Івана Франка"),
    (S, "Богдана Хмельницького"),
    (S, "Лісова"),
    (S, "Польова"),
    (S, "Зелена"),
    (S, "Вокзальна"),
    (S, "Залізнична"),
    (S, "Григорія Сковороди"),
    (S, "Ярослава Мудрого"),
    (S, "Михайла Коцюбинського"),
    (S, "Героїв Небесної Сотні"),
    (S, "Василя Стуса"),
    (S, "Каштанова"),
    (S, "Об’їзна"),
    (S, "Набережна"),
    (S, "Сонячна"),
    (S, "В’ячеслава Чорновола"),
    (S, "Українська"),
    (S, "Степова"),
    (AVE, "Європейський"),
    (BLVD, "Вишневий"),
    (SQ, "Свободи"),
    (LN, "Садовий"),
    (LN, "Шкільний"),
    (LN, "Квітковий"),
    (LN, "Тихий"),
    (LN, "Парковий"),
]
# The citizen of the accounts demo lives at «вул. Садова, 12».
FIXED_BUILDINGS = {"Садова": 15}
SPACING = 0.0006  # degrees between neighbours, about 45 m
SIDE = 0.0002  # odd numbers on one side of the street, even on the other
MARGIN = 0.002


@dataclass(frozen=True)
class _Line:
    """Where a street runs: along a latitude or along a longitude."""

    is_east_west: bool
    at: float
    start: float


def _editor() -> User | None:
    emails = [demo_email("gis"), demo_email("admin")]
    for user in User.objects.filter(email__in=emails).order_by("email"):
        if permissions.can_edit_map_data(user):
            return user
    return None


def _square(west: float, south: float, east: float, north: float) -> dict[str, object]:
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def _line(context: DemoContext, index: int, length: float) -> _Line:
    """Streets alternate: even ones run east–west, odd ones north–south,
    spread evenly across the box, each starting at a random place."""
    is_east_west = index % 2 == 0
    slot = index // 2
    slots = (len(STREETS) + 1) // 2
    low, high = (WEST, EAST) if is_east_west else (SOUTH, NORTH)
    across_low, across_high = (SOUTH, NORTH) if is_east_west else (WEST, EAST)
    step = (across_high - across_low - 2 * MARGIN) / (slots - 1)
    start = context.rng.uniform(low + MARGIN, high - MARGIN - length)
    return _Line(
        is_east_west=is_east_west, at=across_low + MARGIN + slot * step, start=start
    )


def _rows(line: _Line, count: int) -> list[services.AddressRow]:
    rows = []
    for number in range(1, count + 1):
        # Odd numbers on one side, even on the other, a pair every 2 steps.
        along = line.start + ((number - 1) // 2 * 2 + number % 2) * SPACING
        across = line.at + (SIDE if number % 2 else -SIDE)
        lon, lat = (along, across) if line.is_east_west else (across, along)
        rows.append(
            services.AddressRow(
                line=number, number=str(number), lon=round(lon, 6), lat=round(lat, 6)
            )
        )
    return rows


@transaction.atomic
def load(context: DemoContext) -> None:
    """Draw the districts, then add the streets and their buildings, once."""
    if selectors.district_list().exists():
        return
    editor = _editor()
    if editor is None:
        context.log.append("gis: no demo GIS editor, no map data")
        return
    for name, code, *box in DISTRICTS:
        services.district_save(
            actor=editor, name=name, code=code, boundary=_square(*box)
        )
    buildings = 0
    for index, (kind, name) in enumerate(STREETS):
        count = FIXED_BUILDINGS.get(name) or context.rng.randint(8, 15)
        street = services.street_create(actor=editor, kind=kind, name=name)
        line = _line(context, index, length=count * SPACING)
        result = services.addresses_import(
            actor=editor, street=street, rows=_rows(line, count)
        )
        buildings += len(result.created)
    context.log.append(
        f"gis: {len(DISTRICTS)} districts, {len(STREETS)} streets, "
        f"{buildings} buildings"
    )
