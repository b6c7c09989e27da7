"""The demo city's registry: four years of acts with editions and relations.

Written through the services, as the office would: about two hundred acts
of the council, its executive committee, the mayor and the education
department, and two dozen later ones that amend, repeal, supersede or implement
them, a few
internal and a few drafts, and the scans of the newest decisions. A few
regulatory decisions carry their impact analysis and basic tracking report
(REG-05), the oldest of them its repeat report too. Dates are fixed, so
the registry is the same whenever it is loaded.
"""

import random
from datetime import date, timedelta

from django.utils import timezone
from django.utils.html import escape
from weasyprint import HTML

from hromada.core.demo import DemoContext
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit, OrgUnitKind
from hromada.registry import texts
from hromada.registry.models import (
    ActAccess,
    ActKind,
    ActStatus,
    LegalAct,
    RegulatoryDocumentKind,
    RelationKind,
)
from hromada.registry.selectors import acts as act_selectors
from hromada.registry.services import acts as act_services
from hromada.registry.services import changes as change_services
from hromada.registry.services import regulatory as regulatory_services
from hromada.registry.services.acts import ActData
from hromada.registry.services.regulatory import RegulatoryDocumentData

FIRST_DAY = date(2023, 1, 12)
LAST_DAY = date(2026, 11, 13)
# (kind, acts a year, the issuer's kind or name)
PLAN = (
    (ActKind.COUNCIL_DECISION, 18, OrgUnitKind.COUNCIL),
    (ActKind.EXECUTIVE_DECISION, 16, OrgUnitKind.EXECUTIVE_COMMITTEE),
    (ActKind.MAYOR_ORDER, 12, OrgUnitKind.LEADERSHIP),
    (ActKind.ORDER, 4, "Відділ освіти"),
)
SCANNED = 6
REGULATORY = 3
# (kind, title, days from the act's entry into force to the document)
REGULATORY_DOCUMENTS = (
    (
        RegulatoryDocumentKind.IMPACT_ANALYSIS,
        "Аналіз регуляторного впливу проєкту рішення «{title}»",
        -60,
    ),
    (
        RegulatoryDocumentKind.BASIC_TRACKING,
        "Звіт про базове відстеження результативності рішення «{title}»",
        -3,
    ),
    (
        RegulatoryDocumentKind.REPEAT_TRACKING,
        "Звіт про повторне відстеження результативності рішення «{title}»",
        380,
    ),
)
RELATED = 24
# How a later act names the act it acts on: «до рішення виконавчого комітету».
GENITIVE = {
    ActKind.COUNCIL_DECISION: "рішення міської ради",
    ActKind.EXECUTIVE_DECISION: "рішення виконавчого комітету",
    ActKind.MAYOR_ORDER: "розпорядження міського голови",
}
# (relation, title, operative part) of a later act.
RELATIONS = (
    (
        RelationKind.AMENDS,
        "Про внесення змін до {act}",
        "Внести зміни до {act}, виклавши пункти в редакції, що додається.",
    ),
    (
        RelationKind.REPEALS,
        "Про визнання таким, що втратило чинність, {act}",
        "Визнати таким, що втратило чинність, {act}.",
    ),
    (
        RelationKind.SUPERSEDES,
        "Про затвердження в новій редакції {act}",
        "Викласти {act} в новій редакції, що додається.",
    ),
    (
        RelationKind.IMPLEMENTS,
        "Про заходи щодо виконання {act}",
        "На виконання {act} виконавчим органам забезпечити заходи у строки, "
        "визначені додатком.",
    ),
)


def load(context: DemoContext) -> None:
    """Register the demo acts once; a second run changes nothing."""
    if LegalAct.objects.exists():
        return
    rng = context.rng
    issuers = _issuers()
    acts = []
    for kind, per_year, issuer_key in PLAN:
        acts.extend(
            _register_kind(
                rng, kind=kind, per_year=per_year, issuer=issuers[issuer_key]
            )
        )
    acts.sort(key=lambda act: (act.adopted_on, act.pk))
    acts.extend(_relate(rng, acts))
    acts.sort(key=lambda act: (act.adopted_on, act.pk))
    _scans(acts)
    documents = _regulatory(acts)
    context.log.append(f"registry: {len(acts)} acts, {documents} regulatory documents")


