"""The django-tasks API really runs on huey (in-memory huey in tests)."""

import pytest
from django.core import mail
from django.db import transaction

from hromada.notifications import services as notification_services
from hromada.notifications.models import Notification, NotificationStatus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def huey_backend(settings):
    settings.TASKS = {
        "default": {"BACKEND": "huey.contrib.djhuey.tasks_backend.HueyBackend"}
    }


def test_a_committed_notification_is_delivered_through_huey(huey_backend):
    # when: the outbox row commits, its delivery task goes through huey
    with transaction.atomic():
        notification = notification_services.notification_send(
            recipient_email="olena@test.example",
            template="notifications/test_message",
            context={},
            dedup_key="queue-test",
        )

    # then: huey (immediate in tests) ran the task and the e-mail left
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT
    assert [m.to for m in mail.outbox] == [["olena@test.example"]]


def _send_then_fail() -> None:
    with transaction.atomic():
        notification_services.notification_send(
            recipient_email="olena@test.example",
            template="notifications/test_message",
            context={},
            dedup_key="queue-rollback",
        )
        raise RuntimeError("the change fails after the send")


def test_a_rolled_back_change_sends_nothing_through_huey(huey_backend):
    with pytest.raises(RuntimeError):
        _send_then_fail()

    assert Notification.objects.exists() is False
    assert mail.outbox == []
