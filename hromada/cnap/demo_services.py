"""The demo city's seven administrative services: the six pilot services
of the source programme (DOMAIN.md §4.1, S1–S6) and a paid archive
service, each with its information card's lists and technological card.

Terms, documents and fees are plausible demo content based on typical
municipal cards, not statements of law.
"""

from typing import Any, Final

from hromada.cnap.demo_data import ISSUE, RECEIVE, TRANSFER
from hromada.cnap.models import DocumentForm, LegalBasisLevel, StageRole, TermUnit

SERVICES: Final[tuple[dict[str, Any], ...]] = (
    {
        "name": "Призначення допомоги при народженні дитини",
        "code": "00112",
        "provider": "09",
        "summary": "Для матері, батька або опікуна дитини, народженої в громаді.",
        "situations": ("Народження дитини", "Соціальна підтримка"),
        "centres": ("main", "chereshneve", "mobile"),
        "grounds": "Народження дитини та звернення одного з батьків або опікуна.",
        "term": (10, TermUnit.CALENDAR_DAYS),
        "result": "Рішення про призначення допомоги при народженні дитини.",
        "delivery": "Особисто в ЦНАП або на електронну пошту заявника.",
        "laws": (
            (
                LegalBasisLevel.LAW,
                "Закон України «Про державну допомогу сім'ям з дітьми»",
                "https://zakon.rada.gov.ua/laws/show/2811-12",
            ),
            (
                LegalBasisLevel.CABINET,
                "Постанова КМУ від 27.12.2001 №1751 «Про затвердження Порядку "
                "призначення і виплати державної допомоги сім'ям з дітьми»",
                "",
            ),
        ),
        "documents": (
            ("Заява встановленого зразка", DocumentForm.FILLED_FORM, ""),
            ("Паспорт громадянина України заявника", DocumentForm.ORIGINAL, ""),
            (
                "Реєстраційний номер облікової картки платника податків",
                DocumentForm.COPY,
                "",
            ),
            ("Свідоцтво про народження дитини", DocumentForm.ORIGINAL_AND_COPY, ""),
            (
                "Довідка про реєстрацію місця проживання дитини",
                DocumentForm.ORIGINAL,
                "registry",
            ),
        ),
        "refusals": (
            "Подано не всі документи, визначені вичерпним переліком.",
            "Місце проживання дитини не зареєстроване на території громади.",
            "Допомогу на дитину вже призначено в іншому органі.",
        ),
        "stages": (
            RECEIVE,
            TRANSFER,
            (
                "Перевірка документів, формування особової справи",
                "Головний спеціаліст відділу призначення допомог",
                "09",
                StageRole.PERFORMS,
                5,
                TermUnit.CALENDAR_DAYS,
            ),
            (
                "Прийняття рішення про призначення допомоги",
                "Начальник управління праці та соціального захисту населення",
                "09",
                StageRole.APPROVES,
                2,
                TermUnit.CALENDAR_DAYS,
            ),
            ISSUE,
        ),
    },
    {
        "name": (
            "Направлення для отримання безоплатної правової допомоги особам у "
            "складних життєвих обставинах"
        ),
        "code": "01745",
        "provider": "09",
        "summary": "Для тих, хто не може сам оплатити допомогу адвоката.",
        "situations": ("Соціальна підтримка",),
        "centres": ("main", "chereshneve"),
        "grounds": "Складні життєві обставини заявника.",
        "term": (1, TermUnit.WORKING_DAYS),
        "result": "Направлення до центру з надання безоплатної правничої допомоги.",
        "delivery": "Особисто в ЦНАП.",
        "laws": (
            (
                LegalBasisLevel.LAW,
                "Закон України «Про безоплатну правничу допомогу»",
                "https://zakon.rada.gov.ua/laws/show/3460-17",
            ),
            (
                LegalBasisLevel.LAW,
                "Закон України «Про соціальні послуги»",
                "https://zakon.rada.gov.ua/laws/show/2671-19",
            ),
        ),
        "documents": (
            ("Заява", DocumentForm.FILLED_FORM, ""),
            ("Паспорт громадянина України", DocumentForm.ORIGINAL, ""),
            (
                "Довідка, що підтверджує складні життєві обставини",
                DocumentForm.ORIGINAL,
                "",
            ),
        ),
        "refusals": (
            "Заявник не належить до категорії осіб, які мають право на послугу.",
        ),
        "stages": (
            RECEIVE,
            (
                "Розгляд заяви, підготовка направлення",
                "Головний спеціаліст управління праці та соціального захисту",
                "09",
                StageRole.PERFORMS,
                None,
                TermUnit.SAME_DAY,
            ),
            ISSUE,
        ),
    },
    {
        "name": (
            "Видача довідки виборцю щодо змісту його персональних даних у "
            "Державному реєстрі виборців"
        ),
        "code": "00920",
        "provider": "08",
        "summary": "Щоб перевірити, чи правильно вас внесено до реєстру виборців.",
        "situations": ("Вибори та персональні дані",),
        "centres": ("main",),
        "grounds": "Запит виборця щодо власних персональних даних.",
        "term": (7, TermUnit.CALENDAR_DAYS),
        "result": "Довідка про зміст персональних даних виборця.",
        "delivery": "Особисто в ЦНАП (лише самому виборцю).",
        "laws": (
            (
                LegalBasisLevel.LAW,
                "Закон України «Про Державний реєстр виборців»",
                "https://zakon.rada.gov.ua/laws/show/698-16",
            ),
        ),
        "documents": (
            ("Заява", DocumentForm.FILLED_FORM, ""),
            ("Паспорт громадянина України", DocumentForm.ORIGINAL, ""),
        ),
        "refusals": (
            "Заявник не є суб'єктом персональних даних, про які просить.",
            "Відомості про заявника в реєстрі відсутні.",
        ),
        "stages": (
            RECEIVE,
            TRANSFER,
            (
                "Формування довідки з реєстру",
                "Начальник відділу ведення Державного реєстру виборців",
                "08",
                StageRole.PERFORMS,
                3,
                TermUnit.CALENDAR_DAYS,
            ),
            ISSUE,
        ),
    },
    {
        "name": (
            "Погодження ордера на тимчасове порушення благоустрою та його відновлення"
        ),
        "code": "",
        "provider": "14",
        "summary": "Для тих, хто розкопує тротуар, дорогу чи газон під час робіт.",
        "situations": ("Благоустрій і ремонтні роботи", "Будівництво та земля"),
        "centres": ("main",),
        "grounds": (
            "Потреба виконати земляні або ремонтні роботи, що порушують благоустрій."
        ),
        "term": (10, TermUnit.WORKING_DAYS),
        "result": "Погоджений ордер із датою відновлення благоустрою.",
        "delivery": "Особисто в ЦНАП або на електронну пошту заявника.",
        "laws": (
            (
                LegalBasisLevel.LAW,
                "Закон України «Про благоустрій населених пунктів»",
                "https://zakon.rada.gov.ua/laws/show/2807-15",
            ),
            (
                LegalBasisLevel.CABINET,
                "Постанова КМУ від 30.10.2013 №870 «Про затвердження Єдиного "
                "порядку видачі дозволу на порушення об'єктів благоустрою»",
                "",
            ),
        ),
        "documents": (
            ("Заява", DocumentForm.FILLED_FORM, ""),
            ("Схема (проєкт) виконання робіт", DocumentForm.COPY, ""),
            ("Календарний графік робіт", DocumentForm.ORIGINAL, ""),
            (
                "Гарантійний лист про відновлення благоустрою",
                DocumentForm.ORIGINAL,
                "",
            ),
            ("Погодження балансоутримувачів мереж", DocumentForm.COPY, ""),
        ),
        "refusals": (
            "Подано неповний пакет документів.",
            "Роботи суперечать запланованим роботам на тій самій ділянці.",
            "Не відновлено благоустрій після попередніх робіт заявника.",
        ),
        # DOMAIN.md §4.1: the example technological card of S4.
        "stages": (
            RECEIVE,
            TRANSFER,
            (
                "Резолюція керівника, призначення виконавця",
                "Начальник відділу контролю за благоустроєм",
                "14",
                StageRole.PERFORMS,
                1,
                TermUnit.WORKING_DAYS,
            ),
            (
                "Перевірка схеми, виїзд на місце, погодження з балансоутримувачами "
                "мереж",
                "Головний спеціаліст відділу контролю за благоустроєм",
                "14",
                StageRole.PARTICIPATES,
                5,
                TermUnit.WORKING_DAYS,
            ),
            (
                "Підписання ордера",
                "Начальник відділу контролю за благоустроєм",
                "14",
                StageRole.APPROVES,
                1,
                TermUnit.WORKING_DAYS,
            ),
            ISSUE,
        ),
    },
    {
        "name": (
            "Підготовка висновку щодо передачі земельної ділянки у власність або "
            "надання в користування (оренду)"
        ),
        "code": "",
        "provider": "15",
        "summary": "Перший крок до отримання земельної ділянки в громаді.",
        "situations": ("Будівництво та земля",),
        "centres": ("main", "chereshneve"),
        "grounds": "Клопотання фізичної або юридичної особи.",
        "term": (30, TermUnit.CALENDAR_DAYS),
        "result": "Висновок: погодження або мотивована відмова.",
        "delivery": "Особисто в ЦНАП або поштою.",
        "laws": (
            (
                LegalBasisLevel.LAW,
                "Земельний кодекс України, ст. 118, 123",
                "https://zakon.rada.gov.ua/laws/show/2768-14",
            ),
            (
                LegalBasisLevel.LAW,
                "Закон України «Про регулювання містобудівної діяльності»",
                "https://zakon.rada.gov.ua/laws/show/3038-17",
            ),
        ),
        "documents": (
            ("Клопотання", DocumentForm.FILLED_FORM, ""),
            (
                "Графічні матеріали з бажаним місцем розташування ділянки",
                DocumentForm.ORIGINAL,
                "",
            ),
            (
                "Копія паспорта або виписка з Єдиного державного реєстру",
                DocumentForm.COPY,
                "",
            ),
            (
                "Погодження землекористувача (за наявності)",
                DocumentForm.ORIGINAL,
                "",
            ),
        ),
        "refusals": (
            "Невідповідність місця розташування ділянки генеральному плану або "
            "детальному плану території.",
            "Ділянку вже надано іншій особі.",
            "Подано неповний пакет документів.",
        ),
        "stages": (
            RECEIVE,
            TRANSFER,
            (
                "Перевірка відповідності містобудівній документації",
                "Головний архітектор громади",
                "15",
                StageRole.PERFORMS,
                20,
                TermUnit.CALENDAR_DAYS,
            ),
            (
                "Підписання висновку",
                "Начальник відділу розвитку інфраструктури, містобудування та "
                "архітектури",
                "15",
                StageRole.APPROVES,
                3,
                TermUnit.CALENDAR_DAYS,
            ),
            ISSUE,
        ),
    },
    {
        "name": "Видача дубліката документа про загальну середню освіту",
        "code": "01034",
        "provider": "11",
        "summary": "Якщо атестат або свідоцтво втрачено чи зіпсовано.",
        "situations": ("Освіта",),
        "centres": ("main", "mobile"),
        "grounds": "Втрата або пошкодження документа про освіту.",
        "term": (10, TermUnit.WORKING_DAYS),
        "result": "Дублікат документа про загальну середню освіту.",
        "delivery": "Особисто в ЦНАП.",
        "laws": (
            (
                LegalBasisLevel.LAW,
                "Закон України «Про повну загальну середню освіту»",
                "https://zakon.rada.gov.ua/laws/show/463-20",
            ),
            (
                LegalBasisLevel.CENTRAL,
                "Наказ МОН від 14.02.2015 №134 «Про затвердження Порядку "
                "замовлення, видачі та обліку документів про загальну середню "
                "освіту»",
                "",
            ),
        ),
        "documents": (
            ("Заява", DocumentForm.FILLED_FORM, ""),
            ("Паспорт громадянина України", DocumentForm.ORIGINAL, ""),
            (
                "Оголошення про втрату документа або зіпсований документ",
                DocumentForm.ORIGINAL,
                "",
            ),
        ),
        "refusals": ("Відсутній архівний запис про видачу документа.",),
        "stages": (
            RECEIVE,
            TRANSFER,
            (
                "Пошук архівного запису, замовлення бланка дубліката",
                "Головний спеціаліст відділу освіти",
                "11",
                StageRole.PERFORMS,
                5,
                TermUnit.WORKING_DAYS,
            ),
            (
                "Підписання дубліката",
                "Начальник відділу освіти",
                "11",
                StageRole.APPROVES,
                1,
                TermUnit.WORKING_DAYS,
            ),
            ISSUE,
        ),
    },
    {
        "name": "Видача архівної довідки або копії документа з архівного фонду",
        "code": "",
        "provider": "22",
        "summary": "Довідки про стаж і зарплату, копії рішень для нотаріуса чи суду.",
        "situations": ("Архівні довідки та копії",),
        "centres": ("main", "chereshneve"),
        "grounds": "Запит особи, якої стосуються документи, або її представника.",
        "term": (30, TermUnit.CALENDAR_DAYS),
        "result": "Архівна довідка, копія або витяг з документа.",
        "delivery": "Особисто в ЦНАП або поштою.",
        "fee": {
            "fee_amount": "50.00",
            "fee_legal_basis": (
                "Рішення виконавчого комітету Вишневої міської ради від "
                "14.03.2024 №112 «Про затвердження вартості платних послуг "
                "архівного відділу»"
            ),
            "fee_description": (
                "50 грн за довідку; копія — 10 грн за аркуш. Довідки для "
                "призначення пенсії видаються безоплатно."
            ),
            "payment_recipient": "Вишнева міська рада",
            "payment_purpose": "Плата за архівну довідку, ПІБ заявника",
        },
        "laws": (
            (
                LegalBasisLevel.LAW,
                "Закон України «Про Національний архівний фонд та архівні установи»",
                "https://zakon.rada.gov.ua/laws/show/3814-12",
            ),
            (
                LegalBasisLevel.CABINET,
                "Постанова КМУ від 08.09.2004 №1199 «Про затвердження переліку "
                "платних послуг, які можуть надаватися архівними установами»",
                "",
            ),
        ),
        "documents": (
            ("Запит (заява)", DocumentForm.FILLED_FORM, ""),
            ("Паспорт громадянина України", DocumentForm.ORIGINAL, ""),
            (
                "Довіреність (якщо звертається представник)",
                DocumentForm.ORIGINAL_AND_COPY,
                "",
            ),
            ("Квитанція про оплату", DocumentForm.COPY, ""),
        ),
        "refusals": (
            "Запитувані документи не зберігаються в архівному відділі.",
            "Заявник не має права на отримання відомостей про іншу особу.",
        ),
        "stages": (
            RECEIVE,
            TRANSFER,
            (
                "Пошук документів в архівному фонді, підготовка довідки",
                "Головний спеціаліст архівного відділу",
                "22",
                StageRole.PERFORMS,
                20,
                TermUnit.CALENDAR_DAYS,
            ),
            (
                "Підписання довідки",
                "Начальник архівного відділу",
                "22",
                StageRole.APPROVES,
                2,
                TermUnit.CALENDAR_DAYS,
            ),
            ISSUE,
        ),
    },
)
