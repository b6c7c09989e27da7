"""Background entry points of the analytics room: one service call each."""

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from hromada.analytics import services

logger = logging.getLogger(__name__)


@db_periodic_task(crontab(hour="4", minute="30"))
def appeal_stats_refresh() -> None:
    """Every night at 04:30 Kyiv time, after unrated answers are closed
    (03:15), refresh the summaries of appeals: recent days, what changed."""
    result = services.appeal_stats_refresh()
    logger.info(
        "Appeal summaries refreshed: %s days, %s months", result.days, result.months
    )
