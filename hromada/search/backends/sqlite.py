"""SQLite backend: an FTS5 table of lemma text, ranked by bm25."""

from django.db import connection

from hromada.search.backends.base import SearchBackend, SqlParams
from hromada.search.models import SearchDocument
from hromada.search.query import QueryPlan
from hromada.search.terms import TermGroup

# Created by migration 0002: fts5(title_lemmas, lemmas), its rowid the id of
# the SearchDocument; it keeps its own copy of the lemma text.
FTS_TABLE = "search_searchdocument_fts"
_DELETE_SQL = "DELETE FROM search_searchdocument_fts WHERE rowid = %s"
_INSERT_SQL = (
    "INSERT INTO search_searchdocument_fts (rowid, title_lemmas, lemmas) "
    "VALUES (%s, %s, %s)"
)
# bm25() is lower for better matches, so the score is its negation. A title
# term weighs ten times a body term, as on PostgreSQL.
_MATCH_SQL = (
    "SELECT rowid AS id, -bm25(search_searchdocument_fts, 10.0, 1.0) AS score "
    "FROM search_searchdocument_fts WHERE search_searchdocument_fts MATCH %s"
)


class SqliteBackend(SearchBackend):
    """The embedded backend: FTS5 with ``unicode61 remove_diacritics 0``."""

    vendor = "sqlite"

    def _write_terms(self, *, document: SearchDocument) -> None:
        with connection.cursor() as cursor:
            cursor.execute(_DELETE_SQL, [document.pk])
            cursor.execute(
                _INSERT_SQL, [document.pk, document.title_lemmas, document.lemmas]
            )

    def _delete_terms(self, *, document_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(_DELETE_SQL, [document_id])

    def _match_sql(self, *, plan: QueryPlan) -> tuple[str, SqlParams]:
        return _MATCH_SQL, [fts_expression(plan)]


def fts_expression(plan: QueryPlan) -> str:
    """The FTS5 MATCH text of ``plan``; alphanumeric terms quote safely."""
    required = " AND ".join(map(_any_term, plan.required))
    if not plan.excluded:
        return required
    excluded = " OR ".join(map(_any_term, plan.excluded))
    return f"({required}) NOT ({excluded})"


def _any_term(group: TermGroup) -> str:
    return "(" + " OR ".join(f'"{term}"' for term in sorted(group)) + ")"
