"""Receivers of the routes area: a new file version restarts its route."""

from hromada.documents.events import FileVersionAdded


def on_file_version_added(event: FileVersionAdded) -> None:
    """Void the decisions on the old version and restart the route (EDMS-15).

    Called after the version's commit; a failure is logged by the channel
    and cannot reach the person who uploaded the file.
    """
    # Imported here: apps.py imports this module before models are ready.
    from hromada.documents.services import routes

    routes.route_restart_for_version(version_id=event.version_id)
