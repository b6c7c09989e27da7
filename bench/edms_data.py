"""The synthetic EDMS history of ``bench/edms.py``: a benchmark fixture.

Rows go straight in, in batches (``bench/edms_rows.py``: COPY on
PostgreSQL, written in a thread while the next batch is made; the rows
that hang off each card come from ``bench/edms_cards.py``), bypassing the
services (no audit events, no permission checks, no per-row
lemmatisation): this is a fixture for measuring reads and the
registration path, never a way to create documents. It runs in a process
whose Django settings point at a dedicated, freshly migrated database.

Shape, for ``scale`` = 1.0 (the issue's "Kazan-scale-times-ten"): 4.5
million cards and 2.5 million tasks over ten years, 1,500 staff. Users do
not scale. One executor (``busy``) holds ``BUSY_OPEN_TASKS`` open tasks; one
department (``large_unit``) employs a fifth of the staff, so its control
journal is the largest.
"""

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from bench import edms_rows, edms_staff
from bench.edms_cards import (
    INBOUND,
    Card,
    Lemmas,
    Tables,
    addressees,
    index,
    resolutions,
)
from bench.edms_staff import (
    BATCH,
    FULL_DOCUMENTS,
    YEARS,
    Staff,
)
from hromada.accounts.models import User
from hromada.core.models import RegistrationSequence
from hromada.documents.models import (
    AccessLevel,
    Channel,
    Correspondent,
    Document,
    DocumentAddressee,
    DocumentKind,
    DocumentStatus,
    Journal,
    Resolution,
    ResolutionStatus,
    Task,
    TaskRole,
    TaskStatus,
)
from hromada.org.models import Employee, OrgUnit
from hromada.search.models import SearchDocument, SearchField

FULL_TASKS = 2_500_000
BUSY_OPEN_TASKS = 600
SEED = 20_240_603

# Kinds in the proportions of a city council's mail, with journal templates.
KINDS: tuple[tuple[DocumentKind, float, str, str], ...] = (
    (DocumentKind.INCOMING, 0.45, "{seq}/{case_index}", "01-10"),
    (DocumentKind.APPEAL, 0.15, "{letter}-{seq}", ""),
    (DocumentKind.OUTGOING, 0.20, "{case_index}/{seq}", "01-20"),
    (DocumentKind.INTERNAL, 0.10, "{seq}-вн", ""),
    (DocumentKind.ORDER, 0.05, "{seq}-р", ""),
    (DocumentKind.PUBLIC_INFO_REQUEST, 0.03, "ЗІ-{seq}", ""),
    (DocumentKind.DEPUTY_APPEAL, 0.02, "Д-{seq}", ""),
)
SUBJECTS = (
    "Про ремонт дорожнього покриття на вулиці Шевченка",
    "Щодо відключення гарячого водопостачання",
    "Про надання матеріальної допомоги на лікування",
    "Щодо благоустрою прибудинкової території",
    "Про виділення земельної ділянки під будівництво",
    "Щодо графіка вивезення твердих побутових відходів",
    "Про встановлення дорожніх знаків біля школи",
    "Щодо тарифів на теплопостачання",
    "Про ремонт покрівлі багатоквартирного будинку",
    "Щодо освітлення вулиць у мікрорайоні",
    "Про підготовку до опалювального сезону",
    "Щодо обстеження аварійних дерев",
    "Про розміщення тимчасової споруди",
    "Щодо роботи громадського транспорту",
    "Про погодження проєкту детального плану території",
    "Щодо ремонту ліфтів у під'їздах",
    "Про надання інформації щодо використання бюджетних коштів",
    "Щодо облаштування укриття в закладі освіти",
    "Про звернення депутата щодо водовідведення",
    "Щодо відшкодування збитків від підтоплення",
)
STREETS = ("Шевченка", "Франка", "Лесі Українки", "Садова", "Вишнева", "Миру")
SAMPLE_WORDS = "ремонт покрівлі"


