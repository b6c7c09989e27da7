"""The demo city's appeals: about two hundred, filed through the filing
service by residents with accounts, by visitors and by the contact
centre; ``demo_life`` then takes each to where its plan says it stops.

The services stamp the present moment and the project has no sanctioned
way to move the clock at run time, so the whole history happens today:
the mix of states is real, the spread over months is not.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Final

from django.utils import timezone

from hromada.accounts import services as account_services
from hromada.accounts.demo import demo_email
from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.appeals import demo_answers
from hromada.appeals import demo_texts as texts
from hromada.appeals.models import (
    Appeal,
    AppealChannel,
    AppealSubject,
    AuthorCategory,
    AuthorGender,
    Category,
    SocialStatus,
)
from hromada.appeals.selectors import contact as contact_selectors
from hromada.appeals.services import filing, filing_input, following
from hromada.core.demo import DemoContext
from hromada.gis import selectors as gis_selectors
from hromada.gis.models import Address, District, Street
from hromada.org import demo_data as names
from hromada.org import selectors as org_selectors
from hromada.org.models import Employee, OrgUnit


class Fate(StrEnum):
    """Where a demo appeal's life stops."""

    REGISTERED = "registered"  # filed; nobody has taken it yet
    ASSIGNED = "assigned"  # with its executor
    EXTENDED = "extended"  # with its executor, the term extended
    WAITING = "waiting"  # the answer waits for the controller
    RETURNED = "returned"  # the controller sent the answer back
    ANSWERED = "answered"  # answered; the applicant has said nothing
    CLOSED = "closed"  # rated as resolved
    REOPENED = "reopened"  # rated "not resolved": back with its executor
    FORWARDED = "forwarded"  # sent on to the competent body


F = Fate
# The first appeals of demo_texts.FIRSTS; the even ones are the citizen's.
FIRST_FATES: Final = (
    F.CLOSED,
    F.ANSWERED,
    F.ANSWERED,
    F.WAITING,
    F.ASSIGNED,
    F.EXTENDED,
    F.REGISTERED,
    F.REGISTERED,
)
RESIDENTS: Final = 20
# Below the filing service's limit of five appeals in ten minutes.
APPEALS_PER_RESIDENT: Final = 4
BUSINESS_APPEALS: Final = 2
# Where the appeals of accounts and of visitors end up; only an account
# can rate its answer.
OWNED_FATES: Final = {
    F.CLOSED: 62,
    F.REOPENED: 4,
    F.ANSWERED: 6,
    F.ASSIGNED: 6,
    F.REGISTERED: 4,
}
VISITOR_FATES: Final = {
    F.ANSWERED: 58,
    F.ASSIGNED: 16,
    F.EXTENDED: 6,
    F.WAITING: 5,
    F.RETURNED: 3,
    F.REGISTERED: 12,
}
ROUTED_FATES: Final = (
    F.ANSWERED,
    F.ANSWERED,
    F.ANSWERED,
    F.ANSWERED,
    F.ASSIGNED,
    F.WAITING,
    F.REGISTERED,
    F.REGISTERED,
)
# How often each category comes up.
WEIGHTS: Final = {
    "heating_outage": 10,
    "water_outage": 8,
    "sewer_blockage": 5,
    "roof_leak": 8,
    "elevator_fault": 6,
    "billing_dispute": 5,
    "lighting_fault": 12,
    "waste_collection": 11,
    "yard_cleaning": 9,
    "tree_hazard": 8,
    "road_damage": 11,
    "public_transport": 5,
    "social_help": 6,
}
CONFIDENTIAL: Final = {"billing_dispute": 0.7, "social_help": 0.8}
CONFIDENTIAL_ELSE: Final = 0.08
COLLECTIVE: Final = frozenset({"heating_outage", "road_damage", "waste_collection"})
ON_ADDRESS: Final = 0.7  # the rest put a pin on the map


@dataclass(frozen=True, kw_only=True, slots=True)
class Author:
    """Who files: an account, a visitor on the portal, or a caller."""

    applicant: filing_input.ApplicantInput
    account: User | None = None
    channel: AppealChannel = AppealChannel.PORTAL


@dataclass(frozen=True, kw_only=True, slots=True)
class Matter:
    """What the appeal is about; ``unit`` and ``forward_to`` for the desk."""

    code: str
    kind: str
    title: str
    description: str
    unit: str = ""
    forward_to: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class Plan:
    """One demo appeal: what, by whom, where, and where its life stops."""

    matter: Matter
    author: Author
    fate: Fate
    place: str = ""  # a street and number; else chosen
    public: bool | None = None  # else chosen


@dataclass(kw_only=True)
class Town:
    """What filing and handling draw on: the map, the dictionaries, the
    demo staff (each unit's people read once)."""

    rng: random.Random
    categories: dict[str, Category]
    streets: list[Street]
    districts: list[District]
    privileged: list[AuthorCategory]
    desk: User
    mayor: User
    units: dict[str, OrgUnit]
    staff: dict[int, list[Employee]] = field(default_factory=dict)

    def people(self, unit_id: int) -> list[Employee]:
        """The unit's employees today, the head first."""
        if unit_id not in self.staff:
            unit = next(u for u in self.units.values() if u.pk == unit_id)
            self.staff[unit_id] = list(
                org_selectors.employee_list_current(org_unit=unit)
            )
        return self.staff[unit_id]


