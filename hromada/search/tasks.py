"""Background entry points of the search room."""

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from hromada.search import services

logger = logging.getLogger(__name__)


@db_periodic_task(crontab(minute="*/10"))
def search_statistics_refresh() -> None:
    """Every ten minutes, which terms are common, from the statistics
    PostgreSQL's autovacuum keeps (see ``backends.postgresql``)."""
    common = services.search_statistics_refresh()
    logger.info("Search statistics: %s common terms", common)
