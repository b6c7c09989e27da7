"""Fictional structure of the demo city Вишневе (DOMAIN.md §4.3, §4.4).

All names are invented; phone numbers use the fictional code (04598).
"""

from hromada.accounts.roles import Role
from hromada.org.models import OrgUnitKind

SURNAMES = [
    "Коваленко", "Шевченко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Шевчук",
    "Поліщук", "Лисенко", "Мельник", "Бойко", "Ткачук", "Савченко", "Руденко", "Марченко",
    "Петренко", "Кузьменко", "Павленко", "Левченко", "Гончаренко", "Мороз", "Кравчук",
    "Гриценко", "Литвиненко", "Сидоренко", "Романенко", "Мельничук", "Приходько", "Захарченко",
    "Остапенко", "Тимошенко", "Дяченко", "Власенко", "Юрченко", "Карпенко", "Степанюк",
    "Собко", "Панчук", "Білик", "Дорошенко", "Харченко", "Нестеренко", "Федорук", "Гуменюк",
]
MALE_NAMES = [
    "Олександр", "Андрій", "Сергій", "Володимир", "Дмитро", "Максим", "Іван", "Михайло",
    "Юрій", "Василь", "Олег", "Тарас", "Богдан", "Петро", "Віктор", "Ярослав",
]
FEMALE_NAMES = [
    "Олена", "Наталія", "Тетяна", "Ірина", "Оксана", "Світлана", "Юлія", "Марія",
    "Галина", "Людмила", "Катерина", "Ганна", "Леся", "Вікторія", "Софія", "Надія",
]
# Father's name → (patronymic of a son, patronymic of a daughter).
PATRONYMICS = [
    ("Олександрович", "Олександрівна"), ("Андрійович", "Андріївна"),
    ("Сергійович", "Сергіївна"), ("Володимирович", "Володимирівна"),
    ("Іванович", "Іванівна"), ("Михайлович", "Михайлівна"), ("Петрович", "Петрівна"),
    ("Васильович", "Василівна"), ("Юрійович", "Юріївна"), ("Вікторович", "Вікторівна"),
    ("Миколайович", "Миколаївна"), ("Богданович", "Богданівна"),
]

ADDRESS = "пл. Соборна, 1, м. Вишневе, 08132"

# (key, parent key, kind, unit index, name, short name, staff count)
UNITS = [
    ("council", None, OrgUnitKind.COUNCIL, "", "Вишнева міська рада", "Міська рада", 0),
    ("leadership", "council", OrgUnitKind.LEADERSHIP, "00", "Керівництво міської ради",
     "Керівництво", 0),
    ("executive", "council", OrgUnitKind.EXECUTIVE_COMMITTEE, "", "Виконавчий комітет "
     "Вишневої міської ради", "Виконком", 0),
    ("general", "executive", OrgUnitKind.DEPARTMENT, "01",
     "Загальний відділ (діловодство, контроль, звернення громадян)", "Загальний відділ", 6),
    ("organisation", "executive", OrgUnitKind.DEPARTMENT, "02",
     "Відділ організаційної роботи та забезпечення діяльності ради",
     "Організаційний відділ", 4),
    ("legal", "executive", OrgUnitKind.DEPARTMENT, "03", "Юридичний відділ", "", 3),
    ("finance", "executive", OrgUnitKind.DEPARTMENT, "04", "Фінансове управління", "", 9),
    ("accounting", "executive", OrgUnitKind.DEPARTMENT, "05",
     "Відділ бухгалтерського обліку та звітності", "Бухгалтерія", 4),
    ("economy", "executive", OrgUnitKind.DEPARTMENT, "06",
     "Управління економічного розвитку та інвестицій", "Управління економіки", 5),
    ("cnap", "executive", OrgUnitKind.CNAP, "07",
     "Відділ «Центр надання адміністративних послуг»", "ЦНАП", 10),
    ("voters", "executive", OrgUnitKind.DEPARTMENT, "08",
     "Відділ ведення Державного реєстру виборців", "", 2),
    ("social", "executive", OrgUnitKind.DEPARTMENT, "09",
     "Управління праці та соціального захисту населення", "Соцзахист", 18),
    ("children", "executive", OrgUnitKind.DEPARTMENT, "10", "Служба у справах дітей", "", 4),
    ("education", "executive", OrgUnitKind.DEPARTMENT, "11", "Відділ освіти", "", 6),
    ("culture", "executive", OrgUnitKind.DEPARTMENT, "12",
     "Відділ культури, туризму, молоді та спорту", "Відділ культури", 4),
    ("housing", "executive", OrgUnitKind.DEPARTMENT, "13",
     "Управління житлово-комунального господарства", "Управління ЖКГ", 7),
    ("improvement", "executive", OrgUnitKind.DEPARTMENT, "14",
     "Відділ контролю за благоустроєм", "", 3),
    ("architecture", "executive", OrgUnitKind.DEPARTMENT, "15",
     "Відділ розвитку інфраструктури, містобудування та архітектури", "Відділ архітектури", 4),
    ("land", "executive", OrgUnitKind.DEPARTMENT, "16", "Відділ земельних відносин", "", 4),
    ("property", "executive", OrgUnitKind.DEPARTMENT, "17", "Відділ комунального майна", "", 3),
    ("emergency", "executive", OrgUnitKind.SECTOR, "18",
     "Сектор з питань надзвичайних ситуацій та цивільного захисту", "Сектор НС", 2),
    ("it", "executive", OrgUnitKind.DEPARTMENT, "19", "Відділ інформаційних технологій",
     "Відділ ІТ", 3),
    ("personnel", "executive", OrgUnitKind.DEPARTMENT, "20", "Відділ кадрової роботи", "", 2),
    ("anticorruption", "executive", OrgUnitKind.SECTOR, "21",
     "Сектор з питань запобігання корупції", "", 1),
    ("archive", "executive", OrgUnitKind.DEPARTMENT, "22", "Архівний відділ", "", 2),
    ("vodokanal", "council", OrgUnitKind.ENTERPRISE, "31", "КП «Міськводоканал»", "", 3),
    ("zhytloservis", "council", OrgUnitKind.ENTERPRISE, "32", "КП «Житлосервіс»", "", 3),
    ("blagoustrii", "council", OrgUnitKind.ENTERPRISE, "33", "КП «Благоустрій»", "", 3),
    ("teplo", "council", OrgUnitKind.ENTERPRISE, "34", "КП «Теплокомуненерго»", "", 2),
    ("lift", "council", OrgUnitKind.ENTERPRISE, "35", "КП «Ліфтсервіс»", "", 1),
    ("hospital", "council", OrgUnitKind.ENTERPRISE, "36",
     "КНП «Вишнева центральна міська лікарня»", "Міська лікарня", 1),
    ("transport", "council", OrgUnitKind.ENTERPRISE, "37",
     "КП «Вишневе пасажирські перевезення»", "Пасажирські перевезення", 1),
    ("market", "council", OrgUnitKind.ENTERPRISE, "38", "КП «Міський ринок»", "", 1),
    ("ritual", "council", OrgUnitKind.ENTERPRISE, "39", "КП «Ритуальна служба»", "", 1),
    ("realty", "council", OrgUnitKind.ENTERPRISE, "40",
     "КП «Агенція муніципальної нерухомості»", "", 1),
    ("starosta_1", "council", OrgUnitKind.STAROSTA_DISTRICT, "51",
     "Черешнівський старостинський округ", "", 0),
    ("starosta_2", "council", OrgUnitKind.STAROSTA_DISTRICT, "52",
     "Садівський старостинський округ", "", 0),
    ("starosta_3", "council", OrgUnitKind.STAROSTA_DISTRICT, "53",
     "Горіхівський старостинський округ", "", 0),
]

