"""What the demo city's administrative services share: the centres, the
life situations, the acts and the stages every card has, the council's
payment details (the cards themselves are in ``demo_services``).

Plausible demo content based on typical municipal cards, not statements of
law. The council's ЄДРПОУ code and its account are invented, with valid
check digits (ID-04, ID-08).
"""

from typing import Any, Final

from hromada.cnap.models import (
    CentreKind,
    LegalBasisLevel,
    StageRole,
    TermUnit,
)

LAW_5203: Final = (
    LegalBasisLevel.LAW,
    "Закон України «Про адміністративні послуги» від 06.09.2012 №5203-VI",
    "https://zakon.rada.gov.ua/laws/show/5203-17",
)
LOCAL_CARDS: Final = (
    LegalBasisLevel.LOCAL,
    "Рішення виконавчого комітету Вишневої міської ради від 15.01.2026 №7 "
    "«Про затвердження інформаційних і технологічних карток адміністративних "
    "послуг»",
    "",
)

COMMON: Final[dict[str, Any]] = {
    "submission_methods": (
        "Особисто або через уповноваженого представника в Центрі надання "
        "адміністративних послуг чи на віддаленому робочому місці "
        "адміністратора."
    ),
    "notes": "Адміністратор ЦНАП видає опис прийнятих документів.",
    "approved_by": "рішення виконавчого комітету від 15.01.2026 №7",
}

# Centres: key, kind, name, address, hours (None: the unit's), unit index.
CENTRES: Final = (
    (
        "main",
        CentreKind.MAIN,
        "Центр надання адміністративних послуг Вишневої міської ради",
        "пл. Соборна, 1, м. Вишневе, 08132",
        None,
        "07",
    ),
    (
        "chereshneve",
        CentreKind.REMOTE,
        "Віддалене робоче місце адміністратора в с. Черешневе",
        "вул. Шкільна, 4, с. Черешневе",
        "Вівторок, четвер: 9:00–16:00, без перерви",
        "51",
    ),
    (
        "mobile",
        CentreKind.MOBILE,
        "Пересувний ЦНАП («Мобільний кейс»)",
        "Виїзд за графіком у старостинські округи та до маломобільних осіб",
        "За графіком, що публікується щомісяця; виклик додому — за телефоном",
        "07",
    ),
)
ACCESSIBILITY: Final = (
    "Вхід з пандусом з боку вул. Шкільної; зал прийому на першому поверсі; "
    "кнопка виклику адміністратора; туалет для осіб з інвалідністю."
)

SITUATIONS: Final = (
    ("Народження дитини", 10),
    ("Соціальна підтримка", 20),
    ("Освіта", 30),
    ("Будівництво та земля", 40),
    ("Благоустрій і ремонтні роботи", 50),
    ("Вибори та персональні дані", 60),
    ("Архівні довідки та копії", 70),
)

COUNCIL_EDRPOU: Final = "04426138"
COUNCIL_IBAN: Final = "UA288999980000003341807000001"

# The stages every card begins and ends with (КМУ №588: the package reaches
# the provider no later than the next working day).
RECEIVE: Final = (
    "Прийом і реєстрація заяви, видача опису прийнятих документів",
    "Адміністратор ЦНАП",
    "07",
    StageRole.PERFORMS,
    None,
    TermUnit.SAME_DAY,
)
TRANSFER: Final = (
    "Передача пакета документів суб'єкту надання послуги",
    "Адміністратор ЦНАП",
    "07",
    StageRole.PERFORMS,
    1,
    TermUnit.WORKING_DAYS,
)
ISSUE: Final = (
    "Повернення результату до ЦНАП, повідомлення заявника, видача результату",
    "Адміністратор ЦНАП",
    "07",
    StageRole.PERFORMS,
    1,
    TermUnit.WORKING_DAYS,
)
