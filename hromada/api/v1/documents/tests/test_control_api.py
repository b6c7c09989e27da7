import pytest
from django.contrib.contenttypes.models import ContentType

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    ApprovalTask,
    Task,
    TaskStatus,
)
from hromada.documents.services import routes as route_services
from hromada.documents.services.route_steps import StepSpec
from hromada.documents.tests.factories_control import TaskFactory
from hromada.documents.tests.factories_routes import FileVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def executor():
    return UserFactory.create(roles=[Role.EXECUTOR])


def test_tasks_lists_only_the_callers_tasks_by_status(client_en, executor):
    # given
    mine = TaskFactory.create(executor=executor)
    TaskFactory.create(executor=executor, status=TaskStatus.REPORTED)
    TaskFactory.create()
    client_en.force_login(executor)

    # when
    response = client_en.get("/api/v1/tasks/", {"status": "assigned"})

    # then
    assert response.status_code == 200
    body = response.json()
    assert [row["id"] for row in body["results"]] == [str(mine.public_id)]
    assert body["results"][0]["document"] == {
        "id": str(mine.document.public_id),
        "registration_number": mine.document.registration_number,
        "summary": mine.document.summary,
    }


@pytest.mark.parametrize("rows", [1, 5])
def test_tasks_query_count_does_not_grow_with_rows(
    client_en, executor, rows, django_assert_num_queries
):
    # given
    for _ in range(rows):
        TaskFactory.create(executor=executor)
    client_en.force_login(executor)

    # when: session, user, roles, the visibility scope (5), count, one page
    with django_assert_num_queries(8):
        response = client_en.get("/api/v1/tasks/")

    # then
    assert response.json()["count"] == rows


def test_report_moves_the_task_and_audits(client_en, executor):
    # given
    task = TaskFactory.create(executor=executor)
    client_en.force_login(executor)

    # when
    response = client_en.post(
        f"/api/v1/tasks/{task.public_id}/report/",
        {"text": "Відповідь надіслано"},
        format="json",
    )

    # then
    assert (response.status_code, response.json()["status"]) == (200, "reported")
    event = AuditEvent.objects.get(action="documents.task_report_submit")
    assert (event.actor, event.target_type, event.target_id) == (
        executor,
        ContentType.objects.get_for_model(Task),
        str(task.pk),
    )


def test_report_on_someone_elses_task_is_403_and_changes_nothing(client_en, executor):
    # given: the controller sees the task but is not its executor
    task = TaskFactory.create(executor=executor)
    client_en.force_login(task.controller)

    # when
    response = client_en.post(
        f"/api/v1/tasks/{task.public_id}/report/", {"text": "Виконано"}, format="json"
    )

    # then
    assert response.status_code == 403
    assert response.json() == {
        "code": "permission_denied",
        "message": "Only the executor of the task can report.",
        "details": {},
    }
    task.refresh_from_db()
    assert task.status == TaskStatus.ASSIGNED
    assert AuditEvent.objects.exists() is False


@pytest.fixture
def route_visa():
    version = FileVersionFactory.create()
    author = version.document_file.document.created_by
    visa = UserFactory.create(roles=[Role.EXECUTOR])
    route = route_services.route_start(
        document=version.document_file.document,
        version=version,
        actor=author,
        steps=[StepSpec(kind=ApprovalKind.VISA, participants=[visa])],
    )
    return route, visa, ApprovalTask.objects.get(step__route=route, participant=visa)


def test_approvals_lists_the_pending_task(client_en, route_visa):
    # given
    route, visa, task = route_visa
    client_en.force_login(visa)

    # when
    response = client_en.get("/api/v1/approvals/")

    # then
    body = response.json()
    assert [row["id"] for row in body["results"]] == [str(task.public_id)]
    assert body["results"][0]["file_version"]["sha256"] == route.file_version.sha256
    assert (body["results"][0]["step"]["kind"], body["results"][0]["decision"]) == (
        "visa",
        "pending",
    )


def test_decide_with_a_stale_sha256_is_400_version_changed_and_nothing_changed(
    client_en, route_visa
):
    # given
    _route, visa, task = route_visa
    events_before = AuditEvent.objects.count()
    client_en.force_login(visa)

    # when
    response = client_en.post(
        f"/api/v1/approvals/{task.public_id}/decide/",
        {"decision": "approved", "comment": "", "seen_sha256": "0" * 64},
        format="json",
    )

    # then
    assert response.status_code == 400
    assert response.json() == {
        "code": "version_changed",
        "message": "The document has changed; review the new version.",
        "details": {},
    }
    task.refresh_from_db()
    assert (task.decision, task.decided_by, task.seen_sha256) == (
        ApprovalDecision.PENDING,
        None,
        "",
    )
    assert AuditEvent.objects.count() == events_before


def test_decide_records_the_decision(client_en, route_visa):
    # given
    route, visa, task = route_visa
    client_en.force_login(visa)

    # when
    response = client_en.post(
        f"/api/v1/approvals/{task.public_id}/decide/",
        {"decision": "approved", "seen_sha256": route.file_version.sha256},
        format="json",
    )

    # then
    assert (response.status_code, response.json()["decision"]) == (200, "approved")
    task.refresh_from_db()
    assert (task.decision, task.decided_by) == (ApprovalDecision.APPROVED, visa)
    assert AuditEvent.objects.filter(action="documents.route_decide").count() == 1


def test_decide_on_someone_elses_task_answers_404(client_en, route_visa):
    # given
    _route, _visa, task = route_visa
    client_en.force_login(UserFactory.create(roles=[Role.EXECUTOR]))

    # when
    response = client_en.post(
        f"/api/v1/approvals/{task.public_id}/decide/",
        {"decision": "approved", "seen_sha256": "0" * 64},
        format="json",
    )

    # then
    assert (response.status_code, response.json()["code"]) == (404, "not_found")
