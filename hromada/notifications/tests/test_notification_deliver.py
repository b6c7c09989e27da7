"""notification_deliver: one e-mail, at most once per success, retries."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from hromada.core.models import AuditEvent
from hromada.notifications import services
from hromada.notifications.models import Notification, NotificationStatus
from hromada.notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_down(monkeypatch):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPRecipientsRefused(
            {"olena@test.example": (450, b"4.2.0 <olena@test.example>: try later")}
        )

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)


def make_due(notification: Notification) -> None:
    Notification.objects.filter(pk=notification.pk).update(
        next_attempt_at=timezone.now()
    )


def test_delivery_sends_one_ukrainian_email_with_text_and_html():
    # given
    notification = NotificationFactory.create(recipient__email="olena@test.example")

    # when
    retry_at = services.notification_deliver(notification_id=notification.pk)

    # then
    assert retry_at is None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["olena@test.example"]
    assert message.subject == "Тестове повідомлення — Вишнева міська рада"
    assert "Доброго дня!" in message.body
    assert "надсилання електронної пошти працює" in message.body
    assert "<html" not in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert '<html lang="uk">' in html
    assert "Тестове повідомлення</h1>" in html
    assert "Вишнева міська рада" in html
    assert message.extra_headers == {
        "Message-ID": notification.message_id,
        "Auto-Submitted": "auto-generated",
        "Content-Language": "uk",
    }
    notification.refresh_from_db()
    assert (
        notification.status,
        notification.attempts,
        notification.next_attempt_at,
    ) == (NotificationStatus.SENT, 1, None)
    assert notification.sent_at is not None
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.target_id) == (
        "notifications.sent",
        None,
        str(notification.pk),
    )
    assert event.data == {"from": "sending", "attempts": 1}


def test_delivery_renders_in_the_notifications_language():
    notification = NotificationFactory.create(language="en")

    services.notification_deliver(notification_id=notification.pk)

    [message] = mail.outbox
    assert message.subject == "Test message — Vyshneve City Council"
    assert '<html lang="en">' in message.alternatives[0][0]


def test_address_given_for_the_matter_wins_over_the_accounts_address():
    notification = NotificationFactory.create(
        recipient__email="account@test.example", recipient_email="reply@test.example"
    )

    services.notification_deliver(notification_id=notification.pk)

    assert mail.outbox[0].to == ["reply@test.example"]


def test_second_delivery_sends_nothing():
    # given
    notification = NotificationFactory.create()
    services.notification_deliver(notification_id=notification.pk)

    # when
    retry_at = services.notification_deliver(notification_id=notification.pk)

    # then
    assert retry_at is None
    assert len(mail.outbox) == 1
    assert AuditEvent.objects.count() == 1


@pytest.mark.parametrize("trait", ["sent", "failed"])
def test_final_notifications_are_left_alone(trait):
    notification = NotificationFactory.create(**{trait: True})

    assert services.notification_deliver(notification_id=notification.pk) is None

    assert mail.outbox == []
    assert AuditEvent.objects.exists() is False


def test_pending_notification_not_yet_due_is_left_alone():
    notification = NotificationFactory.create(
        next_attempt_at=timezone.now() + timedelta(minutes=3)
    )

    assert services.notification_deliver(notification_id=notification.pk) is None

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (
        NotificationStatus.PENDING,
        0,
    )
    assert mail.outbox == []


def test_transient_failure_schedules_a_retry_without_the_address(smtp_down):
    # given
    notification = NotificationFactory.create(recipient__email="olena@test.example")
    before = timezone.now()

    # when
    retry_at = services.notification_deliver(notification_id=notification.pk)

    # then
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (
        NotificationStatus.PENDING,
        1,
    )
    assert retry_at == notification.next_attempt_at
    assert (
        before + timedelta(minutes=2)
        <= retry_at
        <= timezone.now() + timedelta(minutes=2)
    )
    assert notification.last_error.startswith("SMTPRecipientsRefused: ")
    assert "olena" not in notification.last_error
    assert "[address]" in notification.last_error
    assert AuditEvent.objects.exists() is False


def test_backoff_doubles_with_each_attempt(smtp_down):
    # given
    notification = NotificationFactory.create()
    delays = []

    # when
    for _attempt in range(3):
        make_due(notification)
        start = timezone.now()
        retry_at = services.notification_deliver(notification_id=notification.pk)
        delays.append(round((retry_at - start).total_seconds() / 60))

    # then
    assert delays == [2, 4, 8]


def test_last_attempt_marks_failed_with_an_audit_event(smtp_down):
    # given
    notification = NotificationFactory.create()

    # when
    for _attempt in range(services.MAX_ATTEMPTS):
        make_due(notification)
        retry_at = services.notification_deliver(notification_id=notification.pk)

    # then
    assert retry_at is None
    notification.refresh_from_db()
    assert (
        notification.status,
        notification.attempts,
        notification.next_attempt_at,
    ) == (NotificationStatus.FAILED, services.MAX_ATTEMPTS, None)
    event = AuditEvent.objects.get()
    assert (event.action, event.actor) == ("notifications.failed", None)
    assert event.data == {"from": "sending", "attempts": services.MAX_ATTEMPTS}
    assert "olena" not in str(event.data)

    # and a further run changes nothing
    assert services.notification_deliver(notification_id=notification.pk) is None
    assert AuditEvent.objects.count() == 1


def test_connection_errors_are_transient(monkeypatch):
    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    notification = NotificationFactory.create()

    retry_at = services.notification_deliver(notification_id=notification.pk)

    notification.refresh_from_db()
    assert retry_at is not None
    assert (notification.status, notification.last_error) == (
        NotificationStatus.PENDING,
        "ConnectionRefusedError: [Errno 111] Connection refused",
    )


def test_an_interrupted_attempt_is_taken_over_after_the_timeout():
    # given: a worker claimed the row and died before recording the outcome
    notification = NotificationFactory.create(
        status=NotificationStatus.SENDING, attempts=1, next_attempt_at=None
    )
    stale = timezone.now() - timedelta(minutes=16)
    Notification.objects.filter(pk=notification.pk).update(updated_at=stale)

    # when
    services.notification_deliver(notification_id=notification.pk)

    # then
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (NotificationStatus.SENT, 2)
    assert notification.last_error == services.INTERRUPTED_ERROR
    assert len(mail.outbox) == 1


def test_an_attempt_still_in_progress_is_left_alone():
    notification = NotificationFactory.create(
        status=NotificationStatus.SENDING, attempts=1, next_attempt_at=None
    )

    assert services.notification_deliver(notification_id=notification.pk) is None

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (
        NotificationStatus.SENDING,
        1,
    )
    assert mail.outbox == []


def test_an_interrupted_last_attempt_fails_without_sending():
    # given
    notification = NotificationFactory.create(
        status=NotificationStatus.SENDING,
        attempts=services.MAX_ATTEMPTS,
        next_attempt_at=None,
    )
    stale = timezone.now() - timedelta(minutes=16)
    Notification.objects.filter(pk=notification.pk).update(updated_at=stale)

    # when
    services.notification_deliver(notification_id=notification.pk)

    # then
    notification.refresh_from_db()
    assert (notification.status, notification.last_error) == (
        NotificationStatus.FAILED,
        services.INTERRUPTED_ERROR,
    )
    assert mail.outbox == []
    assert AuditEvent.objects.get().action == "notifications.failed"
