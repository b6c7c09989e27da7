"""A running route: one per card, who starts it, restart, cancel, signing."""

import pytest

from hromada.core.errors import (
    ApplicationError,
    PermissionDeniedError,
)
from hromada.core.models import AuditEvent
from hromada.documents.events import FileVersionAdded
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    ApprovalRoute,
    ApprovalStepStatus,
    ApprovalTask,
    Quorum,
    RouteStatus,
)
from hromada.documents.receivers_routes import on_file_version_added
from hromada.documents.selectors import routes as selectors
from hromada.documents.services import routes as services
from hromada.documents.services.route_steps import StepSpec
from hromada.documents.tests.factories_routes import (
    FileVersionFactory,
    RouteDocumentFactory,
    pdf_bytes,
)
from hromada.documents.tests.route_runs.world import (
    decide,
    start,
    statuses,
    task_of,
)
from hromada.notifications.models import Notification
from hromada.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_only_one_route_runs_per_document(document, version, author, two_steps):
    # given
    start(document, version, author, two_steps)
    events_before = AuditEvent.objects.count()

    # when
    with pytest.raises(ApplicationError) as error:
        start(document, version, author, two_steps)

    # then
    assert error.value.code == "route_running"
    assert ApprovalRoute.objects.count() == 1
    assert AuditEvent.objects.count() == events_before


def test_a_version_of_another_document_is_refused(document, author, two_steps):
    # given
    other = FileVersionFactory.create()

    # when / then
    with pytest.raises(ApplicationError) as error:
        start(document, other, author, two_steps)
    assert error.value.code == "version_of_other_document"
    assert ApprovalRoute.objects.exists() is False


def test_only_the_author_holder_or_head_starts_a_route(
    document, version, two_steps, visa_a
):
    # given: a head of the card's unit
    head = EmployeeFactory.create(
        position__org_unit=document.org_unit, position__is_head=True
    ).user

    # when / then: a participant-to-be may not start it
    with pytest.raises(PermissionDeniedError):
        start(document, version, visa_a, two_steps)
    assert ApprovalRoute.objects.exists() is False
    route = start(document, version, head, two_steps)
    assert route.started_by == head


def test_a_new_version_restarts_the_route_and_voids_decisions(
    document,
    version,
    author,
    two_steps,
    visa_a,
    visa_b,
    django_capture_on_commit_callbacks,
):
    # given: step 1 is approved, the signer's step is active
    route = start(document, version, author, two_steps)
    decide(route, visa_a)
    decide(route, visa_b)
    new_version = FileVersionFactory.create(
        document_file=version.document_file, number=2, content=pdf_bytes("v2")
    )
    Notification.objects.all().delete()

    # when
    on_file_version_added(
        FileVersionAdded(
            document_id=document.pk,
            document_file_id=version.document_file_id,
            version_id=new_version.pk,
        )
    )

    # then: the old route is cancelled; the new one runs from step 1
    assert statuses(route)[0] == RouteStatus.CANCELLED
    new = ApprovalRoute.objects.get(status=RouteStatus.RUNNING)
    assert (new.file_version, new.started_by) == (new_version, author)
    assert statuses(new) == (RouteStatus.RUNNING, ["active", "waiting"])
    assert set(
        ApprovalTask.objects.filter(step__route=new).values_list("decision", flat=True)
    ) == {ApprovalDecision.PENDING}
    assert {(n.recipient, n.template) for n in Notification.objects.all()} == {
        (visa_a, "documents/approval_restarted"),
        (visa_b, "documents/approval_restarted"),
    }
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-2:] == ["documents.route_cancel", "documents.route_restart"]
    # the old hash no longer opens the new route's tasks
    with pytest.raises(ApplicationError):
        services.route_decide(
            task=task_of(new, visa_a),
            actor=visa_a,
            decision=ApprovalDecision.APPROVED,
            seen_sha256=version.sha256,
        )


def test_restart_leaves_a_route_over_the_same_version_alone(
    document, version, author, two_steps
):
    # given
    route = start(document, version, author, two_steps)

    # when
    result = services.route_restart_for_version(version_id=version.pk)

    # then
    assert result is None
    assert statuses(route)[0] == RouteStatus.RUNNING


def test_the_starter_cancels_with_a_reason(
    document, version, author, two_steps, visa_a
):
    # given
    route = start(document, version, author, two_steps)

    # when: no reason, then a reason
    with pytest.raises(ApplicationError):
        services.route_cancel(route=route, actor=author, reason=" ")
    services.route_cancel(route=route, actor=author, reason="Помилка в адресаті.")

    # then
    assert statuses(route)[0] == RouteStatus.CANCELLED
    assert list(selectors.approval_list_for_user(user=visa_a)) == []
    event = AuditEvent.objects.get(action="documents.route_cancel")
    assert (event.actor, event.data) == (author, {"reason": "Помилка в адресаті."})


def test_a_participant_cannot_cancel(document, version, author, two_steps, visa_a):
    route = start(document, version, author, two_steps)

    with pytest.raises(PermissionDeniedError):
        services.route_cancel(route=route, actor=visa_a, reason="Хочу.")

    assert statuses(route)[0] == RouteStatus.RUNNING


def test_n_of_m_needs_a_sensible_n(document, version, author, visa_a):
    with pytest.raises(ApplicationError) as error:
        start(
            document,
            version,
            author,
            [
                StepSpec(
                    kind=ApprovalKind.VISA,
                    participants=[visa_a],
                    quorum=Quorum.N_OF_M,
                    quorum_n=2,
                )
            ],
        )

    assert error.value.code == "step_quorum_invalid"


def test_the_signature_step_signs_the_version(
    document, version, author, two_steps, visa_a, visa_b, signer, monkeypatch
):
    # given
    from hromada.documents.services import signing

    calls = []
    monkeypatch.setattr(
        signing, "file_version_sign", lambda **kwargs: calls.append(kwargs)
    )
    route = start(document, version, author, two_steps)
    decide(route, visa_a)
    decide(route, visa_b)
    assert calls == []

    # when
    decide(route, signer, order=2)

    # then
    assert [(c["version"], c["signer"]) for c in calls] == [(version, signer)]
    assert statuses(route) == (RouteStatus.APPROVED, ["approved", "approved"])


def test_the_pending_tasks_of_a_closed_any_step_leave_the_list(
    document, version, author, visa_a, visa_b
):
    # given
    steps = [
        StepSpec(
            kind=ApprovalKind.VISA, participants=[visa_a, visa_b], quorum=Quorum.ANY
        )
    ]
    route = start(document, version, author, steps)

    # when
    decide(route, visa_a)

    # then
    assert list(selectors.approval_list_for_user(user=visa_b)) == []
    assert route.steps.get().status == ApprovalStepStatus.APPROVED


def test_another_document_keeps_its_own_route(author, two_steps):
    # given: two cards, each with a running route
    first = FileVersionFactory.create(document_file__document__created_by=author)
    second = FileVersionFactory.create(document_file__document__created_by=author)

    # when
    for version in (first, second):
        start(version.document_file.document, version, author, two_steps)

    # then
    assert ApprovalRoute.objects.filter(status=RouteStatus.RUNNING).count() == 2
    assert RouteDocumentFactory._meta.model.objects.count() == 2