def town_find(rng: random.Random, categories: dict[str, Category]) -> Town | None:
    """What the demo appeals draw on; ``None`` without demo staff or map."""
    staff = User.objects.filter(email__in=[demo_email("operator"), demo_email("mayor")])
    people = {user.email: user for user in staff}
    streets = list(gis_selectors.street_list())
    districts = list(gis_selectors.district_list())
    if len(people) < 2 or not streets or not districts:
        return None
    return Town(
        rng=rng,
        categories=categories,
        streets=streets,
        districts=districts,
        privileged=list(
            contact_selectors.author_category_list_privileged(on=timezone.localdate())
        ),
        desk=people[demo_email("operator")],
        mayor=people[demo_email("mayor")],
        units={unit.name: unit for unit in org_selectors.org_unit_list_active()},
    )


# --- who files and what ----------------------------------------------------


def residents_create(context: DemoContext) -> list[tuple[User, str]]:
    """Residents with accounts, and their postal addresses."""
    people = []
    for n in range(1, RESIDENTS + 1):
        person = _person(context.rng)
        user = account_services.user_create(
            actor=None,
            email=demo_email(f"resident{n:02d}"),
            password=None,
            password_hash=context.password_hash,
            last_name=person.family_name,
            first_name=person.given_name,
            patronymic=person.patronymic,
            roles=frozenset({Role.CITIZEN}),
            email_verified=True,
        )
        people.append((user, _postal_address(context.rng)))
    return people


def _person(rng: random.Random) -> filing_input.ApplicantInput:
    is_female = rng.random() < 0.55
    given = rng.choice(names.FEMALE_NAMES if is_female else names.MALE_NAMES)
    return filing_input.ApplicantInput(
        family_name=rng.choice(names.SURNAMES),
        given_name=given,
        patronymic=rng.choice(names.PATRONYMICS)[1 if is_female else 0],
        gender=AuthorGender.FEMALE if is_female else AuthorGender.MALE,
    )


def _postal_address(rng: random.Random) -> str:
    street = rng.choice(("Миру", "Садова", "Київська", "Шевченка", "Лісова"))
    return f"вул. {street}, {rng.randint(1, 8)}, кв. {rng.randint(1, 90)}, м. Вишневе"


def _account(user: User, postal_address: str) -> Author:
    applicant = filing_input.ApplicantInput(
        family_name=user.last_name,
        given_name=user.first_name,
        patronymic=user.patronymic,
        email=user.email,
        postal_address=postal_address,
    )
    return Author(applicant=applicant, account=user)


def _visitor(rng: random.Random, n: int) -> Author:
    """A visitor on the portal; every fourth calls the contact centre."""
    person = _person(rng)
    if n % 4 == 3:
        # A made-up Kyiv number: no real exchange starts with 000.
        return Author(
            applicant=replace(person, phone=f"+380 44 000 {n:04d}"),
            channel=AppealChannel.CONTACT_CENTRE,
        )
    return Author(
        applicant=replace(
            person,
            email=demo_email(f"visitor{n}"),
            postal_address=_postal_address(rng),
        )
    )


def _matter(rng: random.Random) -> Matter:
    code = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    kind, title, description = rng.choice(texts.TEXTS[code])
    return Matter(code=code, kind=kind, title=title, description=description)


def _fates(counts: dict[Fate, int], rng: random.Random) -> list[Fate]:
    fates = [fate for fate, count in counts.items() for _ in range(count)]
    rng.shuffle(fates)
    return fates


def _firsts(rng: random.Random) -> list[Plan]:
    """The first appeals, filed in order; the citizen files the even ones."""
    citizen = User.objects.filter(email=demo_email("citizen")).first()
    plans = []
    for n, (title, code, place, public, description) in enumerate(texts.FIRSTS):
        author = _visitor(rng, n)
        if citizen is not None and n % 2 == 0:
            author = _account(citizen, "вул. Садова, 12, кв. 5, м. Вишневе")
        matter = Matter(code=code, kind=texts.S, title=title, description=description)
        plans.append(
            Plan(
                matter=matter,
                author=author,
                fate=_possible(FIRST_FATES[n], author),
                place=place,
                public=public,
            )
        )
    return plans


def _possible(fate: Fate, author: Author) -> Fate:
    """Only an account rates: a visitor's answered appeal stays answered."""
    if author.account is None and fate in (F.CLOSED, F.REOPENED):
        return F.ANSWERED
    return fate


