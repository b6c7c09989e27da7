"""Background entry points of the notifications room: ids in, one call."""

import logging
from typing import Final

from django.utils import timezone
from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from hromada.notifications import selectors, services

logger = logging.getLogger(__name__)

# One flush run enqueues at most this many; the next run takes the rest.
FLUSH_BATCH_SIZE: Final = 1000


@task()
def notification_deliver(*, notification_id: int) -> None:
    """Deliver one outbox row; after a transient error, enqueue the next try.

    Safe to run twice. The row counts the attempts and gives up after
    ``services.MAX_ATTEMPTS``; a database error raises and the flush retries.
    """
    retry_at = services.notification_deliver(notification_id=notification_id)
    if retry_at is not None:
        notification_deliver.using(run_after=retry_at).enqueue(
            notification_id=notification_id
        )


@db_periodic_task(crontab(minute="*/5"))
def notification_outbox_flush() -> None:
    """Every five minutes, enqueue deliveries that are overdue.

    Catches rows whose on-commit enqueue or retry was lost (a queue outage,
    a crash) and attempts interrupted by a dead worker.
    """
    due = selectors.notification_list_due(now=timezone.now())
    ids = list(due.values_list("pk", flat=True)[:FLUSH_BATCH_SIZE])
    for notification_id in ids:
        notification_deliver.enqueue(notification_id=notification_id)
    if ids:
        logger.info("Outbox flush enqueued %s notifications", len(ids))
