"""The synthetic EDMS history of ``bench/edms.py``: a benchmark fixture.

Rows go straight in with ``bulk_create`` in batches, bypassing the services
(no audit events, no permission checks, no per-row lemmatisation): this is
a fixture for measuring reads and the registration path, never a way to
create documents. It runs in a process whose Django settings point at a
dedicated, freshly migrated database.

Shape, for ``scale`` = 1.0 (the issue's "Kazan-scale-times-ten"): 4.5
million cards and 2.5 million tasks over ten years, 1,500 staff. Users do
not scale. One executor (``busy``) holds ``BUSY_OPEN_TASKS`` open tasks; one
department (``large_unit``) employs a fifth of the staff, so its control
journal is the largest.
"""

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from bench import edms_staff
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
from hromada.org.models import OrgUnit
from hromada.search import lemmatiser, terms
from hromada.search.models import SearchDocument, SearchField

FULL_TASKS = 2_500_000
BUSY_OPEN_TASKS = 600
SEARCH_KIND = "documents.document"
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
# Kinds that come from outside: a correspondent, an addressee, resolutions.
INBOUND = frozenset(
    {
        DocumentKind.INCOMING,
        DocumentKind.APPEAL,
        DocumentKind.PUBLIC_INFO_REQUEST,
        DocumentKind.DEPUTY_APPEAL,
    }
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
    sample_number: str = ""
    sample_words: str = ""
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
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    fixture.seconds = (timezone.now() - started).total_seconds()
    return fixture


class _Lemmas:
    """Term groups per distinct string: pymorphy once per subject, not row."""

    def __init__(self) -> None:
        self._cache: dict[str, list[terms.TermGroup]] = {}

    def groups(self, text: str) -> list[terms.TermGroup]:
        found = self._cache.get(text)
        if found is None:
            lemmas = (terms.term_group(x) for x in lemmatiser.lemmatise(text))
            found = [group for group in lemmas if group]
            if len(self._cache) < 200_000:
                self._cache[text] = found
        return found


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
    lemmas = _Lemmas()
    made = 0
    while made < total_docs:
        size = min(BATCH, total_docs - made)
        # Ascending moments: numbers grow with time within each year.
        offsets = sorted(rng.random() * span for _ in range(size))
        start = now - timedelta(seconds=span)
        batch: list[Document] = []
        for offset in offsets:
            moment = start + timedelta(seconds=offset)
            batch.append(
                _document(
                    rng,
                    fixture,
                    staff,
                    correspondents,
                    kinds,
                    weights,
                    moment,
                    sequences,
                )
            )
        with transaction.atomic():
            Document.objects.bulk_create(batch)
            _addressees(batch)
            tasks = _resolutions(rng, staff, batch, resolution_chance, today)
            _index(batch, lemmas)
        fixture.documents += len(batch)
        fixture.tasks += tasks
        made += size
    RegistrationSequence.objects.bulk_create(
        RegistrationSequence(
            journal=f"documents.journal.{journal_id}", year=year, last_value=last
        )
        for (journal_id, year), last in sequences.items()
    )
    sample = (
        Document.objects.filter(
            status=DocumentStatus.REGISTERED, kind=DocumentKind.INCOMING
        )
        .order_by("-registered_at")
        .values_list("registration_number", flat=True)[500]
    )
    fixture.sample_number = sample
    fixture.sample_words = "ремонт покрівлі"


def _document(
    rng: random.Random,
    fixture: Fixture,
    staff: Staff,
    correspondents: list[Correspondent],
    kinds: list[DocumentKind],
    weights: list[float],
    moment: datetime,
    sequences: dict[tuple[int, int], int],
) -> Document:
    kind = rng.choices(kinds, weights)[0]
    inbound = kind in INBOUND
    unit = staff.units[0] if rng.random() < 0.2 else rng.choice(staff.units)
    registrar = rng.choice(staff.registrars)
    correspondent = rng.choice(correspondents) if inbound else None
    summary = (
        f"{rng.choice(SUBJECTS)}, вул. {rng.choice(STREETS)}, {rng.randint(1, 120)}"
    )
    signatory = None if inbound else staff.heads[unit.pk]
    document = Document(
        kind=kind,
        org_unit=staff.office if inbound else unit,
        created_by=registrar,
        summary=summary,
        pages=rng.randint(1, 12),
        channel=rng.choice((Channel.POST, Channel.EMAIL, Channel.PORTAL))
        if inbound
        else Channel.INTERNAL,
        correspondent=correspondent,
        correspondent_number=f"{rng.randint(1, 9999)}/{rng.randint(1, 99)}"
        if inbound
        else "",
        correspondent_date=(moment - timedelta(days=rng.randint(1, 7))).date()
        if inbound
        else None,
        signatory=signatory,
        access_level=AccessLevel.INTERNAL,
        holder=registrar,
        held_since=moment,
        created_at=moment,
        updated_at=moment,
    )
    document._bench_unit = unit  # type: ignore[attr-defined]
    roll = rng.random()
    recent = moment > timezone.now() - timedelta(days=7)
    if recent and roll < 0.1:
        document.status = DocumentStatus.DRAFT
        return document
    journal = fixture.journals[kind]
    year = timezone.localtime(moment).year
    key = (journal.pk, year)
    seq = sequences.get(key, 0) + 1
    sequences[key] = seq
    letter = correspondent.name[:1].upper() if correspondent else ""
    document.status = (
        DocumentStatus.CANCELLED if roll > 0.995 else DocumentStatus.REGISTERED
    )
    document.journal = journal
    document.registration_year = year
    document.registration_seq = seq
    document.registration_number = journal.index_template.format(
        seq=seq, case_index=journal.case_index, letter=letter or "К"
    )
    document.registered_on = timezone.localtime(moment).date()
    document.registered_at = moment
    document.registered_by = registrar
    if inbound:
        document.due_on = document.registered_on + timedelta(days=30)
    return document


def _addressees(batch: list[Document]) -> None:
    DocumentAddressee.objects.bulk_create(
        DocumentAddressee(
            document=d,
            org_unit=d._bench_unit,  # type: ignore[attr-defined]
            created_at=d.created_at,
            updated_at=d.created_at,
        )
        for d in batch
        if d.kind in INBOUND
    )


def _resolutions(
    rng: random.Random,
    staff: Staff,
    batch: list[Document],
    chance: float,
    today: date,
) -> int:
    plans: list[tuple[Resolution, list[tuple[User, TaskRole]]]] = []
    for document in batch:
        if document.kind not in INBOUND or document.status != DocumentStatus.REGISTERED:
            continue
        if rng.random() >= chance:
            continue
        unit = document._bench_unit  # type: ignore[attr-defined]
        head = staff.heads[unit.pk]
        people = staff.members[unit.pk]
        signed = document.registered_at + timedelta(hours=rng.randint(2, 30))
        resolution = Resolution(
            document=document,
            author=head,
            entered_by=head,
            text="Розглянути та підготувати відповідь у встановлений строк",
            due_on=document.due_on,
            due_rule="task.default",
            status=ResolutionStatus.ACTIVE,
            signed_at=signed,
            controller=head,
            created_at=signed,
            updated_at=signed,
        )
        executors = rng.sample(people[1:], 2 if rng.random() < 0.25 else 1)
        roles = [TaskRole.RESPONSIBLE, TaskRole.CO_EXECUTOR]
        plans.append((resolution, list(zip(executors, roles, strict=False))))
    Resolution.objects.bulk_create([r for r, _e in plans])
    tasks: list[Task] = []
    for resolution, executors in plans:
        due = resolution.due_on
        for executor, role in executors:
            task = Task(
                resolution=resolution,
                document=resolution.document,
                executor=executor,
                role=role,
                controller=resolution.controller,
                due_on=due,
                assigned_at=resolution.signed_at,
                created_at=resolution.signed_at,
                updated_at=resolution.signed_at,
            )
            if due < today - timedelta(days=20) or rng.random() < 0.5:
                task.status = TaskStatus.DONE
                late = rng.random() < 0.1
                done = (
                    due + timedelta(days=rng.randint(1, 10))
                    if late
                    else due - timedelta(days=rng.randint(0, 20))
                )
                task.done_on = min(max(done, resolution.document.registered_on), today)
            elif rng.random() < 0.3:
                task.status = TaskStatus.REPORTED
            tasks.append(task)
    Task.objects.bulk_create(tasks)
    return len(tasks)


def _index(batch: list[Document], lemmas: _Lemmas) -> None:
    entries: list[SearchDocument] = []
    values: list[dict[str, str]] = []
    for document in batch:
        if document.status == DocumentStatus.DRAFT:
            continue
        correspondent = document.correspondent.name if document.correspondent else ""
        body = "\n".join(p for p in (document.summary, correspondent) if p)
        fields = {
            "registration_number": document.registration_number,
            "correspondent_number": document.correspondent_number,
        }
        number_groups = lemmas.groups(document.registration_number)
        summary_groups = lemmas.groups(document.summary)
        body_groups = summary_groups + lemmas.groups(correspondent)
        field_groups = [number_groups, lemmas.groups(document.correspondent_number)]
        entries.append(
            SearchDocument(
                kind=SEARCH_KIND,
                object_id=str(document.public_id),
                title=f"{document.registration_number} {document.summary}"[:1000],
                body=body,
                title_lemmas=terms.groups_text(number_groups + summary_groups),
                lemmas=terms.segments_text([body_groups, *field_groups]),
                fields=fields,
                is_public=False,
                created_at=document.created_at,
                updated_at=document.created_at,
            )
        )
        values.append(fields)
    SearchDocument.objects.bulk_create(entries)
    SearchField.objects.bulk_create(
        SearchField(document=entry, name=name, value=lemmatiser.normalise_value(value))
        for entry, fields in zip(entries, values, strict=True)
        for name, value in fields.items()
    )


def _busy_tasks(rng: random.Random, fixture: Fixture, staff: Staff) -> None:
    """The busy executor's open tasks, on the newest registered cards."""
    assert fixture.busy is not None
    assert fixture.large_unit is not None
    head = staff.heads[fixture.large_unit.pk]
    today = timezone.localdate()
    documents = list(
        Document.objects.filter(status=DocumentStatus.REGISTERED, kind__in=INBOUND)
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
                status=TaskStatus.ASSIGNED,
                due_on=r.due_on,
                assigned_at=r.signed_at,
                created_at=r.signed_at,
                updated_at=r.signed_at,
            )
            for r in resolutions
        )
    fixture.tasks += len(resolutions)


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
