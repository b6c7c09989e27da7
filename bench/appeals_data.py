"""The synthetic history of ``bench/appeals.py``: a benchmark fixture.

Ten years of a city's appeals, written straight in batches
(``bench/edms_rows.py``: COPY on PostgreSQL, in a thread while the next
batch is made), bypassing the services — a fixture for measuring reads and
the filing path, never a way to file appeals. Each appeal has its EDMS
card, its applicant and its first timeline steps, as filing makes them.

Shape for ``scale`` = 1.0 (Kyiv's 1551 took 1.2 million appeals in 2023):
12 million appeals over ten years, evenly; the category tree, routing
rules and units of the demo city, the common categories chosen more
often; titles and descriptions in Ukrainian drawn from the category
(``bench/appeals_texts.py``), for the classifier to learn from; five
districts; 85 % public; appeals older than two months answered or closed,
the recent ones in every state.
"""

import random
import uuid
from bisect import bisect
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from bench import appeals_texts, edms_rows
from hromada.accounts.models import User
from hromada.appeals import demo as appeals_demo
from hromada.appeals.models import (
    Appeal,
    AppealEvent,
    AppealStatus,
    Applicant,
    Category,
    RoutingRule,
)
from hromada.core.models import RegistrationSequence
from hromada.documents.models import Document, DocumentKind, Journal
from hromada.gis.models import District
from hromada.org.models import OrgUnit, OrgUnitKind

FULL_APPEALS = 12_000_000
YEARS = 10
SEED = 20261122
BATCH = 5_000
# The demo city's box: [min_lon, min_lat, max_lon, max_lat].
BOX = (30.32, 50.355, 30.42, 50.415)
SURNAMES = ("Мельник", "Шевченко", "Бойко", "Коваленко", "Бондаренко", "Ткаченко")
NAMES = ("Олена", "Андрій", "Ірина", "Василь", "Марія", "Петро")


@dataclass
class Fixture:
    """What the figures need from the generated history."""

    appeals: int = 0
    seconds: float = 0.0
    citizen: User | None = None
    sysadmin: User | None = None
    category_code: str = ""
    reused: bool = False


@dataclass(frozen=True)
class Lookup:
    """The leaf categories (ids, their units, how often each is chosen,
    their texts) and the districts, read once before the bulk writes."""

    categories: list[int]
    units: list[int | None]
    cum_weights: list[int]
    texts: list[appeals_texts.Pool]
    districts: list[int]


def _setup() -> tuple[dict[str, int], Lookup, Journal, Fixture]:
    """Units, the category tree, rules, districts and the journal."""
    names = {node.unit for node in appeals_demo.CATEGORIES if node.unit}
    units = {
        name: OrgUnit.objects.create(
            kind=OrgUnitKind.ENTERPRISE, name=name, unit_index=f"{30 + n}"
        )
        for n, name in enumerate(sorted(names))
    }
    appeals_demo._categories(units, controller=None)
    council = OrgUnit.objects.create(
        kind=OrgUnitKind.COUNCIL, name="Міська рада", unit_index="01"
    )
    journal = Journal.objects.create(
        name="Звернення громадян",
        kind=DocumentKind.APPEAL,
        org_unit=council,
        index_template="{letter}-{seq}",
        case_index="01-20",
    )
    width = (BOX[2] - BOX[0]) / 5
    for n in range(5):
        west = BOX[0] + n * width
        ring = [
            [west, BOX[1]],
            [west + width, BOX[1]],
            [west + width, BOX[3]],
            [west, BOX[3]],
            [west, BOX[1]],
        ]
        District.objects.create(
            name=f"Район {n + 1}",
            code=f"district-{n + 1}",
            geometry={"type": "Polygon", "coordinates": [ring]},
            min_lon=west,
            min_lat=BOX[1],
            max_lon=west + width,
            max_lat=BOX[3],
        )
    leaves = list(
        Category.objects.filter(children__isnull=True).values_list("code", "pk", "name")
    )
    unit_of = {
        rule.category_id: rule.unit_id
        for rule in RoutingRule.objects.filter(keywords="", unit__isnull=False)
    }
    fixture = Fixture(
        citizen=User.objects.create_user(email="citizen@bench.example"),
        sysadmin=User.objects.create_user(email="sysadmin@bench.example"),
        category_code=leaves[0][0],
    )
    named = [(code, name) for code, _pk, name in leaves]
    lookup = Lookup(
        categories=[pk for _code, pk, _name in leaves],
        units=[unit_of.get(pk) for _code, pk, _name in leaves],
        cum_weights=list(accumulate(appeals_texts.weights(named))),
        texts=appeals_texts.pools(named),
        districts=list(
            District.objects.order_by("min_lon").values_list("pk", flat=True)
        ),
    )
    return {"journal": journal.pk, "unit": council.pk}, lookup, journal, fixture


def generated() -> bool:
    """Whether this database holds a history written by ``generate``."""
    return User.objects.filter(email="sysadmin@bench.example").exists()


def kept() -> Fixture:
    """What the figures need from a history an earlier run left."""
    started = timezone.now()
    leaves = Category.objects.filter(children__isnull=True).order_by("pk")
    codes = list(leaves.values_list("code", flat=True)[:1])
    fixture = Fixture(
        appeals=Appeal.objects.count(),
        citizen=User.objects.get(email="citizen@bench.example"),
        sysadmin=User.objects.get(email="sysadmin@bench.example"),
        category_code=codes[0],
        reused=True,
    )
    fixture.seconds = (timezone.now() - started).total_seconds()
    return fixture


