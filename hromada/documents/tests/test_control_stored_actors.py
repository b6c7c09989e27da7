"""Who acts on a task, stored when it is asked: reviewer and decider.

``Task.reviewer`` accepts the reports; ``DeadlineChange.decider`` decides
an extension.
"""

import importlib
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.documents.models import DeadlineChange, Task, TaskRole
from hromada.documents.selectors import control as selectors
from hromada.documents.selectors import counters
from hromada.documents.services import control
from hromada.documents.tests.factories_control import (
    ResolutionFactory,
    TaskFactory,
    TaskReportFactory,
)

pytestmark = pytest.mark.django_db

BACKFILL = importlib.import_module(
    "hromada.documents.migrations.0007_task_reviewer"
).BACKFILL


def test_the_backfill_gives_existing_tasks_the_reviewer_they_had():
    # given: a resolution with a responsible executor, a co-executor and a
    # reader; another with a co-executor only; every reviewer wrong
    resolution = ResolutionFactory.create()
    responsible = TaskFactory.create(resolution=resolution)
    co_executor = TaskFactory.create(resolution=resolution, role=TaskRole.CO_EXECUTOR)
    reader = TaskFactory.create(resolution=resolution, role=TaskRole.FOR_INFORMATION)
    alone = TaskFactory.create(role=TaskRole.CO_EXECUTOR)
    stranger = UserFactory.create(roles=[Role.EXECUTOR])
    Task.objects.update(reviewer=stranger)

    # when
    with connection.cursor() as cursor:
        cursor.execute(BACKFILL)

    # then: the responsible executor for the co-executor, the controller
    # for the rest (and for a co-executor nobody is responsible beside)
    reviewers = dict(Task.objects.values_list("pk", "reviewer_id"))
    assert reviewers[co_executor.pk] == responsible.executor_id
    assert reviewers[responsible.pk] == resolution.author_id
    assert reviewers[reader.pk] == resolution.author_id
    assert reviewers[alone.pk] == alone.controller_id


def test_a_reported_co_executor_task_waits_for_the_responsible_executor_only():
    # given: a co-executor's report on a resolution with a responsible
    # executor
    resolution = ResolutionFactory.create()
    responsible = TaskFactory.create(resolution=resolution)
    TaskReportFactory.create(
        task__resolution=resolution, task__role=TaskRole.CO_EXECUTOR
    )

    # when: "Reports to review" of the responsible executor and the author
    today = timezone.localdate()
    inboxes = {
        person: selectors.inbox_for_user(user=person, today=today)
        for person in (responsible.executor, resolution.author)
    }

    # then
    waiting = {person: len(inbox.to_review) for person, inbox in inboxes.items()}
    assert waiting == {responsible.executor: 1, resolution.author: 0}


DECIDER_BACKFILL = importlib.import_module(
    "hromada.documents.migrations.0009_deadline_change_decider"
).BACKFILL


def test_the_backfill_gives_existing_requests_their_resolutions_author():
    # given: a request for more time whose decider is wrong
    task = TaskFactory.create()
    stranger = UserFactory.create(roles=[Role.EXECUTOR])
    change = control.deadline_change_request(
        task=task,
        actor=task.executor,
        new_due_on=task.due_on + timedelta(days=5),
        reason="Чекаємо висновку",
    )
    DeadlineChange.objects.update(decider=stranger)

    # when
    with connection.cursor() as cursor:
        cursor.execute(DECIDER_BACKFILL)

    # then
    change.refresh_from_db()
    assert change.decider_id == task.resolution.author_id


def test_a_request_for_more_time_waits_for_the_resolutions_author():
    # given
    task = TaskFactory.create()

    # when
    control.deadline_change_request(
        task=task,
        actor=task.executor,
        new_due_on=task.due_on + timedelta(days=5),
        reason="Чекаємо висновку",
    )

    # then: on the author's "Today" and badge; not on the controller's
    author = task.resolution.author
    inbox = selectors.inbox_for_user(user=author, today=timezone.localdate())
    assert len(inbox.extensions_to_decide) == 1
    assert counters.desk_counts(author).extensions_to_decide == 1
    assert counters.desk_counts(task.executor).extensions_to_decide == 0
