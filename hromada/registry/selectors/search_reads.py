"""The registry search's reads of the database (``search.act_search``).

The acts meeting the criteria are joined with the search room's matches
of the words, driven by the matches (each looked up in the acts by its
id), so that a ``LIMIT`` stops reading them; see ``search``'s docstring
for the bounds and their trade-offs.
"""

from datetime import date
from typing import Any

from django.core.exceptions import FullResultSet
from django.db import connection, models, transaction
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from hromada.registry.models import LegalAct
from hromada.search.results import SearchMatch

# On PostgreSQL the matches are read through the index's bitmap, kept
# exact in memory: the planner, which does not count the cost of reading
# each row's stored vector, chose to scan the documents and test every
# vector, 3 s for a word in one act in ten among a million; an inexact
# bitmap tests the vectors of its inexact pages too. With a plan so costed
# the JIT compiler would spend more than the query, and starting parallel
# workers more than they save: a selective search among a million acts
# read its 309 matches in 26 ms with two workers, 16 ms without. For this
# one query, in its own transaction.
_READ_SETTINGS = {
    "postgresql": (
        "SELECT set_config('enable_seqscan', 'off', true), "
        "set_config('work_mem', '32MB', true), set_config('jit', 'off', true), "
        "set_config('max_parallel_workers_per_gather', '0', true)"
    ),
}
FACET_COLUMNS = ("kind", "issuer_id", "status", "adopted_on")
# One act read for the facets: its value of each facet.
FacetRow = dict[str, object]


def read_counted(
    acts: QuerySet[LegalAct], *, match: SearchMatch | None, limit: int
) -> list[FacetRow]:
    """The facet values, id, date and score of up to ``limit`` acts
    of ``acts`` (every criterion applied but the facets') that the words
    match: one query. Without words, the newest acts (an index gives them
    in order); with words, as the index of words gives them, since ordering
    all matches costs what this bound saves."""
    if match is None:
        ordered = acts.order_by("-adopted_on", "-id")
        found = ordered.values_list(*FACET_COLUMNS, "id")
        rows = [(*row, 0.0) for row in found[:limit]]
    else:
        columns = f"{_columns(*FACET_COLUMNS, 'id')}, m.score"
        sql, params = _joined(acts, match=match, columns=columns)
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor in _READ_SETTINGS:
                cursor.execute(_READ_SETTINGS[connection.vendor])
            cursor.execute(f"{sql} LIMIT %s", [*params, limit])
            rows = cursor.fetchall()
    return [
        {
            "kind": kind,
            "issuer": issuer,
            "status": status,
            "year": _year(adopted),
            "adopted": str(adopted),
            "id": pk,
            "score": score,
        }
        for kind, issuer, status, adopted, pk, score in rows
    ]


def page_ids(
    filtered: QuerySet[LegalAct],
    *,
    match: SearchMatch | None,
    ranked: bool,
    oldest_first: bool,
    offset: int,
    size: int,
    is_many: bool,
) -> list[int]:
    """Ids of ``size`` acts of ``filtered`` from ``offset`` that the words
    ``match``: by the index's score when ``ranked`` (with words), else
    newest or, ``oldest_first``, oldest first."""
    if ranked and match is not None:
        return _ranked_ids(filtered, match=match, offset=offset, size=size)
    if match is not None:
        filtered = _with_words(filtered, match, is_many=is_many)
    by = ("adopted_on", "id") if oldest_first else ("-adopted_on", "-id")
    found = filtered.order_by(*by).values_list("pk", flat=True)
    return list(found[offset : offset + size])


