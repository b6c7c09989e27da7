"""The main EDMS list queries use the model indexes (PostgreSQL only).

A few hundred rows are generated, ``enable_seqscan`` (and hash and merge
joins, which a table this small makes as cheap as lookups) is switched off
for the test's transaction, and every scan of ``documents_document`` and
``documents_task`` in the EXPLAIN (FORMAT JSON) plan of the real queries
(captured while the selector runs) must be an index scan. With sequential
scans off, PostgreSQL still chooses one when no index can serve the query,
so a ``Seq Scan`` here means a missing index.
"""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.documents.models import (
    AccessLevel,
    Document,
    DocumentAddressee,
    DocumentKind,
    DocumentStatus,
    Resolution,
    ResolutionStatus,
    Task,
    TaskRole,
    TaskStatus,
)
from hromada.documents.selectors import cards as card_selectors
from hromada.documents.selectors import control as control_selectors
from hromada.documents.selectors import counters
from hromada.documents.tests.factories_control import ControlJournalFactory, employee_in
from hromada.org.tests.factories import OrgUnitFactory
from hromada.ui.pagination import CappedPaginator

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="query plans are PostgreSQL's"
    ),
]

TABLES = frozenset({"documents_document", "documents_task"})
INDEX_SCANS = frozenset({"Index Scan", "Index Only Scan", "Bitmap Heap Scan"})
ROWS = 300


