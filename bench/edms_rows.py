"""Rows of the benchmark fixture written in bulk, without model instances.

``bulk_create`` spends most of its time building model instances and
preparing every value through the ORM; at the issue's full scale (4.5
million cards) that alone took hours. ``Rows`` takes plain values per
field, fills the model's defaults, gives each row its id (so related rows
can point at it without a round trip) and writes the rows with ``COPY`` on
PostgreSQL or ``executemany`` on SQLite. ``Writer`` writes one batch in a
thread of its own while the next batch is made, so the database and Python
work at once. A benchmark fixture only: the services are the one way the
application writes.
"""

import queue
import threading
from collections.abc import Iterable
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max

Row = dict[str, Any]


class Rows:
    """Rows of one model, kept until taken; ids are given here."""

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        fields = list(model._meta.concrete_fields)
        self._names = [f.attname for f in fields]
        self._fields = fields
        # Defaults: constants once (most are "" or NULL); calls per row.
        self._constants = {
            f.attname: f.get_default()
            for f in fields
            if not f.primary_key and not callable(f.default)
        }
        self._calls = {f.attname: f.get_default for f in fields if callable(f.default)}
        self._json = [
            i for i, f in enumerate(fields) if isinstance(f, models.JSONField)
        ]
        self._pk = model._meta.pk.attname  # type: ignore[union-attr]
        last = model.objects.aggregate(last=Max("pk"))["last"]
        self._next_id = (last or 0) + 1
        self._pending: list[Row] = []

    def add(self, values: Row) -> int:
        """Keep one row (field attnames → values); returns its id."""
        if self._pk not in values:
            values[self._pk] = self._next_id
            self._next_id += 1
        self._pending.append(values)
        return int(values[self._pk])

    def __len__(self) -> int:
        """How many rows are kept, not yet taken."""
        return len(self._pending)

    def take(self) -> list[Row]:
        """The rows kept since the last take."""
        rows, self._pending = self._pending, []
        return rows

    def write(self, rows: list[Row]) -> None:
        """Write ``rows`` on this thread's connection."""
        if not rows:
            return
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self._fields)
        table = connection.ops.quote_name(self.model._meta.db_table)
        if connection.vendor == "postgresql":
            copying = f"COPY {table} ({columns}) FROM STDIN"
            # The driver's cursor, inside Django's transaction.
            with connection.cursor() as cursor, cursor.cursor.copy(copying) as copy:
                for row in rows:
                    copy.write_row(self._values(row, json=True))
            return
        marks = ", ".join(["%s"] * len(self._fields))
        prepared = [
            [
                f.get_db_prep_save(value, connection)
                for f, value in zip(self._fields, self._values(row), strict=True)
            ]
            for row in rows
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", prepared
            )

    def _values(self, row: Row, *, json: bool = False) -> list[Any]:
        if len(row) < len(self._names):
            missing = self._constants.keys() - row.keys()
            row = {**{n: self._constants[n] for n in missing}, **row}
            for name, call in self._calls.items():
                if name not in row:
                    row[name] = call()
        values = [row.get(n) for n in self._names]
        if json and self._json:
            from psycopg.types.json import Jsonb

            for i in self._json:
                values[i] = Jsonb(values[i])
        return values


class Writer:
    """Writes batches (parents first) in one thread, a transaction each.

    At most two batches wait, so memory stays flat; a failure in the
    thread is raised again by ``close``.
    """

    def __init__(self) -> None:
        self._queue: queue.Queue[list[tuple[Rows, list[Row]]] | None] = queue.Queue(
            maxsize=2
        )
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def put(self, tables: Iterable[Rows]) -> None:
        """Hand over what each of ``tables`` keeps, in this order."""
        self._queue.put([(rows, rows.take()) for rows in tables])

    def close(self) -> None:
        """Wait for every batch; raise what the thread met, if anything."""
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        try:
            while (batch := self._queue.get()) is not None:
                if self._error is not None:
                    continue  # drain, so that ``put`` never blocks for good
                try:
                    with transaction.atomic():
                        for rows, pending in batch:
                            rows.write(pending)
                except BaseException as error:  # raised again by close()
                    self._error = error
        finally:
            connection.close()


def reset_sequences(models_: Iterable[type[models.Model]]) -> None:
    """Let the database's own ids continue after the ids given here."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
