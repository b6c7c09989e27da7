"""What the appeals of ``bench/appeals_data.py`` say: texts per category.

The classifier benchmark (``bench/appeals_classifier.py``) learns from
these texts, so they must be neither uniform (nothing to learn) nor
perfectly separable (a meaningless 100 %). Each leaf category of the demo
city has a handful of titles and details in varied word forms; shared
openers, closers, places and times add words many categories use; a share
of appeals is vague («Скарга», «Прошу розібратися»), short, or written as
a neighbouring category would be (heating and billing, rubbish and yard
cleaning, trees and street lights), as citizens do choose a close but
different category; the common categories are chosen more often.

The texts keep the demo city's keyword rules out of play: no water text
names hot water (it would route to the heating enterprise) and no road
text names a highway (it would be forwarded), so the unit the generator
gives by category is the one the routing rules would give.

Everything is precomputed once; ``Pool.draw`` is a few ``random`` calls.
"""

import random
from dataclasses import dataclass
from itertools import product
from typing import Final

# Titles and details of each leaf category: (titles, details).
PHRASES: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "heating_outage": (
        (
            "Холодні батареї в квартирі",
            "Немає опалення",
            "Батареї ледь теплі",
            "Не гріють радіатори",
            "Відсутнє опалення в будинку",
            "Немає гарячої води",
            "Гаряча вода ледь тепла",
            "Холодно в квартирі",
        ),
        (
            "Батареї холодні вже кілька днів, у квартирі +14.",
            "Опалення дали, але радіатори ледь теплі на верхніх поверхах.",
            "У під’їзді не працює опалення, стояк холодний.",
            "Гарячої води немає з понеділка, з крана тече ледь тепла.",
            "Температура теплоносія занизька, діти мерзнуть.",
            "Після ремонту теплотраси опалення так і не відновили.",
            "Повітря в системі опалення, батарея гріє лише знизу.",
        ),
    ),
    "water_outage": (
        (
            "Немає води",
            "Низький тиск води",
            "Відсутнє водопостачання",
            "Вода не доходить на верхні поверхи",
            "Іржава вода з крана",
            "Прорив водогону",
            "Немає холодної води",
        ),
        (
            "Холодної води немає з самого ранку, попередження не було.",
            "Тиск такий слабкий, що на п’ятий поверх вода не доходить.",
            "З крана тече каламутна, іржава вода з неприємним запахом.",
            "На вулиці прорвало трубу водогону, вода заливає тротуар.",
            "Водопостачання вимикають щодня без жодного графіка.",
            "Стояк холодної води тече в підвалі.",
        ),
    ),
    "sewer_blockage": (
        (
            "Засмічення каналізації",
            "Тече каналізація у підвалі",
            "Переповнений каналізаційний колодязь",
            "Сморід з каналізації",
            "Відкритий каналізаційний люк",
            "Затоплений підвал",
        ),
        (
            "Каналізація засмічена, стоки піднімаються в квартирах першого поверху.",
            "У підвалі стоїть вода з каналізації, сморід на весь під’їзд.",
            "З колодязя витікають стоки прямо на дорогу.",
            "Люк каналізаційного колодязя відкритий, може впасти дитина.",
            "Каналізаційна труба в підвалі прогнила й тече.",
        ),
    ),
    "roof_leak": (
        (
            "Тече дах",
            "Протікає покрівля",
            "Зруйнований козирок під’їзду",
            "Розбиті вікна в під’їзді",
            "Потрібен ремонт під’їзду",
            "Заливає квартиру на останньому поверсі",
        ),
        (
            "Під час дощу з даху тече на сходову клітку й у квартиру.",
            "Покрівля над останнім поверхом протікає, на стелі пліснява.",
            "У під’їзді вибиті вікна, облущені стіни, двері не зачиняються.",
            "Козирок над входом у під’їзд тріснув і може впасти.",
            "Після зливи заливає квартиру, на стелі мокрі плями.",
            "Вода тече по стіні під’їзду з горища.",
        ),
    ),
    "elevator_fault": (
        (
            "Не працює ліфт",
            "Ліфт застряг між поверхами",
            "Ліфт зупиняється не на тих поверхах",
            "Тиждень без ліфта",
            "Несправний ліфт",
        ),
        (
            "Ліфт не працює вже тиждень, літні люди не можуть вийти з дому.",
            "Ліфт застрягає між поверхами, двері відчиняються самі.",
            "Кабіна ліфта смикається й гуркоче, страшно їздити.",
            "Після відключення світла ліфт так і не запустили.",
            "Кнопки виклику ліфта зламані на кількох поверхах.",
        ),
    ),
    "billing_dispute": (
        (
            "Неправильне нарахування за опалення",
            "Завищена плата за воду",
            "Перерахунок за комунальні послуги",
            "Помилка в рахунку",
            "Нараховують борг, якого немає",
            "Плата за послуги, яких не надавали",
        ),
        (
            "Прошу перерахунок: опалення не було, а в платіжці нараховано повністю.",
            "У рахунку за воду втричі більше, ніж показує лічильник.",
            "Нараховують плату за вивезення сміття, хоча контейнер не вивозять.",
            "Оплату вношу вчасно, але в квитанції знову борг.",
            "Тариф у платіжці не відповідає затвердженому.",
        ),
    ),
    "lighting_fault": (
        (
            "Не світить ліхтар",
            "Ліхтарі не горять",
            "Немає вуличного освітлення",
            "Темно на вулиці",
            "Ліхтар світить удень",
            "Не працює освітлення у дворі",
            "Пошкоджена опора освітлення",
        ),
        (
            "Ліхтар не світить уже місяць, увечері темно.",
            "На всій вулиці не горять ліхтарі, ходити небезпечно.",
            "Вуличне освітлення вмикається пізно й гасне серед ночі.",
            "Ліхтарі світять цілий день, марнують електроенергію.",
            "Опора освітлення нахилилася, дроти звисають.",
            "Немає освітлення на пішохідному переході, людей не видно.",
            "Згоріла лампа в ліхтарі на дитячому майданчику.",
        ),
    ),
    "waste_collection": (
        (
            "Переповнені контейнери",
            "Не вивозять сміття",
            "Стихійне сміттєзвалище",
            "Сміття біля контейнерів",
            "Не забрали великогабаритні відходи",
            "Зламаний сміттєвий бак",
        ),
        (
            "Контейнери переповнені, сміття не вивозили вже тиждень.",
            "Біля контейнерного майданчика розкидане сміття, бігають пацюки.",
            "За гаражами утворилося стихійне сміттєзвалище.",
            "Сміттєвоз приїжджає раз на два тижні замість графіка.",
            "Старі меблі й будівельне сміття лежать біля баків місяць.",
            "Баки без кришок, вітер розносить сміття по двору.",
        ),
    ),
    "yard_cleaning": (
        (
            "Не прибирають у дворі",
            "Не розчищений сніг",
            "Ожеледь на тротуарі",
            "Брудна прибудинкова територія",
            "Двірник не прибирає",
            "Не прибране листя",
        ),
        (
            "Двір не прибирають, скрізь листя й сміття.",
            "Тротуар біля будинку не розчищений від снігу, люди падають.",
            "Суцільна ожеледь, ніхто не посипає піском.",
            "Прибиральниця не з’являлася кілька тижнів.",
            "Доріжки у дворі замело снігом, не пройти до під’їзду.",
            "Після зими на газонах купи бруду й піску.",
        ),
    ),
    "tree_hazard": (
        (
            "Аварійне дерево",
            "Сухе дерево може впасти",
            "Потрібна обрізка гілок",
            "Не скошена трава",
            "Гілля лежить на дротах",
            "Впало дерево",
        ),
        (
            "Суха тополя нахилилася над дитячим майданчиком, може впасти.",
            "Гілки дерева лежать на дротах, іскрить.",
            "Після негоди впало дерево й перегородило проїзд.",
            "Трава по пояс, у бур’яні кліщі.",
            "Гілля закриває ліхтар, на вулиці темно.",
            "Прошу обрізати дерева біля вікон, у квартирі темно.",
        ),
    ),
    "road_damage": (
        (
            "Яма на дорозі",
            "Ями на проїжджій частині",
            "Зруйнований асфальт",
            "Вибоїни у дворі",
            "Пошкоджений тротуар",
            "Відкритий люк на дорозі",
            "Потрібен ремонт дороги",
        ),
        (
            "Глибока яма посеред дороги, машини пробивають колеса.",
            "Асфальт на вулиці зруйнований, після дощу суцільні калюжі.",
            "Тротуарна плитка розбита, люди спотикаються.",
            "Вибоїни на в’їзді у двір не ремонтують роками.",
            "Після ремонту водогону асфальт так і не відновили.",
            "На дорозі провалля біля колодязя.",
        ),
    ),
    "public_transport": (
        (
            "Не ходить маршрутка",
            "Автобус не дотримується розкладу",
            "Великі інтервали руху автобусів",
            "Грубий водій маршрутки",
            "Зруйнована зупинка",
            "Немає транспорту ввечері",
        ),
        (
            "Автобус №5 не приходить за розкладом, чекаємо по сорок хвилин.",
            "Водій маршрутки не зупиняється на зупинці й грубить пасажирам.",
            "Після дев’ятої вечора жодного автобуса, люди йдуть пішки.",
            "Павільйон зупинки розбитий, немає де сховатися від дощу.",
            "Пільговиків не пускають у маршрутку.",
            "Переповнені автобуси в години пік.",
        ),
    ),
    "social_help": (
        (
            "Прошу матеріальну допомогу",
            "Субсидія",
            "Не нараховано субсидію",
            "Допомога одинокій пенсіонерці",
            "Питання щодо пільг",
            "Допомога на лікування",
        ),
        (
            "Прошу надати одноразову матеріальну допомогу на лікування.",
            "Не нарахували субсидію на комунальні послуги, документи подано вчасно.",
            "Я пенсіонерка, живу сама, потрібна допомога соціального працівника.",
            "Прошу роз’яснити, які пільги належать особі з інвалідністю.",
            "Сім’я переселенців, просимо допомогти з житлом і речами.",
        ),
    ),
    "other": (
        (
            "Подяка працівникам",
            "Пропозиція",
            "Питання до міської ради",
            "Графік прийому громадян",
            "Прошу надати інформацію",
            "Шум уночі",
            "Паркування на газоні",
        ),
        (
            "Дякую працівникам за швидку роботу.",
            "Пропоную встановити лавки у сквері.",
            "Прошу повідомити графік прийому депутата.",
            "Прошу надати копію рішення сесії.",
            "Сусідські собаки гавкають усю ніч, неможливо спати.",
            "Машини паркуються на газоні й тротуарі.",
        ),
    ),
}
# Categories a citizen may mean when choosing this one. Water never lends
# heating's texts: «гаряча вода» would route it elsewhere.
NEIGHBOURS: Final[dict[str, tuple[str, ...]]] = {
    "heating_outage": ("water_outage", "billing_dispute"),
    "water_outage": ("sewer_blockage", "roof_leak"),
    "sewer_blockage": ("water_outage", "roof_leak"),
    "roof_leak": ("sewer_blockage", "yard_cleaning"),
    "elevator_fault": ("roof_leak",),
    "billing_dispute": ("heating_outage", "social_help"),
    "lighting_fault": ("tree_hazard", "road_damage"),
    "waste_collection": ("yard_cleaning",),
    "yard_cleaning": ("waste_collection", "tree_hazard"),
    "tree_hazard": ("yard_cleaning", "lighting_fault"),
    "road_damage": ("yard_cleaning", "public_transport"),
    "public_transport": ("road_damage",),
    "social_help": ("billing_dispute",),
    # «Інше» is where citizens put whatever they could not place.
    "other": tuple(code for code in PHRASES if code != "other"),
}
# How often each category is chosen (per 100 appeals): heating, water,
# roads and yards lead, as in a city contact centre's year.
WEIGHTS: Final[dict[str, int]] = {
    "heating_outage": 14,
    "water_outage": 10,
    "sewer_blockage": 5,
    "roof_leak": 6,
    "elevator_fault": 6,
    "billing_dispute": 5,
    "lighting_fault": 9,
    "waste_collection": 8,
    "yard_cleaning": 9,
    "tree_hazard": 6,
    "road_damage": 10,
    "public_transport": 5,
    "social_help": 4,
    "other": 3,
}
OPENERS: Final = (
    "",
    "",
    "Добрий день. ",
    "Доброго дня! ",
    "Звертаюся вже втретє. ",
    "Шановні працівники! ",
    "Прошу звернути увагу. ",
)
CLOSERS: Final = (
    "",
    " Прошу вжити заходів.",
    " Прошу розібратися якнайшвидше.",
    " Дуже просимо допомогти.",
    " Скільки можна чекати?",
    " Попередні звернення не допомогли.",
    " Чекаю на відповідь.",
)
# What a title may end with: where, for a street; how long, for a house.
OUTSIDE: Final = (
    "",
    "",
    " біля будинку",
    " у дворі",
    " біля під’їзду",
    " на нашій вулиці",
    " біля школи",
    " поруч із зупинкою",
)
AGAIN: Final = ("", "", " вже тиждень", " знову")
INSIDE: Final = (*AGAIN, " у нашому будинку")
SUFFIXES: Final[dict[str, tuple[str, ...]]] = {
    **dict.fromkeys(
        ("heating_outage", "water_outage", "sewer_blockage", "roof_leak"), INSIDE
    ),
    "elevator_fault": INSIDE,
    **dict.fromkeys(
        ("lighting_fault", "waste_collection", "yard_cleaning", "tree_hazard"),
        OUTSIDE,
    ),
    "road_damage": OUTSIDE,
    "public_transport": AGAIN,
}
VAGUE_TITLES: Final = (
    "Скарга",
    "Звернення",
    "Прошу допомогти",
    "Проблема",
    "Ніхто не реагує",
    "Знову те саме",
)
VAGUE_DETAILS: Final = (
    "Прошу розібратися з проблемою.",
    "Проблема досі не вирішена.",
    "Третій тиждень без змін.",
    "Дзвонив на лінію 1551, ніхто не відповідає.",
    "Прошу вжити заходів.",
)
# Cumulative shares of the kinds of text: vague title and description,
# a short one (a title and a vague line), a neighbour's text, a vague
# title over a real description; the rest say plainly what is wrong.
VAGUE, SHORT, NEIGHBOUR, VAGUE_TITLE = 0.06, 0.14, 0.24, 0.32


