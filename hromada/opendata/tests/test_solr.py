from datetime import UTC, datetime

import pytest

from hromada.opendata import solr
from hromada.opendata.solr import AnyOf, Clause, Range, SearchQueryError, Term


def test_terms_quotes_negation_and_and():
    assert solr.fq_parse(
        'organization:finance -tags:"old data" AND res_format:CSV'
    ) == [
        Clause(Term("organization", ("finance",))),
        Clause(Term("tags", ("old data",)), negated=True),
        Clause(Term("res_format", ("CSV",))),
    ]


def test_value_lists_groups_and_ranges():
    assert solr.fq_parse(
        'name:(a OR "b c") (tags:x OR tags:y) metadata_modified:[2025-01-01T00:00:00Z TO *]'
    ) == [
        Clause(Term("name", ("a", "b c"))),
        Clause(AnyOf((Clause(Term("tags", ("x",))), Clause(Term("tags", ("y",)))))),
        Clause(
            Term(
                "metadata_modified",
                range=Range(start=datetime(2025, 1, 1, tzinfo=UTC), end=None),
            )
        ),
    ]


def test_exclusive_range_bounds():
    [clause] = solr.fq_parse(
        "metadata_created:{2025-01-01T00:00:00+02:00 TO 2025-02-01T00:00:00Z}"
    )
    assert (clause.node.range.include_start, clause.node.range.include_end) == (
        False,
        False,
    )


@pytest.mark.parametrize(
    "text",
    [
        "owner:x",
        "name",
        "name:(a",
        "tags:x OR tags:y",
        "(tags:x AND tags:y)",
        "name:[a TO b]",
        "metadata_modified:[yesterday TO *]",
        'name:"unclosed',
    ],
)
def test_outside_the_subset_is_a_search_query_error(text):
    with pytest.raises(SearchQueryError):
        solr.fq_parse(text)


def test_sort_pairs():
    assert solr.sort_parse("score desc, metadata_modified desc,name") == [
        ("score", True),
        ("metadata_modified", True),
        ("name", False),
    ]
    with pytest.raises(SearchQueryError):
        solr.sort_parse("id sideways")


def test_fielded_q_is_told_from_free_words():
    assert (solr.is_fielded("tags:бюджет"), solr.is_fielded("бюджет міста")) == (
        True,
        False,
    )
