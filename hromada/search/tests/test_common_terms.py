"""On PostgreSQL a search asks the index for its rare words only."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hromada.search import lemmatiser, selectors, services
from hromada.search.backends import postgresql
from hromada.search.query import QueryPlan

ON_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's statistics"
)
STREET = frozenset({"кедровий"})
LAND = frozenset({"земельна", "земельний"})
PLOT = frozenset({"ділянка"})


@pytest.mark.parametrize(
    ("common", "narrowed"),
    [
        (frozenset(), None),  # every word rare: the whole query
        (LAND | PLOT | STREET, None),  # every word common: nothing narrows
        (LAND | PLOT, (STREET,)),
        (frozenset({"земельний"}), (STREET, PLOT)),  # one common form is enough
    ],
)
def test_the_index_is_asked_for_the_rare_words(common, narrowed):
    plan = QueryPlan(required=(STREET, LAND, PLOT), excluded=(frozenset({"x"}),))

    found = postgresql.narrowing_plan(plan, common=common)

    assert (found.required if found else None) == narrowed


@pytest.fixture
def statistics():
    postgresql.forget_common_terms()
    cache.delete(postgresql.COMMON_TERMS_KEY)
    yield
    cache.delete(postgresql.COMMON_TERMS_KEY)
    postgresql.forget_common_terms()


@pytest.fixture
def plots(db, statistics, monkeypatch):
    # forty documents: every word is in 1 % of them, so «common» here is
    # in at least half
    monkeypatch.setattr(postgresql, "COMMON_SHARE", 0.5)
    for number in range(40):
        street = " Кедрова" if number % 10 == 0 else ""
        services.search_document_index(
            kind="test.plot",
            object_id=f"plot-{number}",
            title=f"Про земельну ділянку {number}",
            body=f"Надати земельну ділянку на вулиці{street} Садовій, {number}.",
            is_public=True,
        )


def _search(query: str) -> tuple[list[str], list[str]]:
    with CaptureQueriesContext(connection) as queries:
        page = selectors.search_query(query=query, limit=50)
    return (
        [hit.object_id for hit in page.hits],
        [query["sql"] for query in queries.captured_queries],
    )


@ON_POSTGRESQL
def test_common_terms_come_from_the_statistics_of_the_index(plots):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchdocument")

    count = services.search_statistics_refresh()

    common = postgresql.common_terms()
    assert count == len(common)
    assert lemmatiser.word_lemmas("ділянку") & common
    assert "кедровий" not in common


@ON_POSTGRESQL
def test_a_search_narrowed_by_its_rare_word_finds_what_the_whole_query_finds(
    plots,
):
    # given: nothing read yet, so the whole query goes to the index
    whole, whole_sql = _search("Кедрова земельна ділянка")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchdocument")
    services.search_statistics_refresh()

    # when
    narrowed, narrowed_sql = _search("Кедрова земельна ділянка")

    # then
    assert sorted(whole) == sorted(narrowed)
    assert len(whole) == 4
    assert not any("ts_match_vq" in sql for sql in whole_sql)
    assert any("ts_match_vq" in sql for sql in narrowed_sql)
    assert len(narrowed_sql) == len(whole_sql)


@ON_POSTGRESQL
def test_a_search_never_reads_the_statistics_itself(plots):
    with CaptureQueriesContext(connection) as queries:
        selectors.search_query(query="земельна ділянка")

    assert not any("pg_stats" in query["sql"] for query in queries.captured_queries)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite keeps none")
def test_sqlite_has_no_statistics_to_read(db):
    assert services.search_statistics_refresh() == 0
