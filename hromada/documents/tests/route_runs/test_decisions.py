"""A running route: quorum, decisions, substitutes, refusals."""

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from hromada.core.deadlines import add_working_days
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    OnReject,
    Quorum,
    RouteStatus,
)
from hromada.documents.selectors import routes as selectors
from hromada.documents.services import routes as services
from hromada.documents.services.route_steps import StepSpec
from hromada.documents.tests.route_runs.world import (
    decide,
    staff,
    start,
    statuses,
    task_of,
)
from hromada.notifications.models import Notification
from hromada.org.models import SubstitutionScope
from hromada.org.tests.factories import SubstitutionFactory

pytestmark = pytest.mark.django_db


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
    deputy = staff()
    SubstitutionFactory.create(
        absent=visa_a,
        substitute=deputy,
        scope=SubstitutionScope.APPROVE,
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