def generate(*, scale: float) -> Fixture:
    """Fill the empty, migrated database; returns what the figures need."""
    started = timezone.now()
    rng = random.Random(SEED)
    with transaction.atomic():
        ids, lookup, journal, fixture = _setup()
    total = max(int(FULL_APPEALS * scale), 1)
    tables = {
        model: edms_rows.Rows(model)
        for model in (Document, Applicant, Appeal, AppealEvent)
    }
    writer = edms_rows.Writer()
    now = timezone.now()
    first = now - timedelta(days=365 * YEARS)
    step = (now - first) / total
    # Numbers restart every year (EDMS-02), as the journal's counter does.
    counters: dict[int, int] = {}
    for n in range(total):
        at = first + step * n
        year = timezone.localtime(at).year
        counters[year] = counters.get(year, 0) + 1
        _appeal(rng, tables, ids, lookup, at=at, seq=counters[year], now=now)
        if len(tables[Appeal]) >= BATCH:
            writer.put(tables.values())
    writer.put(tables.values())
    writer.close()
    edms_rows.reset_sequences(tables)
    RegistrationSequence.objects.bulk_create(
        RegistrationSequence(journal=journal.sequence_key, year=year, last_value=last)
        for year, last in counters.items()
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    fixture.appeals = total
    fixture.seconds = (timezone.now() - started).total_seconds()
    return fixture


def _appeal(
    rng: random.Random,
    tables: dict[Any, edms_rows.Rows],
    ids: dict[str, int],
    lookup: Lookup,
    *,
    at: datetime,
    seq: int,
    now: datetime,
) -> None:
    which = _choose(rng, lookup.cum_weights)
    lon = rng.uniform(BOX[0], BOX[2])
    lat = rng.uniform(BOX[1], BOX[3])
    district = lookup.districts[min(int((lon - BOX[0]) / (BOX[2] - BOX[0]) * 5), 4)]
    unit = lookup.units[which]
    surname = rng.choice(SURNAMES)
    number = f"{surname[0]}-{seq}"
    due = (at + timedelta(days=15)).date()
    old = (now - at).days > 60
    status, answered = _fate(rng, old=old, at=at)
    title, description = lookup.texts[which].draw(rng)
    document = tables[Document].add(
        {
            "kind": DocumentKind.APPEAL,
            "status": "registered",
            "org_unit_id": ids["unit"],
            "journal_id": ids["journal"],
            "registration_year": timezone.localtime(at).year,
            "registration_seq": seq,
            "registration_number": number,
            "registered_on": timezone.localtime(at).date(),
            "registered_at": at,
            "summary": title,
            "access_level": "internal",
            "channel": "portal",
            "due_on": due,
            "created_at": at,
            "updated_at": answered or at,
            "public_id": uuid.uuid4(),
        }
    )
    applicant = tables[Applicant].add(
        {
            "family_name": surname,
            "given_name": rng.choice(NAMES),
            "email": f"person{seq}@bench.example",
            "phone": f"+38050{seq % 10_000_000:07d}",
            "postal_address": f"вул. Садова, {seq % 200 + 1}",
            "created_at": at,
            "updated_at": at,
            "public_id": uuid.uuid4(),
        }
    )
    appeal = tables[Appeal].add(
        {
            "document_id": document,
            "number": number,
            "registered_at": at,
            "applicant_id": applicant,
            "kind": "statement",
            "subject": "individual",
            "receipt_form": "post",
            "receipt_attribute": "primary",
            "appeal_form": "electronic",
            "channel": "portal",
            "category_id": lookup.categories[which],
            "answers": {},
            "title": title,
            "description": description,
            "public_title": title,
            "public_description": description,
            "is_public": rng.random() < 0.85,
            "lon": lon,
            "lat": lat,
            "district_id": district,
            "status": status,
            "unit_id": unit,
            "due_on": due,
            "due_rule": "appeal.no_study",
            "due_explanation": "15 днів (ст. 20)",
            "limit_on": (at + timedelta(days=45)).date(),
            "answered_at": answered,
            "answer_text": "Виконано." if answered else "",
            "public_answer": "Виконано." if answered else "",
            "outcome": "satisfied" if answered else "",
            "closed_at": answered if status == AppealStatus.CLOSED else None,
            "created_at": at,
            "updated_at": answered or at,
            "public_id": uuid.uuid4(),
        }
    )
    for kind, moment in (("registered", at), ("routed", at)):
        tables[AppealEvent].add(
            {
                "appeal_id": appeal,
                "kind": kind,
                "at": moment,
                "unit_id": unit if kind == "routed" else None,
                "created_at": moment,
                "updated_at": moment,
                "public_id": uuid.uuid4(),
            }
        )


def _choose(rng: random.Random, cum_weights: list[int]) -> int:
    """The index of a weighted choice; ``random.choices`` builds a list
    per call, which 12 million calls notice."""
    return bisect(cum_weights, rng.random() * cum_weights[-1])


def _fate(
    rng: random.Random, *, old: bool, at: datetime
) -> tuple[str, datetime | None]:
    """The appeal's status today, and when it was answered."""
    answered = min(at + timedelta(days=rng.randint(1, 30)), timezone.now())
    roll = rng.random()
    if old:
        return (
            (AppealStatus.CLOSED, answered)
            if roll < 0.9
            else (
                AppealStatus.ANSWERED,
                answered,
            )
        )
    if roll < 0.5:
        return AppealStatus.REGISTERED, None
    return (
        (AppealStatus.CLOSED, answered)
        if roll < 0.8
        else (
            AppealStatus.ANSWERED,
            answered,
        )
    )