def count_matches(
    filtered: QuerySet[LegalAct], *, match: SearchMatch | None, limit: int
) -> int:
    """How many acts of ``filtered`` the words ``match``, counted up to
    ``limit``."""
    if match is None:
        return filtered.values("pk")[:limit].count()
    sql, params = _joined(filtered, match=match, columns=_columns("id"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM ({sql} LIMIT %s) AS c",  # noqa: S608
            [*params, limit],
        )
        return int(cursor.fetchone()[0])


def _ranked_ids(
    filtered: QuerySet[LegalAct], *, match: SearchMatch, offset: int, size: int
) -> list[int]:
    """The page's ids by the index's score, then newest first."""
    sql, params = _joined(filtered, match=match, columns=_columns("id"))
    table = connection.ops.quote_name(LegalAct._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"{sql} ORDER BY m.score DESC, {table}.adopted_on DESC, {table}.id DESC "
            "LIMIT %s OFFSET %s",
            [*params, size, offset],
        )
        return [row[0] for row in cursor.fetchall()]


def _with_words(
    acts: QuerySet[LegalAct], match: SearchMatch, *, is_many: bool
) -> QuerySet[LegalAct]:
    """``acts`` that the words match, for a walk of the acts in date order.

    On PostgreSQL each act is looked up in the index by its id (a
    correlated ``EXISTS``), so a walk that needs twenty acts of a common
    word reads about twenty entries; as ``IN`` it would first read every
    match. On SQLite, when most acts match (``is_many``), each act walked
    is looked up among the ids FTS5 gives once, unranked (6 ms for a word
    in every one of 30,000 acts, against 200 ms to rank them all first);
    with fewer matches the walk could pass most acts to find them, so the
    matches are read first.
    """
    table = connection.ops.quote_name(LegalAct._meta.db_table)
    # Only constants are formatted in; the values travel as parameters.
    if connection.vendor != "postgresql" and is_many and match.contains_sql:
        return acts.filter(
            RawSQL(  # noqa: S611
                match.contains(f"CAST({table}.id AS TEXT)"),
                match.contains_params,
                output_field=models.BooleanField(),
            )
        )
    if connection.vendor == "postgresql":
        return acts.filter(
            RawSQL(  # noqa: S611
                f"EXISTS (SELECT 1 FROM ({match.sql}) AS m "  # noqa: S608
                f"WHERE m.id = CAST({table}.id AS TEXT))",
                match.params,
                output_field=models.BooleanField(),
            )
        )
    return acts.filter(
        pk__in=RawSQL(  # noqa: S611
            f"SELECT CAST(m.id AS BIGINT) FROM ({match.sql}) AS m",  # noqa: S608
            match.params,
        )
    )


def _joined(
    acts: QuerySet[LegalAct], *, match: SearchMatch, columns: str
) -> tuple[str, list[Any]]:
    """SQL of ``columns`` (of the acts table, by its name) of the acts of
    ``acts`` that the words match, driven by the matches, each looked up
    in the acts by its id, so that a ``LIMIT`` stops reading them.

    The criteria are ``acts``' own condition, compiled for the acts table
    as it is named here; as ``id IN (acts)`` PostgreSQL first hashed every
    act that meets them, a million for a visitor (bench/registry.py).
    """
    table = connection.ops.quote_name(LegalAct._meta.db_table)
    where, params = _condition(acts)
    # Only constants and SQL Django compiled are formatted in.
    sql = (
        f"SELECT {columns} FROM ({match.sql}) AS m "  # noqa: S608
        f"JOIN {table} ON {table}.id = CAST(m.id AS BIGINT) WHERE {where}"
    )
    return sql, [*match.params, *params]


def _condition(acts: QuerySet[LegalAct]) -> tuple[str, list[Any]]:
    """``acts``' WHERE clause as SQL over the acts table alone."""
    query = acts.query
    if set(query.alias_map) - {LegalAct._meta.db_table}:
        raise ValueError("The criteria of a search must not join other tables.")
    try:
        sql, params = query.get_compiler(connection=connection).compile(query.where)
    except FullResultSet:
        return "1 = 1", []
    return sql, list(params)


def _columns(*names: str) -> str:
    table = connection.ops.quote_name(LegalAct._meta.db_table)
    return ", ".join(f"{table}.{connection.ops.quote_name(name)}" for name in names)


def _year(adopted: date | str) -> int:
    # SQLite's raw cursor gives a date as text.
    return adopted.year if isinstance(adopted, date) else int(adopted[:4])
