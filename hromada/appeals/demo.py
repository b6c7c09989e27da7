"""The demo city's appeals: the category tree of DOMAIN.md §4.2, routing
rules to the municipal enterprises of §4.4, and appeals filed and handled
through the same services the pages use (``demo_history``)."""

from dataclasses import dataclass
from typing import Final

from django.db import transaction

from hromada.accounts import selectors as account_selectors
from hromada.accounts.models import User
from hromada.appeals import demo_history, demo_life
from hromada.appeals.models import (
    Category,
    QuestionKind,
    RoutingRule,
    TermRule,
    TopicCode,
)
from hromada.appeals.services import dictionaries
from hromada.core.demo import DemoContext
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


@transaction.atomic
def load(context: DemoContext) -> None:
    """The tree, the rules, and appeals over their life, once; all or
    nothing, so a failed run leaves no half-built city behind."""
    if Category.objects.exists():
        return
    units = {unit.name: unit for unit in org_selectors.org_unit_list_active()}
    staff = account_selectors.staff_user_list()
    controller = staff.filter(email=f"head@{DEMO_DOMAIN}").first()
    categories = _categories(units, controller=controller)
    filed = _history(context, categories)
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


def _history(context: DemoContext, categories: dict[str, Category]) -> int:
    """File the demo appeals and take each through its life; how many."""
    town = demo_history.town_find(context.rng, categories)
    if town is None:
        return 0
    residents = demo_history.residents_create(context)
    neighbours = [user for user, _address in residents]
    plans = demo_history.plans_make(context.rng, residents)
    for plan in plans:
        appeal = demo_history.plan_file(plan, town)
        demo_history.plan_follow(appeal, plan, town, neighbours)
        demo_life.plan_live(appeal, plan, town)
    return len(plans)