@dataclass(kw_only=True)
class Fixture:
    """What the measurements need to know about the generated history."""

    scale: float
    documents: int = 0
    tasks: int = 0
    users: int = 0
    registrar: User | None = None
    busy: User | None = None
    large_unit: OrgUnit | None = None
    large_head: User | None = None
    # The head of the last (small) unit: "To resolve" of a unit whose cards
    # are a small share of the history.
    small_head: User | None = None
    sample_number: str = ""
    sample_words: str = ""
    # Writing the history; for a reused one, settling it (``settle``).
    seconds: float = 0.0
    journals: dict[str, Journal] = field(default_factory=dict)


@contextmanager
def _history_timestamps() -> Iterator[None]:
    """Let ``created_at``/``updated_at`` keep the generated ten-year dates."""
    touched: list[tuple[models.DateTimeField, str, bool]] = []
    for model in (Document, Resolution, Task, DocumentAddressee, SearchDocument):
        for name in ("created_at", "updated_at"):
            fld = model._meta.get_field(name)
            for flag in ("auto_now", "auto_now_add"):
                touched.append((fld, flag, getattr(fld, flag)))  # type: ignore[arg-type]
                setattr(fld, flag, False)
    try:
        yield
    finally:
        for fld, flag, value in touched:
            setattr(fld, flag, value)


def generate(*, scale: float) -> Fixture:
    """Fill the empty, migrated database; returns what the figures need."""
    started = timezone.now()
    rng = random.Random(SEED)
    fixture = Fixture(scale=scale)
    with transaction.atomic():
        staff = edms_staff.people(rng)
        fixture.users = edms_staff.USERS
        fixture.registrar = staff.registrars[0]
        fixture.large_unit = staff.units[0]
        fixture.large_head = staff.heads[staff.units[0].pk]
        fixture.busy = staff.busy
        fixture.small_head = staff.heads[staff.units[-1].pk]
        correspondents = edms_staff.correspondents(rng, scale)
        fixture.journals = edms_staff.journals(staff, KINDS)
    with _history_timestamps():
        _documents(rng, fixture, staff, correspondents)
        _busy_tasks(rng, fixture, staff)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_searchdocument_fts (rowid, title_lemmas, lemmas) "
                "SELECT id, title_lemmas, lemmas FROM search_searchdocument"
            )
    settle()
    fixture.seconds = (timezone.now() - started).total_seconds()
    return fixture


