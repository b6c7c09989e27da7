"""The delivery task and the outbox flush."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import default_task_backend

from hromada.notifications import tasks
from hromada.notifications.models import Notification, NotificationStatus
from hromada.notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db


def enqueued() -> list[tuple[str, dict]]:
    return [(r.task.name, r.kwargs) for r in default_task_backend.results]


def test_task_delivers_and_enqueues_nothing_more():
    notification = NotificationFactory.create()

    tasks.notification_deliver.call(notification_id=notification.pk)

    assert len(mail.outbox) == 1
    assert enqueued() == []


def test_task_re_enqueues_itself_after_a_transient_failure(monkeypatch):
    # given
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    notification = NotificationFactory.create()

    # when
    tasks.notification_deliver.call(notification_id=notification.pk)

    # then
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (
        NotificationStatus.PENDING,
        1,
    )
    [result] = default_task_backend.results
    assert (result.task.name, result.kwargs) == (
        "notification_deliver",
        {"notification_id": notification.pk},
    )
    assert result.task.run_after == notification.next_attempt_at
    assert result.task.run_after > timezone.now()


def test_flush_enqueues_overdue_and_interrupted_notifications_only():
    # given
    now = timezone.now()
    overdue = NotificationFactory.create(next_attempt_at=now - timedelta(minutes=3))
    NotificationFactory.create(
        next_attempt_at=now
    )  # its own enqueue is still due to run
    NotificationFactory.create(
        next_attempt_at=now + timedelta(minutes=8)
    )  # a retry later
    NotificationFactory.create(sent=True)
    NotificationFactory.create(failed=True)
    interrupted = NotificationFactory.create(
        status=NotificationStatus.SENDING, attempts=1, next_attempt_at=None
    )
    NotificationFactory.create(
        status=NotificationStatus.SENDING, attempts=1, next_attempt_at=None
    )
    Notification.objects.filter(pk=interrupted.pk).update(
        updated_at=now - timedelta(minutes=16)
    )

    # when
    tasks.notification_outbox_flush.call_local()

    # then
    assert enqueued() == [
        ("notification_deliver", {"notification_id": overdue.pk}),
        ("notification_deliver", {"notification_id": interrupted.pk}),
    ]


def test_flush_runs_every_five_minutes():
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)

    periodic = tasks.notification_outbox_flush.task_class()
    runs = [periodic.validate_datetime(start + timedelta(minutes=m)) for m in range(11)]

    assert runs == [m % 5 == 0 for m in range(11)]
