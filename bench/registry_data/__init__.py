"""The synthetic registry of ``bench/registry.py``: a benchmark fixture.

Thirty years of a city's acts, written straight in batches
(``bench/edms_rows.py``: COPY on PostgreSQL, in a thread while the next
batch is made), bypassing the services — a fixture for measuring the
search, never a way to register acts. Each act has its search entry as
``search_services.search_document_index`` would store it: the text, the
lemma text, the exact number and the backend's full-text structure (the
FTS5 table on SQLite; on PostgreSQL the generated vector column, its GIN
index built once after the rows instead of row by row).

Lemmatising a billion words one by one would take days. A token never
spans whitespace (``lemmatiser.tokenise``), so the lemma text of a text is
the lemma texts of its whitespace-separated chunks joined, and the chunks
repeat: each is lemmatised once and remembered. ``check`` compares a
sample of acts with what the search room's own service writes.

Shape for ``scale`` = 1.0: 1,000,000 acts on PostgreSQL, 100,000 on SQLite
(the issue's scales); kinds as a council issues them (executive committee
decisions the commonest); texts of 300–3,000 words, log-normal around 650
(``hromada.registry.texts``: a topic's phrases, and particulars — streets,
enterprises, people, sums, land parcels — in every third point, the
streets and enterprises chosen by Zipf's law, so that the rare ones make
selective queries); 3 % internal; older acts repealed or amended now and
then (an edition and a relation from a later act), the newest drafts.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from bench import edms_rows
from bench.registry_data.compose import Composer, choose
from hromada.core.translit import slugify_uk
from hromada.org.models import OrgUnit, OrgUnitKind
from hromada.registry.models import (
    ActAccess,
    ActKind,
    ActStatus,
    LegalAct,
    LegalActEdition,
    LegalActRelation,
    RelationKind,
)
from hromada.search import lemmatiser, terms
from hromada.search.backends.sqlite import FTS_TABLE
from hromada.search.models import SearchDocument, SearchField

FULL_ACTS = 1_000_000
# SQLite's scale 1.0 is the 100,000 acts.
SQLITE_SHARE = 0.1
YEARS = 30
SEED = 20261201
BATCH = 2_000
SEARCH_KIND = "registry.act"
# (kind, share in %, issuer key, number pattern)
KINDS = (
    (ActKind.COUNCIL_DECISION, 30, "council", "{seq}-{session}/VIII"),
    (ActKind.EXECUTIVE_DECISION, 40, "executive", "{seq}"),
    (ActKind.MAYOR_ORDER, 20, "mayor", "{seq}-р"),
    (ActKind.ORDER, 8, "department", "{seq}-од"),
    (ActKind.OTHER, 2, "council", "{seq}-дод"),
)
DEPARTMENTS = (
    "Відділ освіти",
    "Фінансове управління",
    "Управління житлово-комунального господарства",
    "Відділ земельних ресурсів",
)
# The slug's kind, as the service writes it.
SLUG_KIND = {
    ActKind.COUNCIL_DECISION: "rishennia-rady",
    ActKind.EXECUTIVE_DECISION: "rishennia-vykonkomu",
    ActKind.MAYOR_ORDER: "rozporiadzhennia",
    ActKind.ORDER: "nakaz",
    ActKind.OTHER: "akt",
}


@dataclass
class Fixture:
    """What the figures need from the generated registry."""

    acts: int = 0
    words: int = 0
    seconds: float = 0.0
    reused: bool = False
    index_seconds: float = 0.0


@dataclass
class _Batch:
    """The acts of the batch being made, for later acts of it to amend."""

    acts: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)


@dataclass
class _State:
    """What making the acts needs: the random source, the composer, the
    rows waiting to be written, the issuers, the numbers given so far."""

    rng: random.Random
    composer: "Composer"
    tables: dict[Any, Any]
    issuers: dict[str, list[int]]
    numbers: "_Numbers"
    batch: _Batch = field(default_factory=_Batch)


def acts_for(*, scale: float, vendor: str) -> int:
    """How many acts ``scale`` means on ``vendor``."""
    share = SQLITE_SHARE if vendor == "sqlite" else 1.0
    return max(round(FULL_ACTS * scale * share), 1)


def generated() -> bool:
    """Whether this database holds a registry written by ``generate``."""
    return LegalAct.objects.exists()


def kept() -> Fixture:
    """What the figures need from a registry an earlier run left."""
    return Fixture(acts=LegalAct.objects.count(), reused=True)


def _issuers() -> dict[str, list[int]]:
    """The issuing bodies, created; their ids by the key of ``KINDS``."""

    def unit(kind: OrgUnitKind, name: str, index: str) -> int:
        return OrgUnit.objects.create(kind=kind, name=name, unit_index=index).pk

    return {
        "council": [unit(OrgUnitKind.COUNCIL, "Вишнева міська рада", "01")],
        "executive": [
            unit(OrgUnitKind.EXECUTIVE_COMMITTEE, "Виконавчий комітет", "02")
        ],
        "mayor": [unit(OrgUnitKind.LEADERSHIP, "Міський голова", "03")],
        "department": [
            unit(OrgUnitKind.DEPARTMENT, name, f"{10 + n}")
            for n, name in enumerate(DEPARTMENTS)
        ],
    }


class FtsRows:
    """Rows of the SQLite FTS5 table, written as ``edms_rows.Rows`` are."""

    def __init__(self) -> None:
        self._pending: list[tuple[int, str, str]] = []

    def add(self, row: tuple[int, str, str]) -> None:
        """Keep (document id, title lemmas, lemmas)."""
        self._pending.append(row)

    def take(self) -> list[tuple[int, str, str]]:
        """The rows kept since the last take."""
        rows, self._pending = self._pending, []
        return rows

    def write(self, rows: list[tuple[int, str, str]]) -> None:
        """Insert ``rows`` on this thread's connection."""
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title_lemmas, lemmas) "
                "VALUES (%s, %s, %s)",
                rows,
            )