def _issuers() -> dict[object, OrgUnit]:
    units = org_selectors.org_unit_list_active()
    found: dict[object, OrgUnit] = {}
    for _kind, _count, key in PLAN:
        chosen = (
            units.filter(kind=key)
            if isinstance(key, OrgUnitKind)
            else units.filter(name=key)
        )
        found[key] = chosen.order_by("sort_order").first() or units.get(
            kind=OrgUnitKind.COUNCIL
        )
    return found


def _register_kind(
    rng: random.Random, *, kind: ActKind, per_year: int, issuer: OrgUnit
) -> list[LegalAct]:
    registered = []
    for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
        days = sorted(_day(rng, year) for _ in range(per_year))
        for number, day in enumerate(days, start=1):
            registered.append(
                _register(rng, kind=kind, issuer=issuer, day=day, number=number)
            )
    return registered


def _day(rng: random.Random, year: int) -> date:
    start = max(date(year, 1, 10), FIRST_DAY)
    end = min(date(year, 12, 27), LAST_DAY)
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _register(
    rng: random.Random, *, kind: ActKind, issuer: OrgUnit, day: date, number: int
) -> LegalAct:
    topic = texts.TOPIC_EDUCATION if kind == ActKind.ORDER else rng.choice(texts.TOPICS)
    words = rng.choice((180, 300, 450, 700, 1200))
    is_normative = kind == ActKind.COUNCIL_DECISION and rng.random() < 0.4
    is_draft = day > LAST_DAY - timedelta(days=40) and rng.random() < 0.4
    data = ActData(
        kind=kind,
        number=_number(kind, number=number, year=day.year),
        adopted_on=day,
        issuer=issuer,
        title=texts.act_title(rng, topic=topic, year=day.year),
        text=texts.act_text(rng, topic=topic, kind=kind, words=words),
        access=ActAccess.INTERNAL
        if kind == ActKind.ORDER and number % 2
        else ActAccess.PUBLIC,
        is_normative=is_normative,
        is_regulatory=is_normative
        and topic.code in {"utilities", "property", "improvement"},
        is_draft=is_draft,
        published_on=None if is_draft else day + timedelta(days=rng.randint(1, 5)),
    )
    return act_services.act_register(actor=None, data=data)


def _number(kind: ActKind, *, number: int, year: int) -> str:
    if kind == ActKind.COUNCIL_DECISION:
        return f"{number * 7 + year % 100}-{number // 3 + 1}/VIII"
    if kind == ActKind.MAYOR_ORDER:
        return f"{number * 3}-р"
    if kind == ActKind.ORDER:
        return f"{number}-од"
    return str(number * 11)


def _relate(rng: random.Random, acts: list[LegalAct]) -> list[LegalAct]:
    """Later acts of the same body that amend, repeal, supersede or
    implement some of the earlier ones, titled as such acts are."""
    candidates = [
        act
        for act in acts
        if act.kind in GENITIVE
        and act.is_public
        and act.status == ActStatus.IN_FORCE
        and act.adopted_on < LAST_DAY - timedelta(days=60)
    ]
    relating = []
    for serial, target in enumerate(rng.sample(candidates, k=RELATED), start=100):
        target.refresh_from_db()
        if target.status == ActStatus.REPEALED:
            continue
        kind, title, operative = rng.choice((RELATIONS[0], *RELATIONS))
        day = min(target.adopted_on + timedelta(days=rng.randint(30, 400)), LAST_DAY)
        reference = (
            f"{GENITIVE[ActKind(target.kind)]} від {target.adopted_on:%d.%m.%Y} "
            f"№ {target.number} «{target.title}»"
        )
        source = act_services.act_register(
            actor=None,
            data=ActData(
                kind=ActKind(target.kind),
                number=_number(ActKind(target.kind), number=serial, year=day.year),
                adopted_on=day,
                issuer=target.issuer,
                title=title.format(act=reference),
                text=f"{texts.PREAMBLE}\n\n1. {operative.format(act=reference)}",
                published_on=day + timedelta(days=2),
            ),
        )
        text = (
            _amended_text(target, source=source) if kind == RelationKind.AMENDS else ""
        )
        change_services.act_relate(
            actor=None, source=source, target=target, kind=kind, text=text
        )
        relating.append(source)
    return relating