def settle() -> None:
    """Bring a history to the state a running city's database is in.

    Rows written in bulk are not yet marked visible to every transaction,
    so index-only scans still read the tables, and autovacuum soon starts
    to do that marking over millions of rows, for minutes, beside the
    measured requests (one suspect in E2's spread of 37–59 ms between runs
    on the same history). ``VACUUM (ANALYZE)`` does it now; on a history
    already settled it skips every page. It waits for an autovacuum under
    way on a table instead of running beside it. SQLite needs only its
    statistics.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM (ANALYZE)")
        else:
            cursor.execute("ANALYZE")


def _documents(
    rng: random.Random,
    fixture: Fixture,
    staff: Staff,
    correspondents: list[Correspondent],
) -> None:
    total_docs = round(FULL_DOCUMENTS * fixture.scale)
    budget = max(round(FULL_TASKS * fixture.scale) - BUSY_OPEN_TASKS, 0)
    now = timezone.now()
    today = timezone.localdate()
    first_day = today - timedelta(days=365 * YEARS)
    span = (now - datetime.combine(first_day, time(8), now.tzinfo)).total_seconds()
    kinds = [k for k, _s, _t, _c in KINDS]
    weights = [s for _k, s, _t, _c in KINDS]
    inbound_share = sum(s for k, s, _t, _c in KINDS if k in INBOUND)
    # Each resolution gives 1.25 tasks on average (a co-executor in 1 of 4).
    resolution_chance = min(1.0, budget / 1.25 / max(total_docs * inbound_share, 1))
    sequences: dict[tuple[int, int], int] = {}
    lemmas = Lemmas()
    recent_since = now - timedelta(days=7)
    tables = Tables()
    writer = edms_rows.Writer()
    made = 0
    while made < total_docs:
        size = min(BATCH, total_docs - made)
        # Ascending moments: numbers grow with time within each year.
        offsets = sorted(rng.random() * span for _ in range(size))
        start = now - timedelta(seconds=span)
        batch = [
            _document(
                rng,
                fixture,
                staff,
                correspondents,
                kinds,
                weights,
                start + timedelta(seconds=offset),
                sequences,
                recent_since,
            )
            for offset in offsets
        ]
        for card in batch:
            tables.documents.add(card.values)
        addressees(batch, tables)
        resolutions(rng, staff, batch, resolution_chance, today, tables)
        index(batch, lemmas, tables)
        fixture.tasks += len(tables.tasks)
        writer.put(tables.in_order())
        fixture.documents += len(batch)
        made += size
    writer.close()
    edms_rows.reset_sequences(
        (Document, DocumentAddressee, Resolution, Task, SearchDocument, SearchField)
    )
    RegistrationSequence.objects.bulk_create(
        RegistrationSequence(
            journal=f"documents.journal.{journal_id}", year=year, last_value=last
        )
        for (journal_id, year), last in sequences.items()
    )
    fixture.sample_number = _sample_number()
    fixture.sample_words = SAMPLE_WORDS


def _sample_number() -> str:
    """A registration index a little way back: the 501st newest incoming."""
    return (
        Document.objects.filter(
            status=DocumentStatus.REGISTERED, kind=DocumentKind.INCOMING
        )
        .order_by("-registered_at")
        .values_list("registration_number", flat=True)[500]
    )


def _document(
    rng: random.Random,
    fixture: Fixture,
    staff: Staff,
    correspondents: list[Correspondent],
    kinds: list[DocumentKind],
    weights: list[float],
    moment: datetime,
    sequences: dict[tuple[int, int], int],
    recent_since: datetime,
) -> Card:
    kind = rng.choices(kinds, weights)[0]
    inbound = kind in INBOUND
    unit = staff.units[0] if rng.random() < 0.2 else rng.choice(staff.units)
    registrar = rng.choice(staff.registrars)
    correspondent = rng.choice(correspondents) if inbound else None
    summary = (
        f"{rng.choice(SUBJECTS)}, вул. {rng.choice(STREETS)}, {rng.randint(1, 120)}"
    )
    values: dict[str, Any] = {
        "public_id": uuid.uuid4(),
        "kind": kind,
        "org_unit_id": staff.office.pk if inbound else unit.pk,
        "created_by_id": registrar.pk,
        "summary": summary,
        "pages": rng.randint(1, 12),
        "channel": rng.choice((Channel.POST, Channel.EMAIL, Channel.PORTAL))
        if inbound
        else Channel.INTERNAL,
        "correspondent_id": correspondent.pk if correspondent else None,
        "correspondent_number": f"{rng.randint(1, 9999)}/{rng.randint(1, 99)}"
        if inbound
        else "",
        "correspondent_date": (moment - timedelta(days=rng.randint(1, 7))).date()
        if inbound
        else None,
        "signatory_id": None if inbound else staff.heads[unit.pk].pk,
        "access_level": AccessLevel.INTERNAL,
        "holder_id": registrar.pk,
        "held_since": moment,
        "created_at": moment,
        "updated_at": moment,
    }
    card = Card(
        values=values,
        unit=unit,
        correspondent=correspondent.name if correspondent else "",
    )
    roll = rng.random()
    if moment > recent_since and roll < 0.1:
        values["status"] = DocumentStatus.DRAFT
        return card
    journal = fixture.journals[kind]
    local = timezone.localtime(moment)
    year = local.year
    key = (journal.pk, year)
    seq = sequences.get(key, 0) + 1
    sequences[key] = seq
    letter = card.correspondent[:1].upper()
    registered_on = local.date()
    values.update(
        status=DocumentStatus.CANCELLED if roll > 0.995 else DocumentStatus.REGISTERED,
        journal_id=journal.pk,
        registration_year=year,
        registration_seq=seq,
        registration_number=journal.index_template.format(
            seq=seq, case_index=journal.case_index, letter=letter or "К"
        ),
        registered_on=registered_on,
        registered_at=moment,
        registered_by_id=registrar.pk,
        due_on=registered_on + timedelta(days=30) if inbound else None,
    )
    return card


def _busy_tasks(rng: random.Random, fixture: Fixture, staff: Staff) -> None:
    """The busy executor's open tasks, on the newest registered cards."""
    assert fixture.busy is not None
    assert fixture.large_unit is not None
    head = staff.heads[fixture.large_unit.pk]
    today = timezone.localdate()
    documents = list(
        Document.objects.filter(
            status=DocumentStatus.REGISTERED, kind__in=INBOUND, closed_as=""
        )
        .order_by("-registered_at")
        .only("pk", "registered_at", "registered_on")[:BUSY_OPEN_TASKS]
    )
    with transaction.atomic():
        resolutions = Resolution.objects.bulk_create(
            Resolution(
                document=d,
                author=head,
                entered_by=head,
                text="Опрацювати та доповісти",
                due_on=today + timedelta(days=rng.randint(-30, 60)),
                status=ResolutionStatus.ACTIVE,
                signed_at=d.registered_at,
                controller=head,
                created_at=d.registered_at,
                updated_at=d.registered_at,
            )
            for d in documents
        )
        Task.objects.bulk_create(
            Task(
                resolution=r,
                document=r.document,
                executor=fixture.busy,
                role=TaskRole.RESPONSIBLE,
                controller=head,
                reviewer=head,
                status=TaskStatus.ASSIGNED,
                due_on=r.due_on,
                assigned_at=r.signed_at,
                created_at=r.signed_at,
                updated_at=r.signed_at,
            )
            for r in resolutions
        )
        # Resolved now: off their heads' "To resolve" (services/awaiting.py).
        DocumentAddressee.objects.filter(document__in=documents).update(
            awaiting_resolution=False
        )
    fixture.tasks += len(resolutions)


