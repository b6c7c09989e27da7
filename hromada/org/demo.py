"""Build the demo city's structure and its ~130 employees (demo mode only)."""

from datetime import date

from django.db import transaction

from hromada.accounts import selectors as account_selectors
from hromada.accounts import services as account_services
from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.core.demo import DemoContext
from hromada.org import demo_data, services
from hromada.org.models import OrgUnit, Position

DEMO_DOMAIN = "vyshneve.example"
APPOINTED_ON = date(2021, 1, 4)

# Official transliteration (Cabinet of Ministers resolution №55 of 27.01.2010),
# simplified to the in-word forms, for demo e-mail addresses only.
TRANSLIT = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя’'",
        [
            "a",
            "b",
            "v",
            "h",
            "g",
            "d",
            "e",
            "ie",
            "zh",
            "z",
            "y",
            "i",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "iu",
            "ia",
            "",
            "",
        ],
        strict=True,
    )
)


def _latin(text: str) -> str:
    return "".join(TRANSLIT.get(ch, ch) for ch in text.lower())


class _People:
    """Deterministic invented names and unique addresses."""

    def __init__(self, context: DemoContext) -> None:
        self.rng = context.rng
        self.password_hash = context.password_hash
        self.used: set[str] = set()
        self.phone_seq = 20100

    def person(self) -> tuple[str, str, str]:
        female = self.rng.random() < 0.6
        first = self.rng.choice(
            demo_data.FEMALE_NAMES if female else demo_data.MALE_NAMES
        )
        patronymic = self.rng.choice(demo_data.PATRONYMICS)[1 if female else 0]
        return self.rng.choice(demo_data.SURNAMES), first, patronymic

    def phone(self) -> str:
        self.phone_seq += self.rng.randint(1, 9)
        digits = str(self.phone_seq)
        return f"(04598) {digits[0]}-{digits[1:3]}-{digits[3:]}"

    def account(self, *, local: str, role: Role) -> User:
        last, first, patronymic = self.person()
        if not local:
            local = f"{_latin(first)}.{_latin(last)}"
            base, n = local, 1
            while local in self.used:
                n += 1
                local = f"{base}{n}"
        self.used.add(local)
        return account_services.user_create(
            actor=None,
            email=f"{local}@{DEMO_DOMAIN}",
            password=None,
            password_hash=self.password_hash,
            last_name=last,
            first_name=first,
            patronymic=patronymic,
            roles=frozenset({role}),
            email_verified=True,
        )

    def appoint(self, *, position: Position, local: str = "") -> None:
        user = self.account(local=local, role=Role(position.role))
        services.employee_appoint(
            actor=None,
            user=user,
            position=position,
            valid_from=APPOINTED_ON,
            work_phone=self.phone(),
            room=str(100 + self.rng.randint(1, 250)),
        )


def _units() -> dict[str, OrgUnit]:
    units: dict[str, OrgUnit] = {}
    for order, (key, parent, kind, index, name, short, _staff) in enumerate(
        demo_data.UNITS
    ):
        units[key] = services.org_unit_create(
            actor=None,
            name=name,
            kind=kind,
            parent=units.get(parent or ""),
            short_name=short,
            unit_index=index,
            sort_order=order * 10,
            address=demo_data.ADDRESS,
            reception_hours=demo_data.RECEPTION_HOURS.get(
                kind, demo_data.RECEPTION_HOURS_DEFAULT
            ),
            email=f"{key}@{DEMO_DOMAIN}",
            phone=f"(04598) 2-{10 + order:02d}-00",
        )
    return units


def _post(
    unit: OrgUnit, title: str, role: Role, *, is_head: bool, order: int
) -> Position:
    return services.position_create(
        actor=None,
        org_unit=unit,
        title=title,
        role=role,
        is_head=is_head,
        sort_order=order,
    )


def _staff_units(units: dict[str, OrgUnit], people: _People) -> None:
    placed = {
        unit: [acc for acc in demo_data.ROLE_ACCOUNTS if acc[1] == unit]
        for unit in units
    }
    for key, _parent, kind, _index, _name, _short, staff in demo_data.UNITS:
        if staff == 0:
            continue
        unit = units[key]
        head_account = next((a[0] for a in placed[key] if a[3]), "")
        head = _post(
            unit, demo_data.HEAD_TITLES[kind], Role.UNIT_HEAD, is_head=True, order=0
        )
        people.appoint(position=head, local=head_account)
        special = [a for a in placed[key] if not a[3]]
        titles = demo_data.STAFF_TITLES[kind]
        default_role = Role.DISPATCHER if kind == "enterprise" else Role.EXECUTOR
        for n in range(staff - 1):
            local, role = (
                (special[n][0], special[n][2])
                if n < len(special)
                else ("", default_role)
            )
            position = _post(
                unit, titles[n % len(titles)], role, is_head=False, order=n + 1
            )
            people.appoint(position=position, local=local)


@transaction.atomic
def load(context: DemoContext) -> None:
    """Create units, posts and employees once; later runs change nothing."""
    if (
        account_selectors.staff_user_list()
        .filter(email=f"mayor@{DEMO_DOMAIN}")
        .exists()
    ):
        return
    people = _People(context)
    units = _units()
    for order, (key, title, role, is_head, local) in enumerate(demo_data.LEADERSHIP):
        people.appoint(
            position=_post(units[key], title, role, is_head=is_head, order=order),
            local=local,
        )
    _staff_units(units, people)
    count = account_selectors.staff_user_list().count()
    context.log.append(f"org: {len(units)} units, {count} staff accounts")
