"""Background entry points of the open-data catalogue: one service call."""

import logging
from datetime import timedelta
from typing import Final

from django.db import OperationalError
from django.utils import timezone
from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from hromada.opendata import selectors, services

logger = logging.getLogger(__name__)

# Worth another try: a locked SQLite file, a deadlock. A business refusal
# (ApplicationError) or a failing producer never is.
TRANSIENT_ERRORS: Final = (OperationalError,)
MAX_ATTEMPTS: Final = 5


@task()
def dataset_refresh(*, dataset_id: int, attempt: int = 1) -> None:
    """Regenerate one dataset's files; safe to run twice."""
    dataset = selectors.dataset_list_all().filter(pk=dataset_id).first()
    if dataset is None:
        return
    try:
        services.dataset_refresh(dataset=dataset)
    except TRANSIENT_ERRORS:
        if attempt >= MAX_ATTEMPTS:
            raise
        logger.warning("Retrying dataset_refresh(%s)", dataset_id, exc_info=True)
        retry_at = timezone.now() + timedelta(minutes=2**attempt)
        dataset_refresh.using(run_after=retry_at).enqueue(
            dataset_id=dataset_id, attempt=attempt + 1
        )


@db_periodic_task(crontab(minute="17"))
def dataset_refresh_due() -> None:
    """Every hour, give new producers a passport and enqueue a refresh of
    every dataset whose update frequency says its data are due."""
    services.dataset_sync()
    due = selectors.dataset_list_due(now=timezone.now())
    ids = list(due.values_list("pk", flat=True))
    for dataset_id in ids:
        dataset_refresh.enqueue(dataset_id=dataset_id)
    if ids:
        logger.info("Open data: %s datasets due for a refresh", len(ids))