@pytest.fixture
def city() -> dict[str, Any]:
    """Two units, their people and ROWS cards, resolutions and tasks."""
    today = timezone.localdate()
    now = timezone.now()
    unit, other = OrgUnitFactory.create_batch(2)
    head = employee_in(unit, is_head=True, roles=(Role.UNIT_HEAD,))
    executor = employee_in(unit)
    colleague = employee_in(other)
    registrar = employee_in(other, roles=(Role.REGISTRAR,))
    journal = ControlJournalFactory.create(org_unit=other)
    documents = Document.objects.bulk_create(
        Document(
            kind=DocumentKind.INCOMING,
            status=DocumentStatus.REGISTERED,
            org_unit=other,
            created_by=registrar,
            journal=journal,
            registration_year=today.year,
            registration_seq=i + 1,
            registration_number=f"{i + 1}/01-12",
            registered_on=today - timedelta(days=i),
            registered_at=now - timedelta(days=i),
            registered_by=registrar,
            holder=registrar,
            summary=f"Про ремонт дороги №{i}",
            access_level=AccessLevel.INTERNAL,
        )
        for i in range(ROWS)
    )
    DocumentAddressee.objects.bulk_create(
        DocumentAddressee(document=d, org_unit=unit if i % 2 else other)
        for i, d in enumerate(documents)
    )
    resolutions = Resolution.objects.bulk_create(
        Resolution(
            document=d,
            author=head,
            entered_by=head,
            controller=head,
            text="Опрацювати",
            due_on=today + timedelta(days=i % 40 - 20),
            status=ResolutionStatus.ACTIVE,
            signed_at=now,
        )
        for i, d in enumerate(documents)
    )
    statuses = (TaskStatus.ASSIGNED, TaskStatus.REPORTED, TaskStatus.DONE)
    Task.objects.bulk_create(
        Task(
            resolution=r,
            document=r.document,
            executor=executor if i % 3 else colleague,
            role=TaskRole.RESPONSIBLE,
            controller=head,
            reviewer=head,
            status=statuses[i % 3],
            done_on=today if statuses[i % 3] == TaskStatus.DONE else None,
            due_on=r.due_on,
            assigned_at=now,
        )
        for i, r in enumerate(resolutions)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE documents_document")
        cursor.execute("ANALYZE documents_task")
        cursor.execute("SET LOCAL enable_seqscan = off")
        # A few hundred rows make a hash join over a whole table as cheap as
        # an index lookup per row; at the city's scale it is not. Joins by
        # index must be possible, so only nested loops are left to choose.
        cursor.execute("SET LOCAL enable_hashjoin = off")
        cursor.execute("SET LOCAL enable_mergejoin = off")
    return {"unit": unit, "head": head, "executor": executor, "registrar": registrar}


def _nodes(
    plan: dict[str, Any], *, limited: bool = False
) -> Iterator[tuple[dict[str, Any], bool]]:
    """Every node of ``plan`` and whether a ``Limit`` above it bounds it."""
    limited = limited or plan["Node Type"] == "Limit"
    yield plan, limited
    for child in plan.get("Plans", []):
        yield from _nodes(child, limited=limited)


def _scans(sql: str, tables: frozenset[str] = TABLES) -> list[tuple[str, str, str]]:
    """(table, node type, index or "") of every scan of TABLES in ``sql``.

    An index scan without an index condition reads the whole index: it is
    reported as "Full Index Scan", no better than a sequential scan, unless
    a ``Limit`` above it stops the scan after a page (an ordered list read
    through its index, or a capped count). A bitmap built from a whole
    (partial) index is a "Full Bitmap Scan".
    """
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        (document,) = cursor.fetchone()
    plan = document[0]["Plan"] if isinstance(document, list) else document
    found = []
    for node, limited in _nodes(plan):
        table = node.get("Relation Name")
        if table in tables:
            index = node.get("Index Name", "")
            kind = node["Node Type"]
            full = "Index Cond" not in node and not limited
            if kind in {"Index Scan", "Index Only Scan"} and full:
                kind = "Full Index Scan"
            if kind == "Bitmap Heap Scan":
                bitmaps = [
                    n for n, _ in _nodes(node) if n["Node Type"] == "Bitmap Index Scan"
                ]
                index = ",".join(n.get("Index Name", "") for n in bitmaps)
                if any("Index Cond" not in n for n in bitmaps):
                    kind = "Full Bitmap Scan"
            found.append((table, kind, index))
    return found


def _plans_of(
    run: Any, tables: frozenset[str] = TABLES
) -> list[list[tuple[str, str, str]]]:
    """The scans of every captured query of ``run`` that reads ``tables``."""
    with CaptureQueriesContext(connection) as captured:
        run()
    plans = []
    for query in captured.captured_queries:
        sql = query["sql"]
        if sql.startswith("SELECT") and any(f'"{t}"' in sql for t in tables):
            plans.append(_scans(sql, tables))
    return plans


def _sequential(plans: list[list[tuple[str, str, str]]]) -> list[tuple[str, str, str]]:
    return [scan for plan in plans for scan in plan if scan[1] not in INDEX_SCANS]


def test_inbox_sections_of_an_executor_use_indexes(city):
    # given
    today = timezone.localdate()

    # when
    plans = _plans_of(
        lambda: control_selectors.inbox_for_user(user=city["executor"], today=today)
    )

    # then
    assert plans
    assert _sequential(plans) == []


def test_cards_to_resolve_start_from_the_waiting_addressees(city):
    # given: ten of the unit's cards wait for a resolution, the rest do not
    waiting = DocumentAddressee.objects.filter(org_unit=city["unit"]).order_by("pk")
    DocumentAddressee.objects.filter(
        pk__in=list(waiting.values_list("pk", flat=True)[:10])
    ).update(awaiting_resolution=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE documents_documentaddressee")
    today = timezone.localdate()
    tables = TABLES | {"documents_documentaddressee"}

    # when: the head's page and badge
    plans = _plans_of(
        lambda: (
            control_selectors.inbox_for_user(user=city["head"], today=today),
            counters.desk_counts(city["head"]),
        ),
        tables,
    )

    # then: the waiting addressees are found through the partial indexes,
    # each with its condition (the other addressee scans are visibility's)
    addressee_scans = [
        scan
        for plan in plans
        for scan in plan
        if scan[0] == "documents_documentaddressee"
    ]
    assert addressee_scans
    assert _sequential(plans) == []
    indexes = {index for _table, _kind, index in addressee_scans}
    assert {"documents_addressee_unit_waits", "documents_addressee_user_waits"} <= (
        indexes
    )
    inbox = control_selectors.inbox_for_user(user=city["head"], today=today)
    assert len(inbox.to_resolve) == 10


def test_control_journal_of_a_unit_uses_indexes(city):
    # given
    journal = control_selectors.control_journal(
        user=city["head"], org_unit=city["unit"]
    )

    # when
    plans = _plans_of(lambda: (journal.count(), list(journal[:25])))

    # then
    assert len(plans) == 2
    assert _sequential(plans) == []


def test_document_list_of_a_registrar_uses_indexes(city):
    # given: a registrar sees every open card; the list counts at most a cap
    documents = card_selectors.document_list_for_user(user=city["registrar"])
    paginator = CappedPaginator(documents, 25, cap=100)

    # when
    plans = _plans_of(lambda: (paginator.count, list(paginator.page(1).object_list)))

    # then
    assert paginator.is_capped
    assert len(plans) == 2
    assert _sequential(plans) == []


def test_tasks_by_executor_status_and_due_date_use_their_index(city):
    # given: bitmaps off too. At a few hundred rows, in a table that earlier
    # tests of the run have bloated with dead rows, a bitmap of the status
    # index plus a sort can cost no more than the ordered index; which one
    # the planner takes then varies from run to run. Without bitmaps the
    # question is the one asked: is there an index that answers in order?
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_bitmapscan = off")
    tasks = Task.objects.filter(
        executor=city["executor"], status=TaskStatus.ASSIGNED
    ).order_by("due_on")

    # when
    plans = _plans_of(lambda: list(tasks[:25]))

    # then
    assert plans == [
        [("documents_task", "Index Scan", "documents_t_executo_7a555a_idx")]
    ]