def generate(*, scale: float) -> Fixture:
    """Fill the empty, migrated database; returns what the figures need."""
    started = timezone.now()
    rng = random.Random(SEED)
    with transaction.atomic():
        issuers = _issuers()
        if connection.vendor == "sqlite":
            # A flushed database keeps the FTS5 rows, which no model owns;
            # the ids they hold would refuse the generated ones.
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
    total = acts_for(scale=scale, vendor=connection.vendor)
    models = (LegalAct, LegalActEdition, LegalActRelation, SearchDocument, SearchField)
    tables: dict[Any, Any] = {model: edms_rows.Rows(model) for model in models}
    if connection.vendor == "sqlite":
        tables["fts"] = FtsRows()
    state = _State(rng, Composer(rng), tables, issuers, _Numbers())
    fixture = Fixture(acts=total)
    writer = edms_rows.Writer()
    with _VectorIndexBuiltAfter(fixture):
        for day, kind in _plan(rng, total):
            fixture.words += _act(state, day, kind)
            if len(state.batch.acts) >= BATCH:
                _finish_batch(state)
                writer.put(tables.values())
        _finish_batch(state)
        writer.put(tables.values())
        writer.close()
        edms_rows.reset_sequences(models)
    settle()
    fixture.seconds = (timezone.now() - started).total_seconds()
    return fixture


class _VectorIndexBuiltAfter:
    """On PostgreSQL, drop the GIN index of the vectors for the writes and
    build it once afterwards, as a restore does: faster than growing it row
    by row. On SQLite, merge the FTS5 index's segments into one afterwards
    (what its automatic merging tends to over a long life)."""

    INDEX = "search_searchdocument_vector_gin"

    def __init__(self, fixture: Fixture) -> None:
        self.fixture = fixture

    def __enter__(self) -> None:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"DROP INDEX IF EXISTS {self.INDEX}")

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None:
            return
        started = timezone.now()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET maintenance_work_mem = '1GB'")
                cursor.execute(
                    f"CREATE INDEX {self.INDEX} ON search_searchdocument "
                    "USING gin (search_vector)"
                )
                cursor.execute("RESET maintenance_work_mem")
            else:
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"
                )
        self.fixture.index_seconds = (timezone.now() - started).total_seconds()


