"""Readiness probes for the database, the cache and the task queue."""

import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return the value just written")
    cache.delete(key)


def _queue() -> None:
    # huey is imported here only: the probe must talk to the real storage.
    from huey.contrib.djhuey import HUEY

    key = f"healthz:{uuid.uuid4().hex}"
    HUEY.put(key, "1")
    if HUEY.get(key) != "1":
        raise RuntimeError("queue storage did not return the value just written")


CHECKS: dict[str, Callable[[], None]] = {
    "database": _database,
    "cache": _cache,
    "queue": _queue,
}


def health_report() -> dict[str, str]:
    """``{"database": "ok", ...}``; a failing part says ``"unavailable"``."""
    report: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.warning("Health check %s failed", name, exc_info=True)
            report[name] = "unavailable"
        else:
            report[name] = "ok"
    return report
