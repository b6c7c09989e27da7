"""PostgreSQL backend: tsvector('simple') of lemmas, ranked by ts_rank_cd."""

import threading
import time

from django.core.cache import cache
from django.db import connection

from hromada.search.backends.base import SearchBackend, SqlParams
from hromada.search.models import SearchDocument
from hromada.search.query import QueryPlan
from hromada.search.terms import TermGroup

# Created by migration 0002: a stored generated column over title_lemmas
# (weight A) and lemmas (weight B), with a GIN index.
VECTOR_COLUMN = "search_vector"
# Weights in the order D, C, B, A: a title term (A) weighs ten times a body
# term (B), as on SQLite. Normalisation 1 divides by 1 + log(length), since
# bm25 also favours shorter documents.
_MATCH_SQL = (
    "SELECT d.id, ts_rank_cd('{0.1, 0.1, 0.1, 1.0}', d.search_vector, q.query, 1) "
    "AS score FROM search_searchdocument AS d, to_tsquery('simple', %s) AS q(query) "
    "WHERE {condition}"
)
# The filters of the search (kinds, public only) speak of the row as ``d``:
# on PostgreSQL the vector lives in the same row, so they go into the match
# itself and no match is joined before the page is cut.
_RANKED_SQL = (
    "SELECT {key} AS id, "
    "ts_rank_cd('{0.1, 0.1, 0.1, 1.0}', d.search_vector, q.query, 1) AS score "
    "FROM search_searchdocument AS d, to_tsquery('simple', %s) AS q(query) "
    "WHERE {condition} AND "
)
_MATCHES = "d.search_vector @@ q.query"
# The index is asked for the rare words only; each document it gives is
# checked against the whole query (``ts_match_vq`` is the function of @@,
# which the planner does not take to the index).
_NARROWED = (
    "d.search_vector @@ to_tsquery('simple', %s) "
    "AND ts_match_vq(d.search_vector, q.query)"
)
# A term in at least this share of the documents is common.
COMMON_SHARE = 0.01
# The common terms are read from PostgreSQL's statistics by a periodic task
# (``hromada.search.tasks``) into the cache, so no search waits for them;
# each process keeps what it read from the cache this long.
COMMON_TERMS_KEY = "search:common-terms"
COMMON_TERMS_CACHE_SECONDS = 2 * 60 * 60
COMMON_TERMS_MEMO_SECONDS = 60.0
_STATISTICS_SQL = (
    "SELECT most_common_elems::text::text[], most_common_elem_freqs "
    "FROM pg_stats WHERE schemaname = current_schema() "
    "AND tablename = 'search_searchdocument' AND attname = %s"
)
_memo_lock = threading.Lock()
_memo: list[tuple[float, frozenset[str]]] = []


class PostgresqlBackend(SearchBackend):
    """The production backend; PostgreSQL has no Ukrainian configuration.

    The ``simple`` configuration only lower-cases, and the lemma text is
    already lemmatised, so the vector holds exactly the index terms.

    When some words of a query are common and others rare, the GIN index
    is asked for the rare ones only: reading the index entries of a word
    in most documents cost more than checking the whole query on the few
    documents the rare words give (bench/registry.py, a million acts:
    «Кедрова земельна ділянка», 454 matches, 30.5 → 18.7 ms). Which words
    are common comes from PostgreSQL's own statistics of the vector
    column (``pg_stats.most_common_elems``, kept by ANALYZE), which a
    periodic task reads into the cache (``refresh_common_terms``).
    """

    vendor = "postgresql"

    def statistics_refresh(self) -> int:
        """The common terms into the cache (``refresh_common_terms``)."""
        return len(refresh_common_terms())

    def _write_terms(self, *, document: SearchDocument) -> None:
        """Nothing to do: the generated column follows the row."""

    def _delete_terms(self, *, document_id: int) -> None:
        """Nothing to do: the generated column goes with the row."""

    def _match_sql(self, *, plan: QueryPlan) -> tuple[str, SqlParams]:
        condition, params = _condition(plan)
        sql = _MATCH_SQL.replace("{condition}", condition)
        return sql, [tsquery_expression(plan), *params]

    def _ranked_sql(
        self, *, plan: QueryPlan, where: str, key: str = "d.id"
    ) -> tuple[str, SqlParams]:
        condition, params = _condition(plan)
        sql = _RANKED_SQL.replace("{key}", key).replace("{condition}", condition)
        return sql + where, [tsquery_expression(plan), *params]


def tsquery_expression(plan: QueryPlan) -> str:
    """The to_tsquery text of ``plan``; alphanumeric terms quote safely."""
    required = " & ".join(map(_any_term, plan.required))
    if not plan.excluded:
        return required
    excluded = " | ".join(map(_any_term, plan.excluded))
    return f"({required}) & !({excluded})"


def narrowing_plan(plan: QueryPlan, *, common: frozenset[str]) -> QueryPlan | None:
    """The rare words of ``plan`` to ask the index for, or ``None`` when
    every word is rare (the whole query goes to the index) or every word
    is common (nothing narrows it). A word is rare when none of its terms
    is ``common``."""
    rare = tuple(group for group in plan.required if not group & common)
    if not rare or len(rare) == len(plan.required):
        return None
    return QueryPlan(required=rare)


def common_terms() -> frozenset[str]:
    """The common terms the last refresh found (``refresh_common_terms``),
    from the cache; none before the first. Never a database query."""
    now = time.monotonic()
    with _memo_lock:
        if _memo and now - _memo[0][0] < COMMON_TERMS_MEMO_SECONDS:
            return _memo[0][1]
    found = frozenset(cache.get(COMMON_TERMS_KEY, ()))
    with _memo_lock:
        _memo[:] = [(now, found)]
    return found


def refresh_common_terms() -> frozenset[str]:
    """Read the terms in at least ``COMMON_SHARE`` of the documents from
    the statistics of the vector column (kept by ANALYZE and autovacuum)
    into the cache; none before the first ANALYZE."""
    with connection.cursor() as cursor:
        cursor.execute(_STATISTICS_SQL, [VECTOR_COLUMN])
        row = cursor.fetchone()
    found: frozenset[str] = frozenset()
    if row is not None and row[0] is not None:
        elements, shares = row
        # The shares of the elements come first, then a minimum and a
        # maximum (PostgreSQL's documentation of pg_stats).
        found = frozenset(
            term
            for term, share in zip(elements, shares[: len(elements)], strict=True)
            if share >= COMMON_SHARE
        )
    cache.set(COMMON_TERMS_KEY, sorted(found), COMMON_TERMS_CACHE_SECONDS)
    forget_common_terms()
    return found


def forget_common_terms() -> None:
    """Make this process read the cache again at its next search."""
    with _memo_lock:
        _memo.clear()


def _condition(plan: QueryPlan) -> tuple[str, SqlParams]:
    """The test a document must pass, and its parameters after the query's."""
    narrow = narrowing_plan(plan, common=common_terms())
    if narrow is None:
        return _MATCHES, []
    return _NARROWED, [tsquery_expression(narrow)]


def _any_term(group: TermGroup) -> str:
    return "(" + " | ".join(f"'{term}'" for term in sorted(group)) + ")"