def plans_make(rng: random.Random, residents: Sequence[tuple[User, str]]) -> list[Plan]:
    """The first appeals, then the history: residents' and visitors'
    matters and the desk's, shuffled."""
    owners = [_account(*resident) for resident in residents] * APPEALS_PER_RESIDENT
    business = User.objects.filter(email=demo_email("business")).first()
    if business is not None:
        owners += [_account(business, _postal_address(rng))] * BUSINESS_APPEALS
    plans = [
        Plan(matter=_matter(rng), author=author, fate=fate)
        for author, fate in zip(owners, _fates(OWNED_FATES, rng), strict=False)
    ]
    plans += [
        Plan(matter=_matter(rng), author=_visitor(rng, 100 + n), fate=fate)
        for n, fate in enumerate(_fates(VISITOR_FATES, rng))
    ]
    plans += _desk_plans(rng, start=100 + len(plans))
    rng.shuffle(plans)
    return _firsts(rng) + plans


def _desk_plans(rng: random.Random, *, start: int) -> list[Plan]:
    """Matters no rule routes to a unit: to route by hand or forward."""
    plans = []
    for n, (kind, title, description, unit) in enumerate(demo_answers.ROUTED):
        matter = Matter(
            code="other", kind=kind, title=title, description=description, unit=unit
        )
        fate = ROUTED_FATES[n]
        plans.append(Plan(matter=matter, author=_visitor(rng, start + n), fate=fate))
    start += len(plans)
    last = len(demo_answers.FORWARDED) - 1
    for n, (code, kind, title, description, body) in enumerate(demo_answers.FORWARDED):
        matter = Matter(
            code=code, kind=kind, title=title, description=description, forward_to=body
        )
        # The last one still waits for the desk.
        fate = F.REGISTERED if n == last else F.FORWARDED
        plans.append(Plan(matter=matter, author=_visitor(rng, start + n), fate=fate))
    return plans


# --- filing ------------------------------------------------------------------


def plan_file(plan: Plan, town: Town) -> Appeal:
    """File the plan's appeal as its author would."""
    category = town.categories[plan.matter.code]
    address, lon, lat = _where(plan, category, town)
    subject, co_signers = _subject(plan, town.rng)
    channel = plan.author.channel
    desk = channel != AppealChannel.PORTAL
    data = filing_input.AppealInput(
        kind=plan.matter.kind,
        category=category,
        title=plan.matter.title,
        description=plan.matter.description,
        applicant=plan.author.applicant,
        is_public=_is_public(plan, town.rng),
        subject=subject,
        co_signers=co_signers,
        author_categories=_author_categories(plan, town),
        social_status=town.rng.choice(list(SocialStatus)),
        answers=_answers(plan.matter.code, town.rng),
        address=address,
        lon=lon,
        lat=lat,
    )
    actor = town.desk if desk else plan.author.account
    return filing.appeal_submit(actor=actor, channel=channel, data=data)


def _where(
    plan: Plan, category: Category, town: Town
) -> tuple[Address | None, float | None, float | None]:
    """A registry address the words name, else a pin inside a district."""
    if not category.needs_location:
        return None, None, None
    rng = town.rng
    text = plan.place
    if not text and rng.random() < ON_ADDRESS:
        text = f"{rng.choice(town.streets).name} {rng.randint(1, 8)}"
    address = gis_selectors.address_resolve(text=text).address if text else None
    if address is not None:
        return address, address.lon, address.lat
    district = rng.choice(town.districts)
    inset = 0.001  # off the edges, where two districts meet
    lon = rng.uniform(district.min_lon + inset, district.max_lon - inset)
    lat = rng.uniform(district.min_lat + inset, district.max_lat - inset)
    return None, round(lon, 6), round(lat, 6)


def _is_public(plan: Plan, rng: random.Random) -> bool:
    if plan.public is not None:
        return plan.public
    return rng.random() >= CONFIDENTIAL.get(plan.matter.code, CONFIDENTIAL_ELSE)


def _subject(
    plan: Plan, rng: random.Random
) -> tuple[str, list[filing_input.ApplicantInput]]:
    """Now and then the neighbours sign a common matter together."""
    if plan.matter.code not in COLLECTIVE or rng.random() >= 0.15:
        return AppealSubject.INDIVIDUAL, []
    return AppealSubject.COLLECTIVE, [_person(rng) for _ in range(rng.randint(2, 6))]


def _author_categories(plan: Plan, town: Town) -> list[AuthorCategory]:
    share = 0.3 if plan.matter.code == "social_help" else 0.04
    if not town.privileged or town.rng.random() >= share:
        return []
    return [town.rng.choice(town.privileged)]


def _answers(code: str, rng: random.Random) -> dict[str, object]:
    if code == "elevator_fault":
        return {"entrance": str(rng.randint(1, 6))}
    if code == "lighting_fault" and rng.random() < 0.5:
        return {"pole": str(rng.randint(1, 80))}
    return {}


def plan_follow(
    appeal: Appeal, plan: Plan, town: Town, residents: Sequence[User]
) -> None:
    """Neighbours join some public appeals: "I have the same problem"."""
    if not appeal.is_public or plan.fate == F.FORWARDED or town.rng.random() >= 0.15:
        return
    for user in town.rng.sample(residents, town.rng.randint(1, 3)):
        if user != plan.author.account:
            following.appeal_follow(appeal=appeal, actor=user)
