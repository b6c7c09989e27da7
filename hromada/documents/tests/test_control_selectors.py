"""The "Today" inbox, its counter, the control journal and discipline."""

import re
from dataclasses import replace
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core import deadlines
from hromada.documents.models import (
    DeadlineChange,
    DocumentStatus,
    ResolutionStatus,
    TaskRole,
    TaskStatus,
)
from hromada.documents.selectors import control as selectors
from hromada.documents.selectors import counters
from hromada.documents.tests.factories_control import (
    DocumentAddresseeFactory,
    RegisteredDocumentFactory,
    ResolutionFactory,
    TaskFactory,
    TaskReportFactory,
    employee_in,
)
from hromada.org.models import SubstitutionScope
from hromada.org.tests.factories import OrgUnitFactory, SubstitutionFactory

pytestmark = pytest.mark.django_db


def test_inbox_of_a_busy_executor_and_head():
    # given
    today = timezone.localdate()
    unit = OrgUnitFactory.create()
    me = employee_in(unit, is_head=True)
    mine = TaskFactory.create(executor=me, due_on=today + timedelta(days=20))
    late = TaskFactory.create(executor=me, due_on=today - timedelta(days=3))
    TaskFactory.create(executor=me, status=TaskStatus.DONE, done_on=today)
    report = TaskReportFactory.create(task__controller=me)
    unresolved = RegisteredDocumentFactory.create(org_unit=unit)
    DocumentAddresseeFactory(document=unresolved, org_unit=unit)
    draft = ResolutionFactory.create(
        author=me, status=ResolutionStatus.DRAFT, signed_at=None
    )

    # when
    inbox = selectors.inbox_for_user(user=me, today=today)

    # then
    assert [entry.item for entry in inbox.to_execute] == [late, mine]
    assert [entry.urgency for entry in inbox.to_execute] == [
        selectors.Urgency.OVERDUE,
        None,
    ]
    assert [entry.days_on_desk for entry in inbox.to_execute] == [0, 0]
    assert [entry.item for entry in inbox.overdue] == [late]
    assert [entry.item for entry in inbox.to_review] == [report]
    assert [entry.item for entry in inbox.to_resolve] == [unresolved]
    assert [entry.item for entry in inbox.resolutions_to_approve] == [draft]
    assert (inbox.to_register, inbox.to_sign, inbox.to_approve) == ([], [], [])
    # the menu's badge counts what the page lists, but "Overdue" (counted in
    # "To execute")
    assert inbox.total == 5
    assert selectors.inbox_counter(me) == 5


def test_due_today_and_at_risk_flags():
    # given
    today = timezone.localdate()
    calendar = deadlines.calendar_current()

    # when
    flags = [
        selectors.urgency_of(due_on=today, today=today, calendar=calendar),
        selectors.urgency_of(
            due_on=today - timedelta(days=1), today=today, calendar=calendar
        ),
        selectors.urgency_of(
            due_on=deadlines.add_working_days(start=today, count=2),
            today=today,
            calendar=calendar,
        ),
        selectors.urgency_of(
            due_on=deadlines.add_working_days(start=today, count=3),
            today=today,
            calendar=calendar,
        ),
    ]

    # then
    assert flags == [
        selectors.Urgency.DUE_TODAY,
        selectors.Urgency.OVERDUE,
        selectors.Urgency.AT_RISK,
        None,
    ]


def test_registrar_sees_drafts_to_register():
    # given
    registrar = UserFactory.create(roles=[Role.REGISTRAR])
    draft = RegisteredDocumentFactory.create(
        status=DocumentStatus.DRAFT,
        journal=None,
        registration_year=None,
        registration_seq=None,
        registration_number="",
        registered_on=None,
        registered_at=None,
        registered_by=None,
    )

    # when
    inbox = selectors.inbox_for_user(user=registrar, today=timezone.localdate())

    # then: the card waits on the page and in the menu's badge
    assert [entry.item for entry in inbox.to_register] == [draft]
    assert selectors.inbox_counter(registrar) == inbox.total == 1


def test_the_badge_counts_tasks_to_read_and_extensions_to_decide():
    # given: a task for information, and a resolution whose executor asks
    # its author for more time
    today = timezone.localdate()
    me = employee_in(OrgUnitFactory.create())
    TaskFactory.create(executor=me, role=TaskRole.FOR_INFORMATION)
    asked = TaskFactory.create(resolution__author=me)
    DeadlineChange.objects.create(
        task=asked,
        requested_by=asked.executor,
        decider=me,
        old_due_on=asked.due_on,
        new_due_on=asked.due_on + timedelta(days=5),
        reason="Потрібен висновок юристів",
    )

    # when
    inbox = selectors.inbox_for_user(user=me, today=today)

    # then
    assert (len(inbox.to_acquaint), len(inbox.extensions_to_decide)) == (1, 1)
    assert selectors.inbox_counter(me) == inbox.total == 2


