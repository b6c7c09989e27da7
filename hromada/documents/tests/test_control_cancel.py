"""Cancelling a resolution: who may, the cascade, and what stops counting."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    DeadlineChange,
    Resolution,
    ResolutionStatus,
    Task,
    TaskRole,
    TaskStatus,
)
from hromada.documents.selectors import control as selectors
from hromada.documents.services import control, control_cancel, resolutions
from hromada.documents.tests.factories_control import (
    DocumentAddresseeFactory,
    RegisteredDocumentFactory,
    employee_in,
)
from hromada.notifications.models import Notification
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return OrgUnitFactory.create()


@pytest.fixture
def document(unit):
    document = RegisteredDocumentFactory.create(org_unit=unit)
    DocumentAddresseeFactory(document=document, org_unit=unit)
    return document


@pytest.fixture
def head(unit):
    return employee_in(unit, is_head=True)


@pytest.fixture
def clerks(unit):
    return [employee_in(unit), employee_in(unit), employee_in(unit)]


def _resolve(document, author, executors, **kwargs):
    return resolutions.resolution_create(
        document=document,
        author=author,
        entered_by=kwargs.pop("entered_by", author),
        text="Підготувати відповідь",
        executors=executors,
        **kwargs,
    )


def _tasks(resolution):
    return list(Task.objects.filter(resolution=resolution).order_by("pk"))


def _snapshot():
    return (
        list(Resolution.objects.order_by("pk").values_list("status", flat=True)),
        list(Task.objects.order_by("pk").values_list("status", flat=True)),
        AuditEvent.objects.count(),
        Notification.objects.count(),
    )


def test_the_author_cancels_and_the_open_tasks_follow(document, head, clerks):
    # given: a reported task, an assigned one, and one read for information
    resolution = _resolve(
        document, head, clerks[:2], for_information=[clerks[2]], due_on=None
    )
    responsible, co_executor, informed = _tasks(resolution)
    control.task_report_submit(task=co_executor, actor=clerks[1], text="Частина")
    control.task_acknowledge(task=informed, actor=clerks[2])

    # when
    control_cancel.resolution_cancel(
        resolution=resolution, actor=head, reason="Помилково розписано"
    )

    # then
    resolution.refresh_from_db()
    assert (
        resolution.status,
        resolution.cancelled_by,
        resolution.cancel_reason,
    ) == (ResolutionStatus.CANCELLED, head, "Помилково розписано")
    assert resolution.cancelled_at is not None
    assert [t.status for t in _tasks(resolution)] == [
        TaskStatus.CANCELLED,
        TaskStatus.CANCELLED,
        TaskStatus.DONE,
    ]
    document.refresh_from_db()
    assert document.holder == head
    event = AuditEvent.objects.get(action="documents.resolution_cancel")
    assert (event.actor_id, event.target_id, event.data["reason"]) == (
        head.pk,
        str(resolution.pk),
        "Помилково розписано",
    )
    assert event.data["tasks"] == [responsible.pk, co_executor.pk]
    cancelled = Notification.objects.filter(template="documents/task_cancelled")
    assert sorted(cancelled.values_list("recipient_id", "dedup_key")) == sorted(
        [
            (clerks[0].pk, f"documents.task_cancelled:{responsible.pk}"),
            (clerks[1].pk, f"documents.task_cancelled:{co_executor.pk}"),
        ]
    )


def test_the_cascade_below_a_cancelled_task_is_cancelled(document, head, clerks):
    # given: the responsible executor resolves their part, and so on below
    root = _resolve(document, head, [clerks[0]])
    child = _resolve(document, clerks[0], [clerks[1]], parent_task=_tasks(root)[0])
    grandchild = _resolve(
        document, clerks[1], [clerks[2]], parent_task=_tasks(child)[0]
    )

    # when
    control_cancel.resolution_cancel(resolution=root, actor=head, reason="Скасовано")

    # then
    statuses = [
        (r.status, [t.status for t in _tasks(r)])
        for r in Resolution.objects.order_by("pk")
    ]
    assert statuses == [
        (ResolutionStatus.CANCELLED, [TaskStatus.CANCELLED]),
        (ResolutionStatus.CANCELLED, [TaskStatus.CANCELLED]),
        (ResolutionStatus.CANCELLED, [TaskStatus.CANCELLED]),
    ]
    targets = AuditEvent.objects.filter(action="documents.resolution_cancel")
    assert sorted(targets.values_list("target_id", flat=True)) == sorted(
        str(r.pk) for r in (root, child, grandchild)
    )
    assert Notification.objects.filter(template="documents/task_cancelled").count() == 3


def test_a_child_resolution_alone_leaves_its_parent_open(document, head, clerks):
    # given
    root = _resolve(document, head, [clerks[0]])
    parent_task = _tasks(root)[0]
    child = _resolve(document, clerks[0], [clerks[1]], parent_task=parent_task)

    # when: the head of the parent task's resolution stands above the child
    control_cancel.resolution_cancel(resolution=child, actor=head, reason="Зайве")

    # then
    parent_task.refresh_from_db()
    child.refresh_from_db()
    assert (parent_task.status, child.status) == (
        TaskStatus.ASSIGNED,
        ResolutionStatus.CANCELLED,
    )
    document.refresh_from_db()
    assert document.holder == clerks[0]


def test_a_reason_is_required_and_nothing_changes(document, head, clerks):
    # given
    resolution = _resolve(document, head, [clerks[0]])
    before = _snapshot()

    # when
    with pytest.raises(ApplicationError) as raised:
        control_cancel.resolution_cancel(resolution=resolution, actor=head, reason=" ")

    # then
    assert (raised.value.code, raised.value.details) == (
        "reason_missing",
        {"reason": ["Вкажіть причину скасування резолюції."]},
    )
    assert _snapshot() == before


def test_an_accepted_report_forbids_cancelling(document, head, clerks):
    # given
    resolution = _resolve(document, head, [clerks[0]])
    report = control.task_report_submit(
        task=_tasks(resolution)[0], actor=clerks[0], text="Виконано"
    )
    control.task_report_accept(report=report, actor=head)
    before = _snapshot()

    # when
    with pytest.raises(InvalidTransitionError) as raised:
        control_cancel.resolution_cancel(
            resolution=resolution, actor=head, reason="Пізно"
        )

    # then
    assert raised.value.code == "resolution_executed"
    assert _snapshot() == before


def test_an_accepted_report_in_the_cascade_forbids_cancelling(document, head, clerks):
    # given
    root = _resolve(document, head, [clerks[0]])
    child = _resolve(document, clerks[0], [clerks[1]], parent_task=_tasks(root)[0])
    report = control.task_report_submit(
        task=_tasks(child)[0], actor=clerks[1], text="Довідку підготовлено"
    )
    control.task_report_accept(report=report, actor=clerks[0])
    before = _snapshot()

    # when
    with pytest.raises(InvalidTransitionError):
        control_cancel.resolution_cancel(resolution=root, actor=head, reason="Пізно")

    # then
    assert _snapshot() == before


def test_a_task_removed_from_control_forbids_cancelling(document, head, clerks):
    # given
    resolution = _resolve(document, head, [clerks[0]])
    control.task_remove_from_control(
        task=_tasks(resolution)[0], actor=head, basis="До справи"
    )

    # when
    with pytest.raises(InvalidTransitionError) as raised:
        control_cancel.resolution_cancel(
            resolution=resolution, actor=head, reason="Пізно"
        )

    # then
    assert raised.value.code == "resolution_executed"


def test_a_cancelled_resolution_cannot_be_cancelled_again(document, head, clerks):
    # given
    resolution = _resolve(document, head, [clerks[0]])
    control_cancel.resolution_cancel(resolution=resolution, actor=head, reason="Раз")
    before = _snapshot()

    # when
    with pytest.raises(InvalidTransitionError):
        control_cancel.resolution_cancel(
            resolution=resolution, actor=head, reason="Двічі"
        )

    # then
    assert _snapshot() == before


def test_a_draft_is_cancelled_without_tasks(document, head, clerks):
    # given
    draft = _resolve(document, head, [clerks[0]], entered_by=clerks[1], is_draft=True)

    # when: its typist withdraws it
    control_cancel.resolution_cancel(resolution=draft, actor=clerks[1], reason="Ні")

    # then
    draft.refresh_from_db()
    assert (draft.status, Task.objects.exists()) == (ResolutionStatus.CANCELLED, False)


@pytest.mark.parametrize("who", ["executor", "other_head", "other_registrar"])
def test_others_may_not_cancel(document, head, clerks, who):
    # given
    registrar = UserFactory.create(roles=[Role.REGISTRAR])
    resolution = _resolve(document, head, [clerks[0]], entered_by=registrar)
    actor = {
        "executor": clerks[0],
        "other_head": employee_in(OrgUnitFactory.create(), is_head=True),
        "other_registrar": UserFactory.create(roles=[Role.REGISTRAR]),
    }[who]
    before = _snapshot()

    # when
    with pytest.raises(PermissionDeniedError):
        control_cancel.resolution_cancel(
            resolution=resolution, actor=actor, reason="Хочу"
        )

    # then
    assert _snapshot() == before


@pytest.mark.parametrize("who", ["registrar", "mayor"])
def test_the_office_and_the_leadership_may_cancel(document, head, clerks, who):
    # given
    registrar = UserFactory.create(roles=[Role.REGISTRAR])
    resolution = _resolve(document, head, [clerks[0]], entered_by=registrar)
    actor = registrar if who == "registrar" else UserFactory.create(roles=[Role.MAYOR])

    # when
    control_cancel.resolution_cancel(resolution=resolution, actor=actor, reason="Так")

    # then
    resolution.refresh_from_db()
    assert (resolution.status, resolution.cancelled_by) == (
        ResolutionStatus.CANCELLED,
        actor,
    )


# What stops counting --------------------------------------------------------


def test_cancelled_tasks_leave_the_inbox_journal_and_discipline(document, head, clerks):
    # given: an overdue reported task with an extension asked, and another
    today = timezone.localdate()
    resolution = _resolve(document, head, clerks[:2], due_on=today + timedelta(days=2))
    responsible, co_executor = _tasks(resolution)
    control.deadline_change_request(
        task=responsible,
        actor=clerks[0],
        new_due_on=today + timedelta(days=9),
        reason="Запит",
    )
    control.task_report_submit(task=co_executor, actor=clerks[1], text="Частина")
    Task.objects.filter(resolution=resolution).update(due_on=today - timedelta(days=1))
    later = today + timedelta(days=5)
    assert _counted(head, clerks, later) != _counted_nothing()

    # when
    control_cancel.resolution_cancel(resolution=resolution, actor=head, reason="Ні")

    # then: nothing of the tasks counts; the card waits for a new resolution
    assert _counted(head, clerks, later) == _counted_nothing()
    assert DeadlineChange.objects.filter(status="requested").count() == 1
    head_inbox = selectors.inbox_for_user(user=head, today=later)
    assert [entry.item for entry in head_inbox.to_resolve] == [document]
    assert selectors.inbox_counter(head) == 1


def _counted(head, clerks, today):
    head_inbox = selectors.inbox_for_user(user=head, today=today)
    executor_inbox = selectors.inbox_for_user(user=clerks[0], today=today)
    co_inbox = selectors.inbox_for_user(user=clerks[1], today=today)
    report = selectors.discipline_report(
        date_from=today - timedelta(days=30), date_to=today, today=today
    )
    journal = selectors.control_journal(user=head, today=today)
    return (
        len(executor_inbox.to_execute),
        len(head_inbox.overdue),
        len(head_inbox.extensions_to_decide),
        len(co_inbox.to_review) + len(executor_inbox.to_review),
        # the badges, but for the card to resolve (it waits again)
        selectors.inbox_counter(clerks[0])
        + selectors.inbox_counter(head)
        - len(head_inbox.to_resolve),
        journal.count(),
        report.total.received,
    )


def _counted_nothing():
    return (0, 0, 0, 0, 0, 0, 0)


def test_the_journal_leaves_out_a_cancelled_task_of_a_live_resolution(
    document, head, clerks
):
    # given: a task cancelled on its own, its resolution still active
    resolution = _resolve(document, head, clerks[:2])
    _responsible, co_executor = _tasks(resolution)
    Task.objects.filter(pk=co_executor.pk).update(status=TaskStatus.CANCELLED)

    # when
    journal = selectors.control_journal(user=head)

    # then
    assert [(t.executor, t.role) for t in journal] == [
        (clerks[0], TaskRole.RESPONSIBLE)
    ]