HEAD_TITLES = {
    OrgUnitKind.DEPARTMENT: "Начальник",
    OrgUnitKind.SECTOR: "Завідувач сектору",
    OrgUnitKind.CNAP: "Начальник відділу — керівник ЦНАП",
    OrgUnitKind.ENTERPRISE: "Директор",
}
STAFF_TITLES = {
    OrgUnitKind.DEPARTMENT: ["Головний спеціаліст", "Провідний спеціаліст", "Спеціаліст І категорії"],
    OrgUnitKind.SECTOR: ["Головний спеціаліст"],
    OrgUnitKind.CNAP: ["Адміністратор ЦНАП", "Державний реєстратор"],
    OrgUnitKind.ENTERPRISE: ["Диспетчер", "Інженер"],
}

# Named posts: (unit key, title, role, is head, demo account local part or "").
LEADERSHIP = [
    ("leadership", "Міський голова", Role.MAYOR, True, "mayor"),
    ("leadership", "Секретар міської ради", Role.COUNCIL_SECRETARY, False, "secretary"),
    ("leadership", "Перший заступник міського голови", Role.DEPUTY_MAYOR, False,
     "deputy-mayor"),
    ("leadership", "Заступник міського голови з питань діяльності виконавчих органів",
     Role.DEPUTY_MAYOR, False, ""),
    ("leadership", "Заступник міського голови з гуманітарних питань", Role.DEPUTY_MAYOR,
     False, ""),
    ("leadership", "Керуючий справами виконавчого комітету", Role.UNIT_HEAD, False, ""),
    ("starosta_1", "Староста", Role.UNIT_HEAD, True, ""),
    ("starosta_2", "Староста", Role.UNIT_HEAD, True, ""),
    ("starosta_3", "Староста", Role.UNIT_HEAD, True, ""),
    ("council", "Депутат міської ради", Role.DEPUTY, False, "deputy"),
]

# Demo accounts placed in ordinary posts: (local part, unit key, role, is head).
ROLE_ACCOUNTS = [
    ("registrar", "general", Role.REGISTRAR, False),
    ("operator", "general", Role.CONTACT_CENTRE_OPERATOR, False),
    ("head", "housing", Role.UNIT_HEAD, True),
    ("executor", "housing", Role.EXECUTOR, False),
    ("cnap-admin", "cnap", Role.CNAP_ADMINISTRATOR, False),
    ("permits", "improvement", Role.PERMIT_SPECIALIST, False),
    ("dispatcher", "zhytloservis", Role.DISPATCHER, False),
    ("gis", "architecture", Role.GIS_EDITOR, False),
    ("editor", "organisation", Role.CONTENT_EDITOR, False),
    ("analyst", "economy", Role.ANALYST, False),
    ("sysadmin", "it", Role.SYSTEM_ADMINISTRATOR, False),
]
