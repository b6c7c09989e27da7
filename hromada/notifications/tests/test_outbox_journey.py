"""The whole outbox path with real commits: send, commit, task, e-mail."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django_tasks import default_task_backend

from hromada.accounts.tests.factories import UserFactory
from hromada.notifications import services, tasks
from hromada.notifications.models import CapturedMail, Notification, NotificationStatus

pytestmark = pytest.mark.django_db(transaction=True)


def test_committed_send_is_delivered_by_its_task():
    # given
    with transaction.atomic():
        services.notification_send(
            recipient_email="olena@test.example",
            template="notifications/test_message",
            context={},
            dedup_key="journey:1",
        )

    # when: the worker runs what the commit enqueued
    [result] = default_task_backend.results
    tasks.notification_deliver.call(**result.kwargs)

    # then
    notification = Notification.objects.get()
    assert notification.status == NotificationStatus.SENT
    assert [m.to for m in mail.outbox] == [["olena@test.example"]]


def test_management_command_queues_the_test_message(capsys):
    call_command("notification_test_send", "admin@test.example")

    notification = Notification.objects.get()
    assert (notification.template, notification.recipient_email) == (
        "notifications/test_message",
        "admin@test.example",
    )
    assert [(r.task.name, r.kwargs) for r in default_task_backend.results] == [
        ("notification_deliver", {"notification_id": notification.pk})
    ]
    assert str(notification.public_id) in capsys.readouterr().out


def test_demo_backend_captures_allauths_password_reset_email(client, settings):
    # given
    settings.EMAIL_BACKEND = "hromada.notifications.backends.CapturedMailBackend"
    UserFactory.create(email="olena@test.example")

    # when
    response = client.post("/accounts/password/reset/", {"email": "olena@test.example"})

    # then
    assert response.status_code == 302
    captured = CapturedMail.objects.get()
    assert captured.to == "olena@test.example"
    assert "/accounts/password/reset/key/" in captured.text
