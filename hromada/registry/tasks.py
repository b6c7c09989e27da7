"""Background entry points of the registry room: ids in, one service call."""

import logging

from django.utils import timezone
from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from hromada.registry.services import acts, imports

logger = logging.getLogger(__name__)


@task()
def act_import_run(*, import_id: int) -> None:
    """Read a bulk import's table and register its acts."""
    imports.act_import_run(import_id=import_id)


@db_periodic_task(crontab(hour="0", minute="5"))
def act_statuses_refresh() -> None:
    """Just after midnight, acts whose day of force or of repeal has come."""
    changed = acts.act_statuses_refresh(today=timezone.localdate())
    if changed:
        logger.info("Statuses of %s acts follow their dates", changed)
