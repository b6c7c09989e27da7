"""Demo journals, correspondents and registered cards (demo mode only)."""

from datetime import date, datetime, time, timedelta
from typing import Final

from django.db import transaction
from django.utils import timezone

from hromada.accounts import selectors as account_selectors
from hromada.accounts.models import User
from hromada.core import identifiers
from hromada.core.audit import audit_record
from hromada.core.demo import DemoContext
from hromada.core.sequences import registration_index_format, sequence_next
from hromada.documents import demo_archive, demo_desk
from hromada.documents.models import (
    AccessLevel,
    Channel,
    Correspondent,
    CorrespondentKind,
    Document,
    DocumentKind,
    DocumentStatus,
    Journal,
)
from hromada.documents.services import correspondents, registration
from hromada.org.models import OrgUnit

DEMO_DOMAIN: Final = "vyshneve.example"
# Dates derive from this day, never from today, so the demo is reproducible.
REFERENCE_DAY: Final = date(2026, 11, 2)

JOURNALS: Final = (
    (
        "incoming",
        "Вхідна кореспонденція",
        DocumentKind.INCOMING,
        "{seq}/{case_index}",
        "01-12",
    ),
    (
        "outgoing",
        "Вихідна кореспонденція",
        DocumentKind.OUTGOING,
        "{case_index}/{seq}",
        "01-13",
    ),
    ("orders", "Розпорядження міського голови", DocumentKind.ORDER, "{seq}-р", "01-05"),
    ("appeals", "Звернення громадян", DocumentKind.APPEAL, "{letter}-{seq}", "01-20"),
    (
        "decisions",
        "Рішення виконавчого комітету",
        DocumentKind.EXECUTIVE_DECISION,
        "{seq}",
        "01-04",
    ),
    (
        "public_info",
        "Запити на публічну інформацію",
        DocumentKind.PUBLIC_INFO_REQUEST,
        "{seq}/ПІ",
        "01-25",
    ),
)

# Invented organisations; the codes carry a valid ЄДРПОУ check digit.
ORGANISATIONS: Final = (
    (
        "Київська обласна військова адміністрація",
        "3412001",
        "вул. Мечникова, 1, м. Київ",
    ),
    (
        "Головне управління ДПС у Київській області",
        "4370001",
        "вул. Святошинська, 5, м. Київ",
    ),
    ("ТОВ «Будсервіс-Вишневе»", "4123401", "вул. Промислова, 12, м. Вишневе"),
    ("ПрАТ «Київобленерго-Демо»", "2345601", "вул. Стельмаха, 4, м. Київ"),
    ("КНП «Вишнева міська лікарня»", "0199901", "вул. Лесі Українки, 8, м. Вишневе"),
    ("ГО «Зелене Вишневе»", "4455601", "вул. Садова, 3, м. Вишневе"),
    ("Державна служба якості освіти (демо)", "4199801", "вул. Смоленська, 31, м. Київ"),
)
PEOPLE: Final = (
    ("Петренко Марія Іванівна", "вул. Вишнева, 14, кв. 5, м. Вишневе"),
    ("Шевчук Олег Васильович", "вул. Київська, 2, м. Вишневе"),
    ("Бондаренко Ганна Петрівна", "вул. Шевченка, 40, м. Вишневе"),
)

INCOMING_SUMMARIES: Final = (
    "Про підготовку до опалювального сезону",
    "Про надання інформації щодо сплати місцевих податків",
    "Про погодження графіка ремонту доріг",
    "Про відключення електроенергії для планових робіт",
    "Про забезпечення медичними кадрами",
    "Пропозиції щодо озеленення парку «Дружба»",
    "Про моніторинг якості освіти у закладах громади",
    "Про стан цивільного захисту населення",
    "Про проведення інвентаризації земель",
    "Про надання звіту щодо використання субвенції",
    "Про зміну тарифів на розподіл електроенергії",
    "Про участь у обласному конкурсі проєктів",
)
OUTGOING_SUMMARIES: Final = (
    "Інформація про підготовку до опалювального сезону",
    "Відповідь щодо графіка ремонту доріг",
    "Звіт про використання субвенції",
    "Інформація про стан цивільного захисту",
)
ORDER_SUMMARIES: Final = (
    "Про скликання сесії міської ради",
    "Про затвердження плану заходів до Дня гідності та свободи",
    "Про створення робочої групи з питань енергозбереження",
    "Про відпустку працівників",
)
DECISION_SUMMARIES: Final = (
    "Про затвердження тарифів на послуги з вивезення побутових відходів",
    "Про встановлення режиму роботи об'єктів торгівлі",
)
APPEAL_SUMMARIES: Final = (
    "Про ремонт під'їзду багатоквартирного будинку",
    "Про встановлення дитячого майданчика",
    "Про незадовільне вуличне освітлення",
    "Про надання матеріальної допомоги",
    "Про вирубку аварійних дерев",
    "Про графік вивезення сміття",
)
PUBLIC_INFO_SUMMARIES: Final = (
    "Запит щодо бюджету капітальних ремонтів",
    "Запит щодо договорів на благоустрій",
)


def edrpou_with_check_digit(base: str) -> str:
    """Seven digits and their ЄДРПОУ check digit (DOMAIN.md ID-04)."""
    return base + identifiers.edrpou_check_digit(base)


def _working_day(offset: int) -> date:
    day = REFERENCE_DAY - timedelta(days=offset)
    while day.isoweekday() > 5:
        day -= timedelta(days=1)
    return day


