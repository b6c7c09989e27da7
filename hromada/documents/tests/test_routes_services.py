from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.deadlines import add_working_days
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
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
    OnReject,
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
from hromada.notifications.models import Notification
from hromada.org.models import SubstitutionScope
from hromada.org.tests.factories import (
    EmployeeFactory,
    SubstitutionFactory,
)

pytestmark = pytest.mark.django_db


def staff():
    return UserFactory.create(roles=[Role.EXECUTOR])


@pytest.fixture
def author():
    return staff()


@pytest.fixture
def version(author):
    return FileVersionFactory.create(document_file__document__created_by=author)


@pytest.fixture
def document(version):
    return version.document_file.document


@pytest.fixture
def visa_a():
    return staff()


@pytest.fixture
def visa_b():
    return staff()


@pytest.fixture
def signer():
    return staff()


@pytest.fixture
def two_steps(visa_a, visa_b, signer):
    return [
        StepSpec(kind=ApprovalKind.VISA, participants=[visa_a, visa_b], term_days=2),
        StepSpec(kind=ApprovalKind.SIGN, participants=[signer]),
    ]


def start(document, version, author, steps):
    return services.route_start(
        document=document, version=version, actor=author, steps=steps
    )


def task_of(route, user, order=1):
    return ApprovalTask.objects.get(
        step__route=route, step__order=order, participant=user
    )


def decide(route, user, decision=ApprovalDecision.APPROVED, comment="", order=1):
    return services.route_decide(
        task=task_of(route, user, order),
        actor=user,
        decision=decision,
        comment=comment,
        seen_sha256=route.file_version.sha256,
    )


def statuses(route):
    route.refresh_from_db()
    steps = route.steps.order_by("order").values_list("status", flat=True)
    return (route.status, list(steps))


def test_start_activates_step_one_and_notifies_only_its_participants(
    document, version, author, two_steps, visa_a, visa_b
):
    # when
    route = start(document, version, author, two_steps)

    # then
    assert statuses(route) == (RouteStatus.RUNNING, ["active", "waiting"])
    first = route.steps.get(order=1)
    assert first.due_on == add_working_days(start=timezone.localdate(), count=2)
    assert route.steps.get(order=2).due_on is None
    assert {n.recipient for n in Notification.objects.all()} == {visa_a, visa_b}
    assert {n.template for n in Notification.objects.all()} == {
        "documents/approval_requested"
    }
    event = AuditEvent.objects.get()
    assert (event.action, event.actor) == ("documents.route_start", author)
    assert event.data["sha256"] == version.sha256


def test_visa_step_waits_for_both_then_hands_over_to_the_signer(
    document, version, author, two_steps, visa_a, visa_b, signer
):
    # given
    route = start(document, version, author, two_steps)

    # when: one of two visas
    decide(route, visa_a)

    # then: the step is still active and the signer sees nothing (EDMS-14)
    assert statuses(route) == (RouteStatus.RUNNING, ["active", "waiting"])
    assert list(selectors.approval_list_for_user(user=signer)) == []
    assert Notification.objects.filter(recipient=signer).exists() is False

    # when: the second visa
    decide(route, visa_b)

    # then
    assert statuses(route) == (RouteStatus.RUNNING, ["approved", "active"])
    assert list(selectors.approval_list_for_user(user=signer)) == [
        task_of(route, signer, order=2)
    ]
    assert Notification.objects.filter(recipient=signer).count() == 1


def test_decision_records_the_hash_seen_and_is_audited(
    document, version, author, two_steps, visa_a
):
    # given
    route = start(document, version, author, two_steps)

    # when
    task = decide(route, visa_a, ApprovalDecision.APPROVED_WITH_REMARKS, "Кома.")

    # then
    task.refresh_from_db()
    assert (task.decision, task.decided_by, task.seen_sha256, task.comment) == (
        ApprovalDecision.APPROVED_WITH_REMARKS,
        visa_a,
        version.sha256,
        "Кома.",
    )
    event = AuditEvent.objects.get(action="documents.route_decide")
    assert event.actor == visa_a
    assert event.data == {
        "route": route.pk,
        "step": 1,
        "participant": visa_a.pk,
        "decision": "approved_with_remarks",
        "seen_sha256": version.sha256,
        "step_outcome": "",
    }