Texts = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class Pool:
    """The precomputed texts of one category: its own titles and
    descriptions, and those of its neighbours."""

    titles: tuple[str, ...]
    descriptions: tuple[str, ...]
    neighbours: tuple[Texts, ...]

    def draw(self, rng: random.Random) -> tuple[str, str]:
        """A (title, description) pair for one appeal of this category."""
        roll = rng.random()
        if roll < VAGUE:
            return rng.choice(VAGUE_TITLES), rng.choice(VAGUE_DETAILS)
        if roll < SHORT:
            return rng.choice(self.titles), rng.choice(VAGUE_DETAILS)
        titles, descriptions = self.titles, self.descriptions
        if roll < NEIGHBOUR and self.neighbours:
            titles, descriptions = rng.choice(self.neighbours)
        elif roll < VAGUE_TITLE:
            titles = VAGUE_TITLES
        return rng.choice(titles), rng.choice(descriptions)

    def every_text(self) -> tuple[str, ...]:
        """Every title and description ``draw`` may combine (for checks)."""
        texts = [*self.titles, *self.descriptions, *VAGUE_TITLES, *VAGUE_DETAILS]
        for titles, descriptions in self.neighbours:
            texts += [*titles, *descriptions]
        return tuple(texts)


def _own(code: str, name: str) -> Texts:
    """A category's titles and descriptions, fillers and places included;
    a category without phrases is named by its own name."""
    titles, details = PHRASES.get(code, ((name,), (f"{name}.",)))
    suffixes = SUFFIXES.get(code, ("",))
    placed = tuple(title + end for title, end in product(titles, suffixes))
    described = tuple(
        opener + detail + closer
        for opener, detail, closer in product(OPENERS, details, CLOSERS)
    )
    return placed, described


def pools(categories: list[tuple[str, str]]) -> list[Pool]:
    """One pool per (code, name) of the leaf categories, in their order."""
    own = {code: _own(code, name) for code, name in categories}
    return [
        Pool(
            titles=own[code][0],
            descriptions=own[code][1],
            neighbours=tuple(
                own[other] for other in NEIGHBOURS.get(code, ()) if other in own
            ),
        )
        for code, _name in categories
    ]


def weights(categories: list[tuple[str, str]]) -> list[int]:
    """How often each leaf category is chosen, in their order."""
    return [WEIGHTS.get(code, 1) for code, _name in categories]
