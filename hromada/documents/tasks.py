"""Background entry points of the documents room: ids in, one service call."""

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

# huey loads only ``tasks.py`` of each app: the other areas' jobs join here.
from hromada.documents import tasks_control, tasks_files  # noqa: F401
from hromada.documents.services import intake

logger = logging.getLogger(__name__)


@db_periodic_task(crontab(minute="*/5"))
def intake_imap_poll() -> None:
    """Every five minutes, take in unseen letters when IMAP intake is set up.

    Does nothing without ``HROMADA_INTAKE_IMAP``; a letter already taken in
    (same Message-ID) is not taken in again.
    """
    documents = intake.intake_imap_poll()
    if documents:
        logger.info("E-mail intake took in %s letters", len(documents))
