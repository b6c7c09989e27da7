"""Periodic jobs of control of execution; ``tasks.py`` imports this module."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from hromada.documents.services import control


@db_periodic_task(crontab(hour="7", minute="30"))
def documents_overdue_digest() -> None:
    """Each day at 07:30 Kyiv time, send every person one overdue digest.

    Idempotent per person and day, so a second run sends nothing more.
    """
    control.overdue_digest_send(today=timezone.localdate())
