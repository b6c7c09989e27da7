"""The outbox's lifecycle table and database constraints."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from hromada.core.errors import InvalidTransitionError
from hromada.core.transitions import transition_apply, transitions_check_complete
from hromada.notifications.models import (
    NOTIFICATION_TRANSITIONS,
    Notification,
    NotificationStatus,
)
from hromada.notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db


def test_transitions_table_names_every_status():
    transitions_check_complete(NOTIFICATION_TRANSITIONS, NotificationStatus)
    assert set(NOTIFICATION_TRANSITIONS) == set(NotificationStatus)


@pytest.mark.parametrize("final", [NotificationStatus.SENT, NotificationStatus.FAILED])
def test_final_statuses_allow_no_move(final):
    notification = Notification(status=final)

    with pytest.raises(InvalidTransitionError):
        transition_apply(
            notification, to=NotificationStatus.SENDING, table=NOTIFICATION_TRANSITIONS
        )

    assert notification.status == final


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        ({"recipient": None, "recipient_email": ""}, "has_recipient"),
        ({"status": "unknown"}, "status_known"),
        ({"channel": "pigeon"}, "channel_known"),
        ({"status": NotificationStatus.SENT, "sent_at": None}, "sent_at_once_sent"),
        ({"sent_at": timezone.now()}, "sent_at_once_sent"),
        ({"next_attempt_at": None}, "pending_is_scheduled"),
    ],
)
def test_constraints_refuse_inconsistent_rows(changes, constraint):
    with pytest.raises(IntegrityError) as refusal, transaction.atomic():
        NotificationFactory.create(**changes)

    assert f"notifications_notification_{constraint}" in str(refusal.value)


def test_dedup_key_is_unique():
    NotificationFactory.create(dedup_key="same")

    with pytest.raises(IntegrityError), transaction.atomic():
        NotificationFactory.create(dedup_key="same")

    assert Notification.objects.count() == 1
