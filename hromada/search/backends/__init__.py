"""Index backends; ``get_backend`` picks the one for the database in use."""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from hromada.search.backends.base import SearchBackend
from hromada.search.backends.postgresql import PostgresqlBackend
from hromada.search.backends.sqlite import SqliteBackend

__all__ = ["PostgresqlBackend", "SearchBackend", "SqliteBackend", "get_backend"]

_BACKENDS: dict[str, type[SearchBackend]] = {
    backend.vendor: backend for backend in (SqliteBackend, PostgresqlBackend)
}


def get_backend() -> SearchBackend:
    """The backend for ``connection.vendor``: FTS5 or PostgreSQL."""
    try:
        backend = _BACKENDS[connection.vendor]
    except KeyError:
        raise ImproperlyConfigured(
            f"The search room has no backend for {connection.vendor!r}."
        ) from None
    return backend()
