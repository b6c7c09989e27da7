"""People of the synthetic EDMS history: units, staff, correspondents.

Part of the benchmark fixture of ``bench/edms_data.py`` (see there): rows
go straight in with ``bulk_create``, never through the services.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.documents.models import (
    Correspondent,
    CorrespondentKind,
    DocumentKind,
    Journal,
)
from hromada.org.models import Employee, OrgUnit, OrgUnitKind, Position

FULL_DOCUMENTS = 4_500_000
USERS = 1_500
YEARS = 10
DEPARTMENTS = 30
REGISTRARS = 10
BATCH = 5_000
SURNAMES = ("Коваленко", "Бондар", "Ткаченко", "Шевчук", "Мельник", "Кравець")
NAMES = ("Олена", "Андрій", "Ірина", "Сергій", "Марія", "Тарас", "Оксана")
ORGS = ("ТОВ «Водоканал»", "КП «Міськсвітло»", "ОСББ «Затишок»", "ГУ ДСНС")


@dataclass(kw_only=True)
class Staff:
    """The generated organisation: units, their people, the office."""

    units: list[OrgUnit]
    office: OrgUnit
    members: dict[int, list[User]]  # unit pk → executors
    heads: dict[int, User]
    registrars: list[User]
    busy: User


def people(rng: random.Random) -> Staff:
    """Units, 1,500 people with posts and roles; a fifth in the large unit."""
    today = timezone.localdate()
    root = OrgUnit.objects.create(
        kind=OrgUnitKind.EXECUTIVE_COMMITTEE, name="Виконавчий комітет", unit_index="00"
    )
    office = OrgUnit.objects.create(
        kind=OrgUnitKind.DEPARTMENT,
        name="Загальний відділ",
        unit_index="01",
        parent=root,
    )
    units = OrgUnit.objects.bulk_create(
        OrgUnit(
            kind=OrgUnitKind.DEPARTMENT,
            name=f"Управління № {i}",
            unit_index=f"{i + 2:02}",
            parent=root,
            sort_order=i,
        )
        for i in range(DEPARTMENTS)
    )
    users = User.objects.bulk_create(
        User(
            email=f"bench{i:05}@bench.example",
            last_name=rng.choice(SURNAMES),
            first_name=rng.choice(NAMES),
            password="!",  # unusable: these people never sign in
        )
        for i in range(USERS)
    )
    groups = {
        role: Group.objects.get_or_create(name=role.value)[0]
        for role in (Role.REGISTRAR, Role.EXECUTOR, Role.UNIT_HEAD)
    }
    registrars = users[:REGISTRARS]
    rest = users[REGISTRARS:]
    # A fifth of the staff work in the first department: the large unit.
    large_share = len(rest) // 5
    members: dict[int, list[User]] = {units[0].pk: rest[:large_share]}
    per_unit = (len(rest) - large_share) // (DEPARTMENTS - 1)
    for index, unit in enumerate(units[1:]):
        start = large_share + index * per_unit
        members[unit.pk] = rest[start : start + per_unit]
    heads = {pk: people[0] for pk, people in members.items()}
    positions: list[Position] = []
    holders: list[User] = []
    for person in registrars:
        positions.append(
            Position(org_unit=office, title="Діловод", role=Role.REGISTRAR)
        )
        holders.append(person)
    for unit in units:
        for person in members[unit.pk]:
            is_head = person is heads[unit.pk]
            role = Role.UNIT_HEAD if is_head else Role.EXECUTOR
            title = "Начальник" if is_head else "Головний спеціаліст"
            positions.append(
                Position(org_unit=unit, title=title, role=role, is_head=is_head)
            )
            holders.append(person)
    positions = Position.objects.bulk_create(positions, batch_size=BATCH)
    start = today - timedelta(days=365 * YEARS + 30)
    Employee.objects.bulk_create(
        (
            Employee(
                user=person,
                position=position,
                valid_from=start,
                directory_text=f"{person.last_name} {person.first_name}".casefold(),
            )
            for person, position in zip(holders, positions, strict=True)
        ),
        batch_size=BATCH,
    )
    through = User.groups.through
    memberships = [
        through(user_id=u.pk, group_id=groups[Role.REGISTRAR].pk) for u in registrars
    ]
    for unit in units:
        for person in members[unit.pk]:
            memberships.append(
                through(user_id=person.pk, group_id=groups[Role.EXECUTOR].pk)
            )
        memberships.append(
            through(user_id=heads[unit.pk].pk, group_id=groups[Role.UNIT_HEAD].pk)
        )
    through.objects.bulk_create(memberships, batch_size=BATCH)
    return Staff(
        units=units,
        office=office,
        members=members,
        heads=heads,
        registrars=registrars,
        busy=members[units[0].pk][1],
    )


def correspondents(rng: random.Random, scale: float) -> list[Correspondent]:
    """Organisations and persons who write to the council."""
    count = max(200, round(FULL_DOCUMENTS * scale / 50))
    rows = []
    for i in range(count):
        if i % 3 == 0:
            kind, name = CorrespondentKind.ORGANISATION, f"{rng.choice(ORGS)} {i}"
        else:
            kind = CorrespondentKind.PERSON
            name = f"{rng.choice(SURNAMES)} {rng.choice(NAMES)} ({i})"
        rows.append(Correspondent(kind=kind, name=name, search_name=name.casefold()))
    return Correspondent.objects.bulk_create(rows, batch_size=BATCH)


def journals(
    staff: Staff, kinds: tuple[tuple[str, float, str, str], ...]
) -> dict[str, Journal]:
    """The office's registration journals, one per kind: (kind, share,
    index template, case index)."""
    rows = [
        Journal(
            name=f"Журнал: {DocumentKind(kind).label}",
            kind=kind,
            org_unit=staff.office,
            index_template=template,
            case_index=case_index,
        )
        for kind, _share, template, case_index in kinds
    ]
    return {journal.kind: journal for journal in Journal.objects.bulk_create(rows)}
