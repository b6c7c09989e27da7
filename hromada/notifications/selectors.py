"""Reads of the notifications room."""

from datetime import datetime, timedelta
from typing import Final
from uuid import UUID

from django.db.models import Q, QuerySet

from hromada.notifications.models import (
    NOTIFICATION_SENDING_TIMEOUT,
    CapturedMail,
    Notification,
    NotificationStatus,
)

# The on-commit enqueue or the retry normally runs well within this; the
# outbox flush only steps in for rows left behind longer.
NOTIFICATION_FLUSH_GRACE: Final = timedelta(minutes=2)


def notification_list_due(*, now: datetime) -> QuerySet[Notification]:
    """Notifications whose delivery should have run by ``now`` but has not.

    Pending rows overdue by the grace period, and attempts interrupted by a
    dead worker; the outbox flush enqueues them again. Oldest first.
    """
    overdue = Q(
        status=NotificationStatus.PENDING,
        next_attempt_at__lte=now - NOTIFICATION_FLUSH_GRACE,
    )
    interrupted = Q(
        status=NotificationStatus.SENDING,
        updated_at__lte=now - NOTIFICATION_SENDING_TIMEOUT,
    )
    return Notification.objects.filter(overdue | interrupted).order_by("pk")


def captured_mail_list() -> QuerySet[CapturedMail]:
    """Captured e-mails, newest first, without their bodies.

    For the demo mail pages: the caller checks demo mode and staff access.
    """
    fields = ("public_id", "sent_at", "to", "subject")
    return CapturedMail.objects.only(*fields).order_by("-sent_at", "-pk")


def captured_mail_get(*, public_id: UUID) -> CapturedMail:
    """One captured e-mail with its bodies; raises ``DoesNotExist`` if none.

    The caller checks demo mode and staff access.
    """
    return CapturedMail.objects.get(public_id=public_id)
