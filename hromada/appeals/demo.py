"""The demo city's appeals: the category tree of DOMAIN.md §4.2, routing
rules to the municipal enterprises of §4.4, and appeals filed through the
same service the portal uses."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from django.db import transaction

from hromada.accounts import selectors as account_selectors
from hromada.accounts.models import User
from hromada.appeals.models import (
    AppealChannel,
    AppealKind,
    Category,
    QuestionKind,
    RoutingRule,
    TermRule,
    TopicCode,
)
from hromada.appeals.services import dictionaries, filing, filing_input
from hromada.core.demo import DemoContext
from hromada.gis import selectors as gis_selectors
from hromada.gis.models import Address
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit

DEMO_DOMAIN: Final = "vyshneve.example"
NO_STUDY, GENERAL = TermRule.NO_STUDY, TermRule.GENERAL


@dataclass(frozen=True, kw_only=True, slots=True)
class _Node:
    code: str
    name: str
    parent: str = ""
    topic: str = "07"
    term: str = NO_STUDY
    unit: str = ""
    needs_location: bool = True


# (code, name, parent, 858 topic, term, the unit that answers by default)
CATEGORIES: Final = (
    _Node(code="housing", name="Житлово-комунальне господарство"),
    _Node(
        code="heating_outage",
        name="Відсутність або недостатнє опалення",
        parent="housing",
        unit="КП «Теплокомуненерго»",
    ),
    _Node(
        code="water_outage",
        name="Відсутність води, низький тиск",
        parent="housing",
        unit="КП «Міськводоканал»",
    ),
    _Node(
        code="sewer_blockage",
        name="Засмічення, витік каналізації",
        parent="housing",
        unit="КП «Міськводоканал»",
    ),
    _Node(
        code="roof_leak",
        name="Протікання покрівлі, стан під’їзду",
        parent="housing",
        unit="КП «Житлосервіс»",
    ),
    _Node(
        code="elevator_fault",
        name="Несправність ліфта",
        parent="housing",
        unit="КП «Ліфтсервіс»",
    ),
    _Node(
        code="billing_dispute",
        name="Нарахування плати за комунальні послуги",
        parent="housing",
        term=GENERAL,
        unit="Управління житлово-комунального господарства",
        needs_location=False,
    ),
    _Node(code="improvement", name="Благоустрій"),
    _Node(
        code="lighting_fault",
        name="Вуличне освітлення",
        parent="improvement",
        unit="КП «Благоустрій»",
    ),
    _Node(
        code="waste_collection",
        name="Вивезення відходів, переповнені контейнери",
        parent="improvement",
        unit="КП «Благоустрій»",
    ),
    _Node(
        code="yard_cleaning",
        name="Прибирання території, сніг і ожеледь",
        parent="improvement",
        unit="КП «Житлосервіс»",
    ),
    _Node(
        code="tree_hazard",
        name="Аварійні дерева, обрізування, скошування трави",
        parent="improvement",
        unit="КП «Благоустрій»",
    ),
    _Node(code="roads", name="Дороги і транспорт", topic="02"),
    _Node(
        code="road_damage",
        name="Ями та пошкодження дорожнього покриття",
        parent="roads",
        topic="02",
        term=GENERAL,
        unit="Управління житлово-комунального господарства",
    ),
    _Node(
        code="public_transport",
        name="Громадський транспорт",
        parent="roads",
        topic="02",
        term=GENERAL,
        unit="КП «Вишневе пасажирські перевезення»",
        needs_location=False,
    ),
    _Node(
        code="social_help",
        name="Соціальний захист і допомога",
        topic="04",
        term=GENERAL,
        unit="Управління праці та соціального захисту населення",
        needs_location=False,
    ),
    _Node(
        code="other",
        name="Інше питання",
        topic="24",
        term=GENERAL,
        needs_location=False,
    ),
)
QUESTIONS: Final = (
    ("lighting_fault", "pole", "Номер опори, якщо його видно", QuestionKind.STRING),
    ("elevator_fault", "entrance", "Номер під’їзду", QuestionKind.NUMBER),
)
# (title, category, street search text, public, kind)
APPEALS: Final = (
    ("Не світить ліхтар біля школи", "lighting_fault", "Шкільна 3", True),
    ("Третій день немає гарячої води", "water_outage", "Садова 14", True),
    ("Переповнені контейнери у дворі", "waste_collection", "Миру 5", True),
    ("Тече дах над останнім поверхом", "roof_leak", "Шевченка 7", False),
    ("Не працює ліфт у другому під’їзді", "elevator_fault", "Київська 9", True),
    ("Аварійна тополя над дитячим майданчиком", "tree_hazard", "Паркова 2", True),
    ("Глибока яма на проїжджій частині", "road_damage", "Соборна 11", True),
    ("Холодні батареї в квартирі", "heating_outage", "Лісова 4", False),
)


def load(context: DemoContext) -> None:
    """The tree, the rules and a few appeals, once."""
    if Category.objects.exists():
        return
    units = {unit.name: unit for unit in org_selectors.org_unit_list_active()}
    staff = account_selectors.staff_user_list()
    controller = staff.filter(email=f"head@{DEMO_DOMAIN}").first()
    with transaction.atomic():
        categories = _categories(units, controller=controller)
    citizen = User.objects.filter(email=f"citizen@{DEMO_DOMAIN}").first()
    filed = _appeals(context, categories, citizen=citizen)
    context.log.append(
        f"appeals: {len(categories)} categories, "
        f"{RoutingRule.objects.count()} routing rules, {filed} appeals"
    )


def _categories(
    units: dict[str, OrgUnit], *, controller: User | None
) -> dict[str, Category]:
    topics = {topic.code: topic for topic in TopicCode.objects.filter(valid_to=None)}
    categories: dict[str, Category] = {}
    for position, node in enumerate(CATEGORIES):
        category = dictionaries.category_save(
            actor=None,
            code=node.code,
            name=node.name,
            parent=categories.get(node.parent),
            topic=topics.get(node.topic),
            term_rule=TermRule(node.term),
            needs_location=node.needs_location,
            position=position,
        )
        categories[node.code] = category
        unit = units.get(node.unit)
        if unit is not None:
            dictionaries.routing_rule_save(
                actor=None,
                name=f"{node.name} → {unit.name}",
                category=category,
                unit=unit,
                controller=controller,
            )
    hot_water = units.get("КП «Теплокомуненерго»")
    if hot_water is not None:
        dictionaries.routing_rule_save(
            actor=None,
            name="Гаряча вода → КП «Теплокомуненерго»",
            category=categories["water_outage"],
            keywords="гаряча вода",
            unit=hot_water,
            controller=controller,
        )
    dictionaries.routing_rule_save(
        actor=None,
        name="Обласні дороги → Служба автомобільних доріг",
        category=categories["road_damage"],
        keywords="траса, обласна дорога",
        outside_competence=True,
        forward_to="Служба автомобільних доріг у Київській області",
    )
    for code, question, label, kind in QUESTIONS:
        dictionaries.category_question_add(
            actor=None, category=categories[code], code=question, label=label, kind=kind
        )
    return categories


def _appeals(
    context: DemoContext, categories: dict[str, Category], *, citizen: User | None
) -> int:
    filed = 0
    for n, (title, code, place, public) in enumerate(APPEALS):
        address = _address(place)
        actor = citizen if n % 2 == 0 else None
        filing.appeal_submit(
            actor=actor,
            channel=AppealChannel.PORTAL,
            data=filing_input.AppealInput(
                kind=AppealKind.STATEMENT,
                category=categories[code],
                title=title,
                description=f"{title}. Прошу вжити заходів.",
                applicant=_applicant(context, actor, n),
                is_public=public,
                address=address,
                address_text=place if address is None else "",
                lon=None if address is None else address.lon,
                lat=None if address is None else address.lat,
            ),
        )
        filed += 1
    return filed


def _address(text: str) -> Address | None:
    return gis_selectors.address_resolve(text=text).address


SURNAMES: Final[Sequence[str]] = ("Мельник", "Бойко", "Кравченко", "Олійник")
NAMES: Final[Sequence[str]] = ("Оксана", "Андрій", "Ірина", "Василь")


def _applicant(
    context: DemoContext, actor: User | None, n: int
) -> filing_input.ApplicantInput:
    if actor is not None:
        return filing_input.ApplicantInput(
            family_name=actor.last_name,
            given_name=actor.first_name,
            patronymic=actor.patronymic,
            email=actor.email,
            postal_address="вул. Садова, 3, кв. 12, м. Вишневе",
        )
    surname = context.rng.choice(SURNAMES)
    return filing_input.ApplicantInput(
        family_name=surname,
        given_name=NAMES[n % len(NAMES)],
        email=f"visitor{n}@{DEMO_DOMAIN}",
        postal_address=f"вул. Миру, {n + 1}, м. Вишневе",
    )