def settle() -> None:
    """Statistics and visibility maps, as a running city's database has
    them (``bench/edms_data.settle``)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM (ANALYZE)")
        else:
            cursor.execute("ANALYZE")


def _plan(rng: random.Random, total: int) -> Iterator[tuple[date, ActKind]]:
    """(day, kind) of each act, oldest first, evenly over ``YEARS``."""
    last = timezone.localdate() - timedelta(days=1)
    first = last - timedelta(days=365 * YEARS)
    step = (last - first).days / total
    weights = list(accumulate(share for _kind, share, _key, _pattern in KINDS))
    for n in range(total):
        kind = KINDS[choose(rng, [float(w) for w in weights])][0]
        yield first + timedelta(days=int(n * step)), kind


class _Numbers:
    """Numbers restart each year for each kind and body."""

    def __init__(self) -> None:
        self.last: dict[tuple[str, int, int], int] = {}
        self.slugs: set[str] = set()
        self.day: date | None = None

    def next(self, kind: ActKind, issuer: int, day: date) -> tuple[str, str]:
        """(number, slug) of the next act."""
        key = (kind, issuer, day.year)
        seq = self.last[key] = self.last.get(key, 0) + 1
        pattern = next(p for k, _share, _key, p in KINDS if k == kind)
        number = pattern.format(seq=seq, session=seq // 40 + 1)
        if day != self.day:
            self.day, self.slugs = day, set()
        base = (
            f"{SLUG_KIND[kind]}-{slugify_uk(number, max_length=40)}-{day.isoformat()}"
        )
        slug, suffix = base, 2
        while slug in self.slugs:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        self.slugs.add(slug)
        return number, slug


_MOMENTS: dict[date, datetime] = {}


def _moment(day: date) -> datetime:
    found = _MOMENTS.get(day)
    if found is None:
        found = _MOMENTS[day] = timezone.make_aware(datetime.combine(day, time(12)))
    return found


def _act(state: _State, day: date, kind: ActKind) -> int:
    """Add one act and its search entry; returns its words."""
    rng, composer, tables = state.rng, state.composer, state.tables
    key = next(k for kd, _share, k, _pattern in KINDS if kd == kind)
    issuer = rng.choice(state.issuers[key])
    number, slug = state.numbers.next(kind, issuer, day)
    title, text, words = composer.act(kind=kind, year=day.year)
    status, effective, repealed = _fate(rng, day)
    access = ActAccess.INTERNAL if rng.random() < 0.03 else ActAccess.PUBLIC
    normative = kind == ActKind.COUNCIL_DECISION and rng.random() < 0.3
    at = _moment(day)
    act = {
        "kind": kind,
        "number": number,
        "number_key": lemmatiser.normalise_value(number),
        "adopted_on": day,
        "issuer_id": issuer,
        "title": title,
        "text": text,
        "status": status,
        "access": access,
        "is_normative": normative,
        "is_regulatory": normative and rng.random() < 0.3,
        "published_on": None if status == ActStatus.DRAFT else day + timedelta(days=2),
        "effective_from": effective,
        "repealed_on": repealed,
        "slug": slug,
        "created_at": at,
        "updated_at": at,
    }
    act_id = tables[LegalAct].add(act)
    document = {
        "kind": SEARCH_KIND,
        "object_id": str(act_id),
        "title": title[:1000],
        "body": text,
        "title_lemmas": composer.lemma_text(title),
        "lemmas": _segments(composer.lemma_text(text), composer.lemma_text(number)),
        "fields": {"number": number},
        "is_public": access == ActAccess.PUBLIC,
        "created_at": at,
        "updated_at": at,
    }
    tables[SearchDocument].add(document)
    tables[SearchField].add(
        {"document_id": document["id"], "name": "number", "value": act["number_key"]}
    )
    if status != ActStatus.DRAFT and state.batch.acts and rng.random() < 0.06:
        _act_on_earlier(state, act)
    state.batch.acts.append((act, document))
    return words


def _segments(body: str, number: str) -> str:
    return terms.SEGMENT_SEPARATOR.join(part for part in (body, number) if part)


def _fate(rng: random.Random, day: date) -> tuple[str, date | None, date | None]:
    """(status, in force from, repealed on) of an act adopted on ``day``."""
    age = (timezone.localdate() - day).days
    if age < 60 and rng.random() < 0.05:
        return ActStatus.DRAFT, None, None
    if age > 2 * 365 and rng.random() < 0.1:
        repealed = day + timedelta(days=rng.randint(30, age - 1))
        return ActStatus.REPEALED, day, repealed
    return ActStatus.IN_FORCE, day, None


def _act_on_earlier(state: _State, source: dict[str, Any]) -> None:
    """The new act amends (two times in three) or repeals an earlier act of
    the batch still in force: a relation, and for an amendment an edition
    whose text the search entry now holds."""
    rng, batch, tables = state.rng, state.batch, state.tables
    target, document = batch.acts[rng.randrange(len(batch.acts))]
    if target["id"] in batch.touched or target["status"] != ActStatus.IN_FORCE:
        return
    if target["adopted_on"] >= source["adopted_on"]:
        return
    batch.touched.add(target["id"])
    on = source["adopted_on"]
    kind = RelationKind.AMENDS if rng.random() < 2 / 3 else RelationKind.REPEALS
    tables[LegalActRelation].add(
        {
            "source_id": source["id"],
            "target_id": target["id"],
            "kind": kind,
            "effective_on": on,
            "created_at": source["created_at"],
            "updated_at": source["created_at"],
        }
    )
    if kind == RelationKind.REPEALS:
        target.update(status=ActStatus.REPEALED, repealed_on=on)
        return
    note = f"(Пункт у редакції рішення № {source['number']} від {on:%d.%m.%Y}.)"
    text = f"{target['text']}\n\n{note}"
    tables[LegalActEdition].add(
        {
            "act_id": target["id"],
            "valid_from": on,
            "valid_to": None,
            "text": text,
            "changed_by_id": source["id"],
            "note": "",
            "created_at": source["created_at"],
            "updated_at": source["created_at"],
        }
    )
    target["status"] = ActStatus.AMENDED
    body, _sep, number = document["lemmas"].rpartition(terms.SEGMENT_SEPARATOR)
    document["body"] = text
    document["lemmas"] = _segments(
        terms.GROUP_SEPARATOR.join((body, state.composer.lemma_text(note))), number
    )


def _finish_batch(state: _State) -> None:
    """The FTS5 rows of the batch's search entries, now that amendments
    can no longer change them (SQLite); the next batch begins."""
    fts = state.tables.get("fts")
    for _act_row, document in state.batch.acts if fts is not None else ():
        fts.add((document["id"], document["title_lemmas"], document["lemmas"]))
    state.batch = _Batch()


def check(*, sample: int = 40) -> int:
    """Compare ``sample`` acts' search entries with what the search room's
    service writes for them (rolled back); raises at the first difference.
    Returns how many were compared."""
    from hromada.search import services as search_services

    ids = list(LegalAct.objects.order_by("?").values_list("pk", flat=True)[:sample])
    amended = LegalAct.objects.filter(status=ActStatus.AMENDED).order_by("pk")
    ids += list(amended.values_list("pk", flat=True)[:5])
    columns = ("id", "title", "body", "title_lemmas", "lemmas", "fields", "is_public")
    for pk in ids:
        act = LegalAct.objects.get(pk=pk)
        edition = act.editions.order_by("-valid_from").first()
        written = SearchDocument.objects.values(*columns).get(
            kind=SEARCH_KIND, object_id=str(pk)
        )
        with transaction.atomic():
            search_services.search_document_index(
                kind=SEARCH_KIND,
                object_id=str(pk),
                title=act.title[:1000],
                body=edition.text if edition is not None else act.text,
                fields={"number": act.number},
                is_public=act.access == ActAccess.PUBLIC,
            )
            expected = SearchDocument.objects.values(*columns).get(
                kind=SEARCH_KIND, object_id=str(pk)
            )
            transaction.set_rollback(True)
        if connection.vendor == "sqlite":
            expected["fts"] = (expected["title_lemmas"], expected["lemmas"])
            written["fts"] = _fts_row(written["id"])
        if written != expected:
            differing = [c for c in written if written[c] != expected.get(c)]
            raise AssertionError(f"act {pk}: the search entry differs in {differing}")
    return len(ids)


def _fts_row(document_id: int) -> tuple[str, str] | None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT title_lemmas, lemmas FROM {FTS_TABLE} WHERE rowid = %s",
            [document_id],
        )
        row = cursor.fetchone()
    return (row[0], row[1]) if row else None
