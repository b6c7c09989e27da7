"""On PostgreSQL a document's vector stays in its row (migration 0003)."""

import pytest
from django.db import connection

from hromada.search import selectors, services


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's storage")
def test_the_vector_is_kept_in_the_row(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'search_searchdocument'::regclass "
            "AND attname = 'search_vector'"
        )
        assert cursor.fetchone() == ("m",)


def test_a_long_document_is_found_and_ranked(db):
    """A vector too large for PostgreSQL to compress is read from the row."""
    words = " ".join(f"слово{number}" for number in range(1500))
    services.search_document_index(
        kind="test.long",
        object_id="1",
        title="Довгий документ",
        body=f"{words} ремонт покрівлі",
        fields={},
        is_public=True,
    )
    found = selectors.search_query(query="ремонт покрівлі", kinds=["test.long"])
    assert [hit.object_id for hit in found.hits] == ["1"]