def _correspondents(registrar: User) -> tuple[list[Correspondent], list[Correspondent]]:
    organisations = [
        correspondents.correspondent_create(
            actor=registrar,
            kind=CorrespondentKind.ORGANISATION,
            name=name,
            edrpou=edrpou_with_check_digit(base),
            address=address,
            email=f"office{n}@org.example",
        )
        for n, (name, base, address) in enumerate(ORGANISATIONS, start=1)
    ]
    people = [
        correspondents.correspondent_create(
            actor=registrar,
            kind=CorrespondentKind.PERSON,
            name=name,
            address=address,
        )
        for name, address in PEOPLE
    ]
    return organisations, people


def _journals(registrar: User, unit: OrgUnit) -> dict[str, Journal]:
    return {
        key: registration.journal_create(
            actor=registrar,
            name=name,
            kind=kind,
            org_unit=unit,
            index_template=template,
            case_index=case_index,
        )
        for key, name, kind, template, case_index in JOURNALS
    }


def _register(
    *,
    journal: Journal,
    registrar: User,
    summary: str,
    on: date,
    minute: int,
    correspondent: Correspondent | None = None,
    signatory: User | None = None,
    channel: Channel = Channel.POST,
) -> Document:
    seq = sequence_next(journal=journal.sequence_key, year=on.year)
    letter = correspondent.name[:1].upper() if correspondent else ""
    number = registration_index_format(
        journal.index_template,
        seq=seq,
        year=on.year,
        case_index=journal.case_index,
        letter=letter,
    )
    moment = timezone.make_aware(
        datetime.combine(on, time(9)) + timedelta(minutes=minute)
    )
    document = Document.objects.create(
        kind=journal.kind,
        status=DocumentStatus.REGISTERED,
        org_unit=journal.org_unit,
        created_by=registrar,
        journal=journal,
        registration_year=on.year,
        registration_seq=seq,
        registration_number=number,
        registered_on=on,
        registered_at=moment,
        registered_by=registrar,
        summary=summary,
        access_level=AccessLevel.INTERNAL,
        channel=channel,
        correspondent=correspondent,
        correspondent_date=on - timedelta(days=2) if correspondent else None,
        signatory=signatory,
        holder=registrar,
        held_since=moment,
        due_on=on + timedelta(days=30) if journal.kind != DocumentKind.ORDER else None,
    )
    audit_record(
        actor=registrar,
        action="documents.register",
        target=document,
        data={"number": number, "journal": journal.pk, "demo": True},
    )
    registration.document_index(document_id=document.pk)
    return document


def _plan(
    organisations: list[Correspondent], people: list[Correspondent], mayor: User
) -> list[tuple[str, str, Correspondent | None, User | None, Channel]]:
    plan: list[tuple[str, str, Correspondent | None, User | None, Channel]] = []
    for n, summary in enumerate(INCOMING_SUMMARIES):
        channel = Channel.EMAIL if n % 3 == 0 else Channel.POST
        plan.append(("incoming", summary, organisations[n % 7], None, channel))
    for n, summary in enumerate(APPEAL_SUMMARIES):
        channel = Channel.PORTAL if n % 2 else Channel.IN_PERSON
        plan.append(("appeals", summary, people[n % 3], None, channel))
    for n, summary in enumerate(OUTGOING_SUMMARIES):
        plan.append(("outgoing", summary, organisations[n], mayor, Channel.EMAIL))
    plan += [("orders", s, None, mayor, Channel.INTERNAL) for s in ORDER_SUMMARIES]
    plan += [
        ("decisions", s, None, mayor, Channel.INTERNAL) for s in DECISION_SUMMARIES
    ]
    plan += [
        ("public_info", s, people[n], None, Channel.EMAIL)
        for n, s in enumerate(PUBLIC_INFO_SUMMARIES)
    ]
    return plan


@transaction.atomic
def load(context: DemoContext) -> None:
    """Create the nomenclature, journals, correspondents and ~30 cards once."""
    demo_archive.load(context)
    if Journal.objects.exists():
        return
    staff = account_selectors.staff_user_list()
    registrar = staff.filter(email=f"registrar@{DEMO_DOMAIN}").first()
    mayor = staff.filter(email=f"mayor@{DEMO_DOMAIN}").first()
    unit = OrgUnit.objects.filter(unit_index="01").first()
    if registrar is None or mayor is None or unit is None:
        context.log.append("documents: skipped, the demo staff is missing")
        return
    journals = _journals(registrar, unit)
    organisations, people = _correspondents(registrar)
    plan = _plan(organisations, people, mayor)
    # Mixed journals day by day; dates grow with n, and so do the numbers.
    context.rng.shuffle(plan)
    count = len(plan)
    for n, (key, summary, correspondent, signatory, channel) in enumerate(plan):
        _register(
            journal=journals[key],
            registrar=registrar,
            summary=summary,
            on=_working_day((count - 1 - n) * 2 // 3),
            minute=n * 7,
            correspondent=correspondent,
            signatory=signatory,
            channel=channel,
        )
    context.log.append(
        f"documents: {len(journals)} journals, "
        f"{len(organisations) + len(people)} correspondents, {count} cards"
    )
    head = staff.filter(email=f"head@{DEMO_DOMAIN}").first()
    executor = staff.filter(email=f"executor@{DEMO_DOMAIN}").first()
    if head is None or executor is None:
        context.log.append("documents: no desk work, the demo head is missing")
        return
    made = demo_desk.load(
        registrar=registrar,
        head=head,
        executor=executor,
        journal=journals["incoming"],
        office=unit,
        correspondents=organisations,
    )
    context.log.append(f"documents: {made} cards of today's work on the desks")