def test_any_quorum_needs_one_approval(document, version, author, visa_a, visa_b):
    # given
    steps = [
        StepSpec(
            kind=ApprovalKind.APPROVE, participants=[visa_a, visa_b], quorum=Quorum.ANY
        )
    ]
    route = start(document, version, author, steps)

    # when
    decide(route, visa_b)

    # then: the last step approved, the route is approved
    assert statuses(route) == (RouteStatus.APPROVED, ["approved"])
    assert route.finished_at is not None
    assert (
        Notification.objects.filter(
            recipient=author, template="documents/approval_completed"
        ).count()
        == 1
    )


def test_any_quorum_fails_only_when_everyone_rejects(
    document, version, author, visa_a, visa_b
):
    # given
    steps = [
        StepSpec(
            kind=ApprovalKind.APPROVE,
            participants=[visa_a, visa_b],
            quorum=Quorum.ANY,
            on_reject=OnReject.STOP,
        )
    ]
    route = start(document, version, author, steps)

    # when
    decide(route, visa_a, ApprovalDecision.REJECTED, "Ні.")

    # then
    assert statuses(route) == (RouteStatus.RUNNING, ["active"])

    # when
    decide(route, visa_b, ApprovalDecision.REJECTED, "Теж ні.")

    # then
    assert statuses(route) == (RouteStatus.REJECTED, ["rejected"])


def test_n_of_m_quorum(document, version, author, visa_a, visa_b, signer):
    # given: two of three
    steps = [
        StepSpec(
            kind=ApprovalKind.ENDORSE,
            participants=[visa_a, visa_b, signer],
            quorum=Quorum.N_OF_M,
            quorum_n=2,
        )
    ]
    route = start(document, version, author, steps)

    # when
    decide(route, visa_a, ApprovalDecision.REJECTED, "Заперечую.")
    decide(route, visa_b)

    # then: 1 approved + 1 pending can still reach 2
    assert statuses(route) == (RouteStatus.RUNNING, ["active"])

    # when
    decide(route, signer)

    # then
    assert statuses(route) == (RouteStatus.APPROVED, ["approved"])


def test_n_of_m_fails_when_the_quorum_can_no_longer_be_met(
    document, version, author, visa_a, visa_b, signer
):
    # given
    steps = [
        StepSpec(
            kind=ApprovalKind.ENDORSE,
            participants=[visa_a, visa_b, signer],
            quorum=Quorum.N_OF_M,
            quorum_n=2,
            on_reject=OnReject.STOP,
        )
    ]
    route = start(document, version, author, steps)

    # when
    decide(route, visa_a, ApprovalDecision.REJECTED, "Заперечую.")
    decide(route, visa_b, ApprovalDecision.REJECTED, "Заперечую.")

    # then
    assert statuses(route) == (RouteStatus.REJECTED, ["rejected"])
    assert list(selectors.approval_list_for_user(user=signer)) == []


def test_rejection_with_stop_rejects_the_route(
    document, version, author, visa_a, visa_b
):
    # given
    steps = [
        StepSpec(
            kind=ApprovalKind.VISA,
            participants=[visa_a, visa_b],
            on_reject=OnReject.STOP,
        )
    ]
    route = start(document, version, author, steps)

    # when
    decide(route, visa_a, ApprovalDecision.REJECTED, "Суперечить закону.")

    # then
    assert statuses(route) == (RouteStatus.REJECTED, ["rejected"])
    document.refresh_from_db()
    assert document.holder is None
    notification = Notification.objects.get(template="documents/approval_rejected")
    assert notification.recipient == author
    assert notification.context["comment"] == "Суперечить закону."
    assert list(selectors.approval_list_for_user(user=visa_b)) == []


def test_rejection_returns_to_the_author(document, version, author, two_steps, visa_a):
    # given
    route = start(document, version, author, two_steps)

    # when
    decide(route, visa_a, ApprovalDecision.REJECTED, "Доопрацюйте.")

    # then
    assert statuses(route) == (RouteStatus.RETURNED, ["rejected", "waiting"])
    document.refresh_from_db()
    assert document.holder == author
    assert document.held_since is not None


def test_return_for_rework_returns_even_a_stop_step(document, version, author, visa_a):
    # given
    steps = [
        StepSpec(kind=ApprovalKind.VISA, participants=[visa_a], on_reject=OnReject.STOP)
    ]
    route = start(document, version, author, steps)

    # when
    decide(route, visa_a, ApprovalDecision.RETURNED, "Додайте додаток.")

    # then
    assert statuses(route) == (RouteStatus.RETURNED, ["rejected"])


