# Ukrainian test text: the Cyrillic letters and apostrophes are meant.
import pytest
from django.db import connection

from hromada.core.errors import ValidationError
from hromada.core.models import AuditEvent
from hromada.search import selectors, services
from hromada.search.backends.sqlite import FTS_TABLE
from hromada.search.models import SearchDocument, SearchField

pytestmark = pytest.mark.django_db


def index(**overrides):
    arguments = {
        "kind": "council_decision",
        "object_id": "865",
        "title": "Про тарифи на теплопостачання",
        "body": "Звернення громадян щодо тарифів на опалення.",
        "fields": {"registration_number": "865/03–8"},
        "is_public": True,
    }
    services.search_document_index(**{**arguments, **overrides})


def test_index_stores_text_lemmas_and_normalised_fields():
    # when
    index()

    # then
    document = SearchDocument.objects.get()
    assert (document.kind, document.object_id, document.is_public) == (
        "council_decision",
        "865",
        True,
    )
    assert document.title_lemmas == "про | тариф | на | теплопостачання"
    assert (
        document.lemmas
        == "звернення | громадянин | щодо | тариф | на | опалення || 03 8 865 865ǀ03ǁ8"
    )
    assert document.fields == {"registration_number": "865/03–8"}
    assert list(SearchField.objects.values_list("document", "name", "value")) == [
        (document.pk, "registration_number", "865/03-8"),
    ]
    assert AuditEvent.objects.exists() is False


def test_indexing_again_replaces_the_entry():
    # given
    index()

    # when
    index(
        title="Про бюджет",
        body="Видатки бюджету.",
        fields={"cadastral_number": "1:2"},
        is_public=False,
    )

    # then
    document = SearchDocument.objects.get()
    assert (document.title, document.body, document.is_public) == (
        "Про бюджет",
        "Видатки бюджету.",
        False,
    )
    assert list(SearchField.objects.values_list("name", "value")) == [
        ("cadastral_number", "1:2")
    ]
    assert selectors.search_query(query="тарифи", public_only=False).total == 0
    assert [
        hit.object_id
        for hit in selectors.search_query(query="бюджет", public_only=False).hits
    ] == ["865"]


def test_remove_takes_the_entry_out():
    # given
    index()
    index(object_id="866")

    # when
    services.search_document_remove(kind="council_decision", object_id="865")

    # then
    assert list(SearchDocument.objects.values_list("object_id", flat=True)) == ["866"]
    assert SearchField.objects.count() == 1
    assert [hit.object_id for hit in selectors.search_query(query="тарифи").hits] == [
        "866"
    ]
    assert selectors.search_lookup(
        kind="council_decision", field="registration_number", value="865/03-8"
    ) == ["866"]


def test_removing_a_missing_entry_does_nothing():
    index()

    services.search_document_remove(kind="council_decision", object_id="999")

    assert list(SearchDocument.objects.values_list("object_id", flat=True)) == ["865"]


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the FTS5 table exists on SQLite only"
)
def test_the_fts_table_follows_the_documents():
    # given
    index()
    index(object_id="866")

    # when
    services.search_document_remove(kind="council_decision", object_id="865")

    # then
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid, title_lemmas FROM {FTS_TABLE}")
        rows = cursor.fetchall()
    assert rows == [
        (SearchDocument.objects.get().pk, "про | тариф | на | теплопостачання")
    ]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the tsvector column exists on PostgreSQL only",
)
def test_the_vector_column_holds_weighted_terms():
    index(title="Про тарифи", body="Звернення № 865/03-8.", fields={})

    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM search_searchdocument")
        vector = cursor.fetchone()[0]
    assert (
        vector
        == "'03':4B '8':5B '865':6B '865ǀ03ǁ8':7B 'звернення':3B 'про':1A 'тариф':2A"
    )


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"kind": ""}, "invalid_search_key"),
        ({"object_id": ""}, "invalid_search_key"),
        ({"object_id": "x" * 65}, "invalid_search_key"),
        ({"title": "x" * 1001}, "search_title_too_long"),
        ({"fields": {"": "1"}}, "invalid_search_field"),
        ({"fields": {"number": "1" * 256}}, "search_field_too_long"),
    ],
)
def test_invalid_input_is_refused_and_nothing_is_written(overrides, code):
    with pytest.raises(ValidationError) as error:
        index(**overrides)

    assert error.value.code == code
    assert SearchDocument.objects.exists() is False
    assert SearchField.objects.exists() is False


def test_a_snippet_escapes_html_in_the_body():
    index(body="Тариф <b>змінено</b> & «погоджено»", fields={})

    page = selectors.search_query(query="тариф")

    assert (
        page.hits[0].snippet
        == "<mark>Тариф</mark> &lt;b&gt;змінено&lt;/b&gt; &amp; «погоджено»"
    )


def test_a_long_body_is_snipped_around_the_densest_matches():
    words = " ".join(f"слово{number}" for number in range(60))
    index(body=f"Опалення. {words} опалення і опалення наприкінці.", fields={})

    page = selectors.search_query(query="опалення")

    assert page.hits[0].snippet == (
        "…слово40 слово41 слово42 слово43 слово44 слово45 слово46 слово47 слово48 слово49 слово50 "
        "слово51 слово52 слово53 слово54 слово55 слово56 слово57 слово58 слово59 "
        "<mark>опалення</mark> і <mark>опалення</mark> наприкінці."
    )
