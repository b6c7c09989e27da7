"""notification_send: one outbox row, delivery enqueued only after commit."""

import pytest
from django.db import transaction
from django.template import TemplateDoesNotExist
from django_tasks import default_task_backend

from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import ValidationError
from hromada.notifications import services
from hromada.notifications.models import (
    Notification,
    NotificationChannel,
    NotificationStatus,
)

pytestmark = pytest.mark.django_db
TEMPLATE = "notifications/test_message"


class Rollback(Exception):
    pass


def enqueued() -> list[tuple[str, dict]]:
    return [(r.task.name, r.kwargs) for r in default_task_backend.results]


def test_send_writes_one_row_and_enqueues_after_commit(
    django_capture_on_commit_callbacks,
):
    # given
    user = UserFactory.create()

    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = services.notification_send(
            recipient=user, template=TEMPLATE, context={"appeal_id": 7}, dedup_key="k:1"
        )
        # then: nothing is enqueued while the transaction is open
        assert enqueued() == []
    for callback in callbacks:
        callback()

    # then
    row = Notification.objects.get()
    assert row == notification
    assert (row.recipient, row.recipient_email, row.template, row.context) == (
        user,
        "",
        TEMPLATE,
        {"appeal_id": 7},
    )
    assert (row.channel, row.status, row.attempts, row.language) == (
        NotificationChannel.EMAIL,
        NotificationStatus.PENDING,
        0,
        "uk",
    )
    assert row.next_attempt_at is not None
    assert row.message_id == f"<notif-{row.public_id}@hromada.example>"
    assert enqueued() == [("notification_deliver", {"notification_id": row.pk})]


def test_rolled_back_transaction_creates_nothing_and_enqueues_nothing(
    django_capture_on_commit_callbacks,
):
    # given
    def send_then_fail() -> None:
        with transaction.atomic():
            services.notification_send(
                recipient_email="olena@test.example",
                template=TEMPLATE,
                context={},
                dedup_key="k:2",
            )
            raise Rollback

    # when
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Rollback),
    ):
        send_then_fail()

    # then
    assert callbacks == []
    assert Notification.objects.exists() is False
    assert enqueued() == []


def test_same_dedup_key_gives_one_row_and_one_enqueue(
    django_capture_on_commit_callbacks,
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        first = services.notification_send(
            recipient_email="olena@test.example",
            template=TEMPLATE,
            context={},
            dedup_key="k:3",
        )
        second = services.notification_send(
            recipient_email="olena@test.example",
            template=TEMPLATE,
            context={},
            dedup_key="k:3",
        )

    # then
    assert second == first
    assert Notification.objects.count() == 1
    assert enqueued() == [("notification_deliver", {"notification_id": first.pk})]


@pytest.mark.django_db(transaction=True)
def test_send_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        services.notification_send(
            recipient_email="olena@test.example",
            template=TEMPLATE,
            context={},
            dedup_key="k:4",
        )

    assert Notification.objects.exists() is False
    assert enqueued() == []


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ({"template": TEMPLATE, "context": {}}, "notification_without_recipient"),
        (
            {"recipient_email": "not-an-address", "template": TEMPLATE, "context": {}},
            "notification_email_invalid",
        ),
        (
            {
                "recipient_email": "a@test.example",
                "template": "../secret",
                "context": {},
            },
            "notification_template_invalid",
        ),
        (
            {
                "recipient_email": "a@test.example",
                "template": TEMPLATE,
                "context": {"user": object()},
            },
            "notification_context_invalid",
        ),
        (
            {
                "recipient_email": "a@test.example",
                "template": TEMPLATE,
                "context": {},
                "language": "de",
            },
            "notification_language_unknown",
        ),
    ],
)
def test_invalid_send_is_refused_and_nothing_is_written(
    arguments, code, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError) as refusal,
    ):
        services.notification_send(dedup_key="k:5", **arguments)

    assert refusal.value.code == code
    assert callbacks == []
    assert Notification.objects.exists() is False


def test_unknown_template_fails_at_send_time():
    with pytest.raises(TemplateDoesNotExist):
        services.notification_send(
            recipient_email="a@test.example",
            template="notifications/no_such_message",
            context={},
            dedup_key="k:6",
        )

    assert Notification.objects.exists() is False


def test_test_message_service_queues_a_new_message_per_call(
    django_capture_on_commit_callbacks,
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        first = services.notification_test_send(recipient_email="admin@test.example")
        second = services.notification_test_send(recipient_email="admin@test.example")

    # then
    assert first != second
    assert [n.template for n in Notification.objects.order_by("pk")] == [
        TEMPLATE,
        TEMPLATE,
    ]
    assert len(enqueued()) == 2
