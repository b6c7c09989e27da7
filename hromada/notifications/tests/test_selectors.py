"""Reads: overdue outbox rows, captured mail."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.notifications import selectors
from hromada.notifications.models import Notification, NotificationStatus
from hromada.notifications.tests.factories import (
    CapturedMailFactory,
    NotificationFactory,
)

pytestmark = pytest.mark.django_db


def test_due_list_holds_overdue_pending_and_interrupted_sending_rows():
    # given
    now = timezone.now()
    overdue = NotificationFactory.create(next_attempt_at=now - timedelta(minutes=2))
    NotificationFactory.create(next_attempt_at=now - timedelta(minutes=1))
    interrupted = NotificationFactory.create(
        status=NotificationStatus.SENDING, attempts=1, next_attempt_at=None
    )
    busy = NotificationFactory.create(
        status=NotificationStatus.SENDING, attempts=1, next_attempt_at=None
    )
    Notification.objects.filter(pk=interrupted.pk).update(
        updated_at=now - timedelta(minutes=15)
    )
    Notification.objects.filter(pk=busy.pk).update(
        updated_at=now - timedelta(minutes=14)
    )
    NotificationFactory.create(sent=True)
    NotificationFactory.create(failed=True)

    # when
    due = list(selectors.notification_list_due(now=now))

    # then
    assert due == [overdue, interrupted]


def test_captured_mail_list_is_newest_first_without_bodies(django_assert_num_queries):
    # given
    now = timezone.now()
    first = CapturedMailFactory.create(sent_at=now - timedelta(minutes=1))
    second = CapturedMailFactory.create(sent_at=now)

    # when
    with django_assert_num_queries(1):
        mails = list(selectors.captured_mail_list())
        subjects = [m.subject for m in mails]

    # then
    assert mails == [second, first]
    assert subjects == [second.subject, first.subject]
    assert mails[0].get_deferred_fields() == {
        "created_at",
        "updated_at",
        "from_email",
        "text",
        "html",
    }