def _amended_text(target: LegalAct, *, source: LegalAct) -> str:
    before = act_selectors.act_text_on(act=target, on=source.adopted_on).text
    note = (
        f"(Пункт у редакції рішення № {source.number} "
        f"від {source.adopted_on:%d.%m.%Y}.)"
    )
    return f"{before}\n\n{note}"


def _scans(acts: list[LegalAct]) -> None:
    """PDFs of the newest public decisions, as a scanner would give them."""
    newest = [act for act in reversed(acts) if act.is_public and act.status != "draft"]
    for act in newest[:SCANNED]:
        act_services.act_scan_attach(
            actor=None, act=act, content=_pdf(act), name=f"{act.slug}.pdf"
        )


def _regulatory(acts: list[LegalAct]) -> int:
    """Impact analyses and tracking reports of the oldest public regulatory
    decisions in force, each as a small PDF; none dated after today. The
    oldest also has its repeat report."""
    chosen = [
        act
        for act in acts
        if act.is_regulatory and act.is_public and act.status == ActStatus.IN_FORCE
    ][:REGULATORY]
    attached = 0
    for number, act in enumerate(chosen):
        kinds = REGULATORY_DOCUMENTS if number == 0 else REGULATORY_DOCUMENTS[:2]
        attached += _attach(act, kinds=kinds, today=timezone.localdate())
    return attached


def _attach(
    act: LegalAct,
    *,
    kinds: tuple[tuple[RegulatoryDocumentKind, str, int], ...],
    today: date,
) -> int:
    attached = 0
    for kind, title, offset in kinds:
        day = (act.effective_from or act.adopted_on) + timedelta(days=offset)
        if day > today:
            continue
        name = title.format(title=act.title)[:500]
        regulatory_services.regulatory_document_add(
            actor=None,
            act=act,
            data=RegulatoryDocumentData(
                kind=kind,
                title=name,
                prepared_on=day,
                published_on=min(day + timedelta(days=2), today),
            ),
            content=_document_pdf(act, heading=name, day=day),
            name=f"{act.slug}-{kind}.pdf",
        )
        attached += 1
    return attached


def _document_pdf(act: LegalAct, *, heading: str, day: date) -> bytes:
    return _printed(
        act,
        heading=[f"<b>{escape(heading)}</b>"],
        body=[
            f"{day:%d.%m.%Y}",
            "Підготовлено відповідно до Закону України «Про засади державної "
            "регуляторної політики у сфері господарської діяльності» та Методики, "
            "затвердженої постановою Кабінету Міністрів України від 11.03.2004 "
            "№ 308.",
        ],
    )


def _pdf(act: LegalAct) -> bytes:
    return _printed(
        act,
        heading=[escape(act.get_kind_display().upper())],
        body=[
            f"{act.adopted_on:%d.%m.%Y} № {escape(act.number)}",
            f"<b>{escape(act.title)}</b>",
            *map(escape, act.text.split("\n\n")),
        ],
    )


def _printed(act: LegalAct, *, heading: list[str], body: list[str]) -> bytes:
    """A PDF under the issuer's name: centred heading lines, then paragraphs
    (each already HTML)."""
    centred = [f"<b>{escape(act.issuer.name.upper())}</b>", *heading]
    html = (
        "<html><body style='font-family: serif; font-size: 12pt'>"
        + "".join(f"<p style='text-align:center'>{line}</p>" for line in centred)
        + "".join(f"<p>{paragraph}</p>" for paragraph in body)
        + "</body></html>"
    )
    return HTML(string=html).write_pdf()
