"""Reports, extensions, removal from control and the overdue digest."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
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
    DeadlineChangeStatus,
    TaskReportStatus,
    TaskRole,
    TaskStatus,
)
from hromada.documents.services import control
from hromada.documents.tests.factories_control import (
    ResolutionFactory,
    TaskFactory,
    TaskReportFactory,
)
from hromada.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def task():
    return TaskFactory.create()


def test_report_then_accept_is_done_on_time(task):
    # given
    controller = task.controller

    # when
    report = control.task_report_submit(task=task, actor=task.executor, text="Готово")
    task.refresh_from_db()
    task.document.refresh_from_db()
    reported = (task.status, task.document.holder)
    control.task_report_accept(report=report, actor=controller)

    # then
    task.refresh_from_db()
    report.refresh_from_db()
    assert reported == (TaskStatus.REPORTED, controller)
    assert (task.status, task.done_on) == (TaskStatus.DONE, timezone.localdate())
    assert (report.status, report.reviewed_by) == (
        TaskReportStatus.ACCEPTED,
        controller,
    )
    assert task.done_on <= task.due_on
    assert list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)) == [
        "documents.task_report_submit",
        "documents.task_report_accept",
    ]
    assert Notification.objects.get().template == "documents/task_reported"


def test_a_co_executor_reports_to_the_responsible_executor():
    # given
    responsible = TaskFactory.create()
    co = TaskFactory.create(
        resolution=responsible.resolution, role=TaskRole.CO_EXECUTOR
    )
    report = control.task_report_submit(task=co, actor=co.executor, text="Моя частина")

    # when
    with pytest.raises(PermissionDeniedError):
        control.task_report_accept(report=report, actor=co.controller)
    control.task_report_accept(report=report, actor=responsible.executor)

    # then
    co.refresh_from_db()
    assert co.status == TaskStatus.DONE
    assert Notification.objects.get().recipient == responsible.executor


def test_someone_else_cannot_report_and_nothing_changes(task):
    # given
    stranger = UserFactory.create(roles=[Role.EXECUTOR])

    # when
    with pytest.raises(PermissionDeniedError):
        control.task_report_submit(task=task, actor=stranger, text="Готово")

    # then
    task.refresh_from_db()
    assert task.status == TaskStatus.ASSIGNED
    assert task.reports.exists() is False
    assert AuditEvent.objects.exists() is False


def test_return_sends_the_task_back_with_a_notification():
    # given
    report = TaskReportFactory.create()
    task = report.task

    # when
    control.task_report_return(
        report=report, actor=task.controller, comment="Додати копію"
    )

    # then
    task.refresh_from_db()
    report.refresh_from_db()
    assert task.status == TaskStatus.ASSIGNED
    assert (report.status, report.review_comment) == (
        TaskReportStatus.RETURNED,
        "Додати копію",
    )
    notification = Notification.objects.get()
    assert (notification.recipient, notification.template) == (
        task.executor,
        "documents/report_returned",
    )
    assert notification.context["comment"] == "Додати копію"


def test_extension_after_the_due_date_is_refused():
    # given
    task = TaskFactory.create(due_on=timezone.localdate() - timedelta(days=1))

    # when
    with pytest.raises(ApplicationError) as raised:
        control.deadline_change_request(
            task=task,
            actor=task.executor,
            new_due_on=timezone.localdate() + timedelta(days=5),
            reason="Потрібні документи",
        )

    # then
    assert raised.value.code == "deadline_passed"
    assert DeadlineChange.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_approved_extension_moves_the_due_date(task):
    # given
    new_due_on = task.due_on + timedelta(days=10)
    change = control.deadline_change_request(
        task=task, actor=task.executor, new_due_on=new_due_on, reason="Запит до ДФС"
    )

    # when
    control.deadline_change_decide(
        change=change, actor=task.resolution.author, approve=True
    )

    # then
    task.refresh_from_db()
    change.refresh_from_db()
    assert (task.due_on, change.status, change.decided_by) == (
        new_due_on,
        DeadlineChangeStatus.APPROVED,
        task.resolution.author,
    )


def test_one_open_extension_per_task(task):
    # given
    control.deadline_change_request(
        task=task,
        actor=task.executor,
        new_due_on=task.due_on + timedelta(days=3),
        reason="Причина",
    )

    # when
    with pytest.raises(ApplicationError) as raised:
        control.deadline_change_request(
            task=task,
            actor=task.executor,
            new_due_on=task.due_on + timedelta(days=4),
            reason="Ще раз",
        )

    # then
    assert raised.value.code == "deadline_change_open"
    with pytest.raises(IntegrityError):
        DeadlineChange.objects.create(
            task=task,
            requested_by=task.executor,
            decider=task.resolution.author,
            reason="Обхід",
            old_due_on=task.due_on,
            new_due_on=task.due_on + timedelta(days=5),
        )


def test_the_executor_cannot_decide_their_own_extension(task):
    # given
    change = control.deadline_change_request(
        task=task,
        actor=task.executor,
        new_due_on=task.due_on + timedelta(days=3),
        reason="Причина",
    )

    # when
    with pytest.raises(PermissionDeniedError):
        control.deadline_change_decide(change=change, actor=task.executor, approve=True)

    # then
    change.refresh_from_db()
    assert change.status == DeadlineChangeStatus.REQUESTED


def test_a_parent_cannot_close_while_a_child_is_open(task):
    # given
    child_resolution = ResolutionFactory.create(
        document=task.document, parent_task=task, author=task.executor
    )
    child = TaskFactory.create(resolution=child_resolution)

    # when
    with pytest.raises(InvalidTransitionError) as raised:
        control.task_remove_from_control(
            task=task, actor=task.controller, basis="До справи"
        )

    # then
    assert raised.value.code == "child_tasks_open"
    task.refresh_from_db()
    assert (task.status, task.closed_by) == (TaskStatus.ASSIGNED, None)

    # when the child is closed first
    control.task_remove_from_control(
        task=child, actor=child.controller, basis="До справи"
    )
    control.task_remove_from_control(task=task, actor=task.controller, basis="№ 15/01")

    # then
    task.refresh_from_db()
    assert (task.status, task.closed_by, task.closed_basis) == (
        TaskStatus.DONE,
        task.controller,
        "№ 15/01",
    )
    task.document.refresh_from_db()
    assert task.document.holder == task.controller


def test_digest_is_sent_once_per_person_and_day():
    # given
    today = timezone.localdate()
    late = today - timedelta(days=2)
    first = TaskFactory.create(due_on=late)
    TaskFactory.create(
        resolution=first.resolution, due_on=late, role=TaskRole.CO_EXECUTOR
    )
    TaskFactory.create(due_on=today)

    # when
    control.overdue_digest_send(today=today)
    control.overdue_digest_send(today=today)

    # then: two executors and one controller
    digests = Notification.objects.filter(template="documents/task_overdue_digest")
    assert digests.count() == 3
    controller_digest = digests.get(recipient=first.controller)
    assert controller_digest.context["count"] == 2
    assert (
        controller_digest.dedup_key == f"documents.digest:{first.controller.pk}:{today}"
    )


def test_the_periodic_job_sends_the_digest():
    from hromada.documents import tasks_control

    # given
    task = TaskFactory.create(due_on=timezone.localdate() - timedelta(days=1))

    # when
    tasks_control.documents_overdue_digest.call_local()

    # then
    recipients = set(
        Notification.objects.filter(
            template="documents/task_overdue_digest"
        ).values_list("recipient_id", flat=True)
    )
    assert recipients == {task.executor_id, task.controller_id}
