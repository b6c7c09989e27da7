"""Background entry points of the portal room: one service call each."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from hromada.portal import services


@db_periodic_task(crontab(minute="*"))
def page_scheduled_publish() -> None:
    """Every minute, publish the pages whose go-live time has come and take
    off those that expired (Wagtail's scheduled publishing)."""
    services.page_scheduled_publish()