def existing(*, scale: float) -> Fixture:
    """The fixture of a history generated by an earlier run and kept.

    ``edms_staff.people`` makes the same people in the same order every
    time: the first ``REGISTRARS`` users register, the first member of the
    large unit heads it and the second is the busy executor.
    """
    fixture = Fixture(scale=scale)
    users = User.objects.filter(email__endswith="@bench.example")

    def person(number: int) -> User:
        return users.get(email=f"bench{number:05}@bench.example")

    fixture.users = users.count()
    fixture.registrar = person(0)
    fixture.large_head = person(edms_staff.REGISTRARS)
    fixture.busy = person(edms_staff.REGISTRARS + 1)
    fixture.large_unit = OrgUnit.objects.get(unit_index="02")
    fixture.small_head = User.objects.get(
        pk=Employee.objects.get(
            position__org_unit__unit_index=f"{edms_staff.DEPARTMENTS + 1:02}",
            position__is_head=True,
        ).user_id
    )
    fixture.journals = {j.kind: j for j in Journal.objects.order_by("pk")}
    fixture.documents = Document.objects.count()
    fixture.tasks = Task.objects.count()
    fixture.sample_number = _sample_number()
    fixture.sample_words = SAMPLE_WORDS
    started = timezone.now()
    settle()
    fixture.seconds = (timezone.now() - started).total_seconds()
    return fixture


def summary(fixture: Fixture) -> dict[str, Any]:
    """The fixture's size, for the run's first JSON line."""
    return {
        "documents": fixture.documents,
        "tasks": fixture.tasks,
        "users": fixture.users,
        "busy_open_tasks": Task.objects.filter(
            executor=fixture.busy, status__in=(TaskStatus.ASSIGNED, TaskStatus.REPORTED)
        ).count(),
        "generation_s": round(fixture.seconds, 1),
    }
