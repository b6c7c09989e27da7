"""PostgreSQL backend: tsvector('simple') of lemmas, ranked by ts_rank_cd."""

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
    "SELECT id, ts_rank_cd('{0.1, 0.1, 0.1, 1.0}', search_vector, q.query, 1) "
    "AS score FROM search_searchdocument, to_tsquery('simple', %s) AS q(query) "
    "WHERE search_vector @@ q.query"
)


# The filters of the search (kinds, public only) speak of the row as ``d``:
# on PostgreSQL the vector lives in the same row, so they go into the match
# itself and no match is joined before the page is cut.
_RANKED_SQL = (
    "SELECT {key} AS id, "
    "ts_rank_cd('{0.1, 0.1, 0.1, 1.0}', d.search_vector, q.query, 1) AS score "
    "FROM search_searchdocument AS d, to_tsquery('simple', %s) AS q(query) "
    "WHERE d.search_vector @@ q.query AND "
)


class PostgresqlBackend(SearchBackend):
    """The production backend; PostgreSQL has no Ukrainian configuration.

    The ``simple`` configuration only lower-cases, and the lemma text is
    already lemmatised, so the vector holds exactly the index terms.
    """

    vendor = "postgresql"

    def _write_terms(self, *, document: SearchDocument) -> None:
        """Nothing to do: the generated column follows the row."""

    def _delete_terms(self, *, document_id: int) -> None:
        """Nothing to do: the generated column goes with the row."""

    def _match_sql(self, *, plan: QueryPlan) -> tuple[str, SqlParams]:
        return _MATCH_SQL, [tsquery_expression(plan)]

    def _ranked_sql(
        self, *, plan: QueryPlan, where: str, key: str = "d.id"
    ) -> tuple[str, SqlParams]:
        return _RANKED_SQL.replace("{key}", key) + where, [tsquery_expression(plan)]


def tsquery_expression(plan: QueryPlan) -> str:
    """The to_tsquery text of ``plan``; alphanumeric terms quote safely."""
    required = " & ".join(map(_any_term, plan.required))
    if not plan.excluded:
        return required
    excluded = " | ".join(map(_any_term, plan.excluded))
    return f"({required}) & !({excluded})"


def _any_term(group: TermGroup) -> str:
    return "(" + " | ".join(f"'{term}'" for term in sorted(group)) + ")"