def test_discipline_report_counts_exactly():
    # given
    today = timezone.localdate()
    unit = OrgUnitFactory.create(name="Відділ благоустрою")
    other_unit = OrgUnitFactory.create(name="Юридичний відділ")
    anna = employee_in(unit, first_name="Анна", last_name="Бойко")
    petro = employee_in(other_unit, first_name="Петро", last_name="Коваль")
    due = today - timedelta(days=5)
    # Anna: one on time, one late, one overdue, one in progress.
    TaskFactory.create(executor=anna, due_on=due, status=TaskStatus.DONE, done_on=due)
    TaskFactory.create(
        executor=anna, due_on=due, status=TaskStatus.DONE, done_on=due + timedelta(1)
    )
    TaskFactory.create(executor=anna, due_on=due)
    TaskFactory.create(executor=anna, due_on=today + timedelta(days=5))
    # Petro: one reported but overdue; a for-information task is not counted.
    TaskFactory.create(executor=petro, due_on=due, status=TaskStatus.REPORTED)
    TaskFactory.create(executor=petro, due_on=due, role=TaskRole.FOR_INFORMATION)
    # Outside the period.
    TaskFactory.create(executor=petro, assigned_at=timezone.now() - timedelta(days=90))

    # when
    report = selectors.discipline_report(
        date_from=today - timedelta(days=30), date_to=today, today=today
    )

    # then
    row = selectors.DisciplineRow
    assert report.units == [
        row(
            name="Відділ благоустрою",
            received=4,
            done_on_time=1,
            done_late=1,
            overdue=1,
            in_progress=1,
        ),
        row(name="Юридичний відділ", received=1, overdue=1),
    ]
    assert report.executors == [
        row(
            name="Бойко Анна",
            unit_name="Відділ благоустрою",
            received=4,
            done_on_time=1,
            done_late=1,
            overdue=1,
            in_progress=1,
        ),
        row(name="Коваль Петро", unit_name="Юридичний відділ", received=1, overdue=1),
    ]
    assert replace(report.total, name="") == row(
        name="", received=5, done_on_time=1, done_late=1, overdue=2, in_progress=1
    )
    only_unit = selectors.discipline_report(
        org_unit=other_unit, date_from=today - timedelta(days=30), date_to=today
    )
    assert [u.name for u in only_unit.units] == ["Юридичний відділ"]


def test_control_journal_filters_overdue_and_hides_other_cards():
    # given
    today = timezone.localdate()
    head = UserFactory.create(roles=[Role.UNIT_HEAD])
    late = TaskFactory.create(controller=head, due_on=today - timedelta(days=1))
    TaskFactory.create(controller=head, due_on=today + timedelta(days=1))
    TaskFactory.create()  # someone else's card

    # when
    overdue = selectors.control_journal(
        user=head, status=selectors.JournalStatus.OVERDUE
    )
    everything = selectors.control_journal(user=head)

    # then
    assert list(overdue) == [late]
    assert everything.count() == 2


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="SQLite's plan (PostgreSQL's in test_query_plans)",
)
def test_the_journal_asks_each_task_for_its_card_on_sqlite():
    # given: a head and a task on a card they see, in their unit
    unit = OrgUnitFactory.create()
    head = employee_in(unit, is_head=True, roles=[Role.UNIT_HEAD])
    TaskFactory.create(resolution__author=head, executor=employee_in(unit))

    # when: the whole journal and the unit's
    scans = {}
    for name, org_unit in (("all", None), ("unit", unit)):
        journal = selectors.control_journal(user=head, org_unit=org_unit)
        sql, params = journal.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            scans[name] = [s for *_ids, s in cursor.fetchall() if "SCAN" in s]

    # then: the tasks are read in due order and each card (and executor) is
    # looked up; the visible cards are never listed first (a scan of every
    # card), nor the unit's tasks gathered and sorted
    in_due_order = ["SCAN documents_task USING INDEX documents_task_due_order"]
    assert scans == {"all": in_due_order, "unit": in_due_order}


def _union_sql(captured) -> str:
    (sql,) = [q["sql"] for q in captured if 'AS "section"' in q["sql"]]
    return sql


def test_the_page_asks_only_for_sections_the_badge_found_rows_in():
    # given: an executor with a task, nothing else
    me = employee_in(OrgUnitFactory.create())
    task = TaskFactory.create(executor=me)

    # when
    with CaptureQueriesContext(connection) as captured:
        inbox = selectors.inbox_for_user(user=me, today=timezone.localdate())

    # then: one union of "To execute" and "Overdue" (never counted)
    assert [entry.item for entry in inbox.to_execute] == [task]
    sections = set(re.findall(r"'([a-z_]+)' AS \"section\"", _union_sql(captured)))
    assert sections == {"to_execute", "overdue"}


def test_a_substitute_finds_the_absent_persons_work_their_own_badge_lacks():
    # given: the substitute has nothing of their own to do
    today = timezone.localdate()
    absent = employee_in(OrgUnitFactory.create())
    substitute = employee_in(OrgUnitFactory.create())
    task = TaskFactory.create(executor=absent)
    SubstitutionFactory.create(
        absent=absent, substitute=substitute, scope=SubstitutionScope.ALL
    )

    # when
    inbox = selectors.inbox_for_user(user=substitute, today=today)

    # then: the page lists the absent person's task; the badge counts only
    # the substitute's own
    assert [entry.item for entry in inbox.to_execute] == [task]
    assert selectors.inbox_counter(substitute) == 0


def test_the_badge_stops_counting_a_section_at_its_cap(monkeypatch):
    # given: three tasks, and a cap of two rows per section
    me = employee_in(OrgUnitFactory.create())
    TaskFactory.create_batch(3, executor=me)
    monkeypatch.setattr(counters, "COUNT_CAP", 2)

    # when
    counted = counters.desk_counts(me)
    inbox = selectors.inbox_for_user(user=me, today=timezone.localdate())

    # then: the badge counts two; the page lists all three
    assert (counted.to_execute, len(inbox.to_execute)) == (2, 3)