@pytest.mark.parametrize(
    "decision", [ApprovalDecision.REJECTED, ApprovalDecision.RETURNED]
)
def test_rejection_without_a_comment_is_refused(
    document, version, author, two_steps, visa_a, decision
):
    # given
    route = start(document, version, author, two_steps)
    events_before = AuditEvent.objects.count()

    # when
    with pytest.raises(ApplicationError) as error:
        decide(route, visa_a, decision, "  ")

    # then
    assert error.value.code == "comment_required"
    assert task_of(route, visa_a).decision == ApprovalDecision.PENDING
    assert AuditEvent.objects.count() == events_before


def test_a_changed_document_is_refused_and_nothing_changes(
    document, version, author, two_steps, visa_a
):
    # given
    route = start(document, version, author, two_steps)
    events_before = AuditEvent.objects.count()
    notifications_before = Notification.objects.count()

    # when
    with pytest.raises(ApplicationError) as error:
        services.route_decide(
            task=task_of(route, visa_a),
            actor=visa_a,
            decision=ApprovalDecision.APPROVED,
            seen_sha256="0" * 64,
        )

    # then
    assert (error.value.code, error.value.message) == (
        "version_changed",
        gettext("The document has changed; review the new version."),
    )
    task = task_of(route, visa_a)
    assert (task.decision, task.decided_by, task.seen_sha256) == ("pending", None, "")
    assert statuses(route) == (RouteStatus.RUNNING, ["active", "waiting"])
    assert AuditEvent.objects.count() == events_before
    assert Notification.objects.count() == notifications_before


def test_a_non_participant_is_refused(document, version, author, two_steps, visa_a):
    # given
    route = start(document, version, author, two_steps)
    events_before = AuditEvent.objects.count()

    # when
    with pytest.raises(PermissionDeniedError):
        services.route_decide(
            task=task_of(route, visa_a),
            actor=author,
            decision=ApprovalDecision.APPROVED,
            seen_sha256=version.sha256,
        )

    # then
    assert task_of(route, visa_a).decision == ApprovalDecision.PENDING
    assert AuditEvent.objects.count() == events_before


def test_a_waiting_step_cannot_be_decided(document, version, author, two_steps, signer):
    # given
    route = start(document, version, author, two_steps)

    # when / then
    with pytest.raises(InvalidTransitionError):
        decide(route, signer, order=2)
    assert task_of(route, signer, order=2).decision == ApprovalDecision.PENDING


def test_a_substitute_for_approval_decides_and_is_recorded(
    document, version, author, two_steps, visa_a
):
    # given
    today = timezone.localdate()
    deputy = staff()
    SubstitutionFactory.create(
        absent=visa_a,
        substitute=deputy,
        scope=SubstitutionScope.APPROVE,
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=1),
    )
    route = start(document, version, author, two_steps)
    task = task_of(route, visa_a)
    assert list(selectors.approval_list_for_user(user=deputy)) == [task]

    # when
    services.route_decide(
        task=task,
        actor=deputy,
        decision=ApprovalDecision.APPROVED,
        seen_sha256=version.sha256,
    )

    # then
    task.refresh_from_db()
    assert (task.participant, task.decided_by, task.decision) == (
        visa_a,
        deputy,
        ApprovalDecision.APPROVED,
    )
    event = AuditEvent.objects.get(action="documents.route_decide")
    assert (event.actor, event.data["participant"]) == (deputy, visa_a.pk)


def test_a_substitute_for_signing_only_cannot_put_a_visa(
    document, version, author, two_steps, visa_a
):
    # given
    today = timezone.localdate()
    deputy = staff()
    SubstitutionFactory.create(
        absent=visa_a,
        substitute=deputy,
        scope=SubstitutionScope.SIGN,
        starts_on=today,
        ends_on=today,
    )
    route = start(document, version, author, two_steps)

    # when / then
    assert list(selectors.approval_list_for_user(user=deputy)) == []
    with pytest.raises(PermissionDeniedError):
        services.route_decide(
            task=task_of(route, visa_a),
            actor=deputy,
            decision=ApprovalDecision.APPROVED,
            seen_sha256=version.sha256,
        )


def test_acquaintance_cannot_be_rejected(document, version, author, visa_a):
    # given
    steps = [StepSpec(kind=ApprovalKind.ACQUAINT, participants=[visa_a])]
    route = start(document, version, author, steps)

    # when
    with pytest.raises(ApplicationError) as error:
        decide(route, visa_a, ApprovalDecision.REJECTED, "Не згоден.")

    # then
    assert error.value.code == "acquaint_only_acknowledged"
    assert statuses(route) == (RouteStatus.RUNNING, ["active"])

    # when: the acknowledgement
    decide(route, visa_a)

    # then
    assert statuses(route) == (RouteStatus.APPROVED, ["approved"])


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
