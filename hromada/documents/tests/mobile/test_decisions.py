"""The mobile cabinet: approving, returning, signing, reviewing reports."""

import pytest
from django.urls import reverse

from hromada.core.models import AuditEvent
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    FileRole,
    FileVersion,
    TaskReport,
    TaskReportStatus,
    TaskStatus,
)
from hromada.documents.tests.factories_control import TaskReportFactory
from hromada.documents.tests.factories_files import pdf_with_text
from hromada.documents.tests.mobile.world import (
    INBOX,
    awaiting,
)
from hromada.signatures import services as signature_services

pytestmark = pytest.mark.django_db


# Approval and signature -----------------------------------------------------


def _decide_url(task):
    return reverse("documents:mobile_decide", args=[task.public_id])


def _seen(task):
    return task.step.route.file_version.sha256


def test_the_decision_page_shows_the_routed_version(client, head):
    # given
    task = awaiting(head, content=pdf_with_text("Routed", pages=3))

    # when
    response = client.get(_decide_url(task))

    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["preview"].version == task.step.route.file_version
    assert list(response.context["preview"].pages) == [1, 2, 3]
    assert 'name="decision" value="approved"' in body
    assert 'name="decision" value="returned"' in body
    assert "Погодити" in body


def test_the_head_approves_with_one_tap(client, head):
    # given
    task = awaiting(head)

    # when
    response = client.post(
        _decide_url(task), {"decision": "approved", "seen_sha256": _seen(task)}
    )

    # then
    assert response["Location"] == INBOX
    task.refresh_from_db()
    assert (task.decision, task.decided_by) == (ApprovalDecision.APPROVED, head)


def test_returning_needs_a_comment_and_changes_nothing_without_it(client, head):
    # given
    task = awaiting(head)

    # when
    response = client.post(
        _decide_url(task), {"decision": "returned", "seen_sha256": _seen(task)}
    )

    # then
    assert response.status_code == 200
    assert response.context["form"].errors["comment"] == [
        "Зазначте, чому документ відхилено або повернуто."
    ]
    task.refresh_from_db()
    assert task.decision == ApprovalDecision.PENDING


def test_the_head_returns_with_a_comment(client, head):
    task = awaiting(head)

    client.post(
        _decide_url(task),
        {
            "decision": "returned",
            "comment": "Уточніть суму",
            "seen_sha256": _seen(task),
        },
    )

    task.refresh_from_db()
    assert (task.decision, task.comment) == (ApprovalDecision.RETURNED, "Уточніть суму")


def test_a_decision_the_step_does_not_offer_is_refused(client, head):
    task = awaiting(head)

    response = client.post(
        _decide_url(task), {"decision": "rejected", "seen_sha256": _seen(task)}
    )

    assert response.context["form"].non_field_errors() == ["Оберіть рішення."]
    task.refresh_from_db()
    assert task.decision == ApprovalDecision.PENDING


def test_a_repeated_decision_records_one_and_says_so(client, head):
    # given
    task = awaiting(head)
    data = {"decision": "approved", "seen_sha256": _seen(task)}

    # when
    first = client.post(_decide_url(task), data)
    second = client.post(_decide_url(task), data, follow=True)

    # then
    assert first["Location"] == INBOX
    assert second.redirect_chain == [(INBOX, 302)]
    assert "Ваше рішення щодо цього документа вже зафіксовано." in (
        second.content.decode()
    )
    assert AuditEvent.objects.filter(action="documents.route_decide").count() == 1


def test_someone_elses_decided_approval_answers_404(client, head, clerk):
    # given
    task = awaiting(clerk)
    client.force_login(clerk)
    client.post(_decide_url(task), {"decision": "approved", "seen_sha256": _seen(task)})
    client.force_login(head)

    # when
    response = client.get(_decide_url(task))

    # then
    assert response.status_code == 404


def test_someone_elses_approval_answers_404(client, head, clerk):
    # given
    task = awaiting(clerk)

    # when
    page = client.get(_decide_url(task))
    posted = client.post(
        _decide_url(task), {"decision": "approved", "seen_sha256": _seen(task)}
    )

    # then
    assert (page.status_code, posted.status_code) == (404, 404)
    task.refresh_from_db()
    assert task.decision == ApprovalDecision.PENDING


def test_the_head_signs_with_the_demo_certificate(client, head, settings):
    # given
    settings.HROMADA_DEMO_PKI = True
    signature_services.certificate_issue_demo(user=head)
    task = awaiting(head, kind=ApprovalKind.SIGN)

    # when
    response = client.post(
        _decide_url(task), {"decision": "approved", "seen_sha256": _seen(task)}
    )

    # then
    assert response["Location"] == INBOX
    task.refresh_from_db()
    assert task.decision == ApprovalDecision.APPROVED
    signed = FileVersion.objects.get(document_file__role=FileRole.SIGNED)
    assert signed.document_file.document == task.step.route.document
    assert "Документ підписано." in client.get(INBOX).content.decode()


def test_signing_without_a_certificate_shows_why(client, head):
    # given
    task = awaiting(head, kind=ApprovalKind.SIGN)

    # when
    response = client.post(
        _decide_url(task), {"decision": "approved", "seen_sha256": _seen(task)}
    )

    # then
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "У вас немає чинного сертифіката для підпису. Зверніться до адміністратора."
    ]
    task.refresh_from_db()
    assert task.decision == ApprovalDecision.PENDING
    assert FileVersion.objects.filter(document_file__role=FileRole.SIGNED).exists() is (
        False
    )


# Report review --------------------------------------------------------------


def _review_url(report):
    return reverse("documents:mobile_review", args=[report.task.public_id])


def test_the_head_accepts_a_report(client, head):
    report = TaskReportFactory.create(task__controller=head)

    response = client.post(_review_url(report), {"decision": "accept"})

    assert response["Location"] == INBOX
    report.task.refresh_from_db()
    assert report.task.status == TaskStatus.DONE


def test_returning_a_report_needs_what_to_rework(client, head):
    # given
    report = TaskReportFactory.create(task__controller=head)

    # when
    refused = client.post(_review_url(report), {"decision": "return"})
    returned = client.post(
        _review_url(report), {"decision": "return", "comment": "Додайте акт"}
    )

    # then
    assert refused.context["form"].errors["comment"] == [
        "Зазначте, що потрібно доопрацювати."
    ]
    assert returned["Location"] == INBOX
    report.refresh_from_db()
    assert report.status == TaskReportStatus.RETURNED


def test_a_repeated_review_records_one_and_says_so(client, head):
    # given
    report = TaskReportFactory.create(task__controller=head)

    # when
    client.post(_review_url(report), {"decision": "accept"})
    second = client.post(_review_url(report), {"decision": "accept"}, follow=True)

    # then
    assert second.redirect_chain == [(INBOX, 302)]
    assert "Жоден звіт за цим дорученням не чекає на розгляд." in (
        second.content.decode()
    )
    assert AuditEvent.objects.filter(action="documents.task_report_accept").count() == 1


def test_someone_elses_report_answers_404(client, head):
    report = TaskReportFactory.create()

    response = client.post(_review_url(report), {"decision": "accept"})

    assert response.status_code == 404
    assert TaskReport.objects.get().status == TaskReportStatus.SUBMITTED
