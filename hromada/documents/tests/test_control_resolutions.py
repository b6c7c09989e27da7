"""Resolutions: who may resolve, default due dates, drafts and cascades."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core import deadlines
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    Resolution,
    ResolutionStatus,
    Task,
    TaskRole,
    TaskStatus,
)
from hromada.documents.services import resolutions
from hromada.documents.tests.factories_control import (
    DocumentAddresseeFactory,
    RegisteredDocumentFactory,
    TaskFactory,
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
    return [employee_in(unit), employee_in(unit)]


def test_head_resolves_to_two_executors(document, head, clerks):
    # when
    resolution = resolutions.resolution_create(
        document=document,
        author=head,
        entered_by=head,
        text="Підготувати відповідь",
        executors=clerks,
        due_on=None,
    )

    # then
    expected = deadlines.deadline_compute(
        rule_code="task.default", start=document.registered_on
    )
    resolution.refresh_from_db()
    assert (resolution.status, resolution.due_on, resolution.due_rule) == (
        ResolutionStatus.ACTIVE,
        expected.due_on,
        "task.default",
    )
    assert resolution.due_explanation == expected.explanation
    tasks = list(Task.objects.filter(resolution=resolution).order_by("pk"))
    assert [(t.executor, t.role, t.status, t.due_on, t.controller) for t in tasks] == [
        (clerks[0], TaskRole.RESPONSIBLE, TaskStatus.ASSIGNED, expected.due_on, head),
        (clerks[1], TaskRole.CO_EXECUTOR, TaskStatus.ASSIGNED, expected.due_on, head),
    ]
    document.refresh_from_db()
    assert document.holder == clerks[0]
    assert document.held_since is not None
    notifications = Notification.objects.order_by("pk")
    assert [(n.recipient, n.template, n.dedup_key) for n in notifications] == [
        (t.executor, "documents/task_assigned", f"documents.task_assigned:{t.pk}")
        for t in tasks
    ]
    event = AuditEvent.objects.get()
    assert (event.action, event.actor_id, event.target_id) == (
        "documents.resolution_create",
        head.pk,
        str(resolution.pk),
    )
    assert event.data["executors"] == [clerks[0].pk, clerks[1].pk]


def test_an_executor_cannot_resolve_and_nothing_is_written(document, clerks):
    # when
    with pytest.raises(PermissionDeniedError):
        resolutions.resolution_create(
            document=document,
            author=clerks[0],
            entered_by=clerks[0],
            text="Виконати",
            executors=[clerks[1]],
        )

    # then
    assert Resolution.objects.exists() is False
    assert Task.objects.exists() is False
    assert AuditEvent.objects.exists() is False
    assert Notification.objects.exists() is False


def test_a_due_date_in_the_past_is_refused(document, head, clerks):
    # when
    with pytest.raises(ApplicationError) as raised:
        resolutions.resolution_create(
            document=document,
            author=head,
            entered_by=head,
            text="Виконати",
            executors=clerks,
            due_on=timezone.localdate() - timedelta(days=1),
        )

    # then
    assert raised.value.code == "due_date_in_past"
    assert raised.value.details == {
        "due_on": ["Строк виконання не може бути в минулому."]
    }
    assert Resolution.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_a_registrar_enters_a_resolution_dictated_by_the_head(document, head, clerks):
    # given
    registrar = UserFactory.create(roles=[Role.REGISTRAR])
    due_on = timezone.localdate() + timedelta(days=5)

    # when
    resolution = resolutions.resolution_create(
        document=document,
        author=head,
        entered_by=registrar,
        text="Розглянути",
        executors=[clerks[0]],
        due_on=due_on,
    )

    # then
    resolution.refresh_from_db()
    assert (resolution.author, resolution.entered_by, resolution.due_on) == (
        head,
        registrar,
        due_on,
    )
    assert (resolution.due_rule, resolution.due_explanation) == ("", "")
    event = AuditEvent.objects.get()
    assert (event.actor_id, event.data["author"]) == (registrar.pk, head.pk)


def test_another_executor_cannot_enter_for_the_head(document, head, clerks):
    with pytest.raises(PermissionDeniedError):
        resolutions.resolution_create(
            document=document,
            author=head,
            entered_by=clerks[1],
            text="Розглянути",
            executors=[clerks[0]],
        )

    assert Resolution.objects.exists() is False


def test_a_draft_has_no_tasks_until_the_head_approves_it(document, head, clerks):
    # given
    assistant = clerks[1]
    draft = resolutions.resolution_create(
        document=document,
        author=head,
        entered_by=assistant,
        text="Підготувати проєкт відповіді",
        executors=[clerks[0]],
        for_information=[assistant],
        is_draft=True,
    )
    assert (draft.status, Task.objects.count(), Notification.objects.count()) == (
        ResolutionStatus.DRAFT,
        0,
        0,
    )

    # when
    resolutions.resolution_approve(resolution=draft, actor=head)

    # then
    draft.refresh_from_db()
    assert draft.status == ResolutionStatus.ACTIVE
    assert draft.signed_at is not None
    assert list(
        Task.objects.order_by("pk").values_list("executor_id", "role", "status")
    ) == [
        (clerks[0].pk, TaskRole.RESPONSIBLE, TaskStatus.ASSIGNED),
        (assistant.pk, TaskRole.FOR_INFORMATION, TaskStatus.ASSIGNED),
    ]
    assert list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)) == [
        "documents.resolution_create",
        "documents.resolution_approve",
    ]


def test_only_the_author_approves_a_draft(document, head, clerks):
    # given
    draft = resolutions.resolution_create(
        document=document,
        author=head,
        entered_by=clerks[1],
        text="Проєкт",
        executors=[clerks[0]],
        is_draft=True,
    )

    # when
    with pytest.raises(PermissionDeniedError):
        resolutions.resolution_approve(resolution=draft, actor=clerks[1])

    # then
    draft.refresh_from_db()
    assert draft.status == ResolutionStatus.DRAFT
    assert Task.objects.exists() is False
    assert AuditEvent.objects.count() == 1


def test_a_cascade_cannot_outlast_its_parent(document, head, clerks):
    # given
    parent = TaskFactory.create(
        document=document,
        resolution__document=document,
        resolution__author=head,
        executor=clerks[0],
        resolution__due_on=timezone.localdate() + timedelta(days=7),
    )

    # when
    with pytest.raises(ApplicationError) as raised:
        resolutions.resolution_create(
            document=document,
            author=clerks[0],
            entered_by=clerks[0],
            text="Підготувати довідку",
            executors=[clerks[1]],
            due_on=parent.due_on + timedelta(days=1),
            parent_task=parent,
        )
    child = resolutions.resolution_create(
        document=document,
        author=clerks[0],
        entered_by=clerks[0],
        text="Підготувати довідку",
        executors=[clerks[1]],
        parent_task=parent,
    )

    # then
    assert raised.value.code == "due_date_after_parent"
    child.refresh_from_db()
    assert (child.parent_task, child.due_on, child.controller) == (
        parent,
        parent.due_on,
        clerks[0],
    )


def test_only_the_task_executor_resolves_their_part(document, head, clerks):
    # given
    parent = TaskFactory.create(
        document=document, resolution__document=document, executor=clerks[0]
    )

    # when
    with pytest.raises(PermissionDeniedError):
        resolutions.resolution_create(
            document=document,
            author=clerks[1],
            entered_by=clerks[1],
            text="Підготувати довідку",
            executors=[clerks[0]],
            parent_task=parent,
        )

    # then
    assert Resolution.objects.count() == 1
