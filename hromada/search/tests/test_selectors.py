# Ukrainian test text: the Cyrillic letters and apostrophes are meant.
"""Search over the fixture corpus.

The same expectations run on SQLite (FTS5, bm25) and on PostgreSQL
(tsvector, ts_rank_cd): ``make test`` runs this suite on both databases, so
the parametrised tables below are the proof that both backends return the
same result set for each query. The sets are compared sorted; order is
checked only where both rankers must agree, in the ranking tests.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hromada.core.errors import ValidationError
from hromada.search import selectors
from hromada.search.backends import base
from hromada.search.tests.corpus import CORPUS

pytestmark = pytest.mark.django_db

RADY = [
    "865",
    "870",
    "871",
    "880",
    "appeals-2024",
    "heating-season",
    "session-announcement",
]
MISKOI_RADY = [
    "865",
    "870",
    "871",
    "appeals-2024",
    "heating-season",
    "session-announcement",
]


def found(query, **options):
    page = selectors.search_query(query=query, public_only=False, limit=100, **options)
    return sorted(hit.object_id for hit in page.hits)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("звернень", ["101", "appeals-2024", "heating-season", "land-plot-extract"]),
        ("звернення", ["101", "appeals-2024", "heating-season", "land-plot-extract"]),
        ("ради", RADY),
        ("рада", RADY),
        ("опалення", ["101", "102", "appeals-2024", "heating-season"]),
        ("опалення -школи", ["101", "appeals-2024"]),
        ("холодні батареї", ["101"]),
        ("вулиця", ["101", "103", "871"]),
        ("бюджет", ["870", "session-announcement"]),
        ("ЦНАП", ["104", "land-plot-extract", "passport-id", "residence-registration"]),
        ("цнапі паспорт", ["104", "passport-id"]),
        ("паспорт", ["104", "passport-id"]),
        ('"оформлення паспорта"', ["104", "passport-id"]),
        ('"міської ради"', MISKOI_RADY),
        ('"ради міської"', []),
        ("сесія ради", ["session-announcement"]),
        ('"сесія ради"', []),
        (
            'послуги -"вивезення побутових відходів"',
            ["passport-id", "residence-registration"],
        ),
        ("послуги", ["881", "passport-id", "residence-registration"]),
        ("865/03-8", ["865"]),
        ("865", ["865"]),
        ("870/03–8", ["870"]),
        ("3222410100:01:001:0001", ["land-plot-extract"]),
        ("обʼєкт", ["880"]),
        ("об'єкта", ["880"]),
        ("Об’єкт", ["880"]),
        ("здоров’я", ["870"]),
        ("пам'ять", ["880"]),
        ("теплопостачання", ["101", "865"]),
        ("-опалення", []),
        ("бюрократія", []),
    ],
)
def test_both_backends_find_the_same_documents(corpus, query, expected):
    assert found(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"', []),
        ('""', []),
        ('"ради', RADY),
        ('ради"', RADY),
        ("ради*", RADY),
        ("(ради)", RADY),
        ("^ради:", RADY),
        ("ради AND OR NOT NEAR", RADY),
        ("NEAR(ради бюджету)", ["870", "session-announcement"]),
        ("title:ради", []),
        ("-", []),
        ("--ради", []),
        ("ради'; DROP TABLE search_searchdocument; --", []),
        ("\x00ради", RADY),
        ("ради " * 200, RADY),
        ("я" * 10_000, []),
    ],
)
def test_special_characters_never_raise(corpus, query, expected):
    assert found(query) == expected


QUERY_ALPHABET = [
    *"\"*:()-^+~!&|%_\\'’ʼ«»{}[];,./\x00 ",
    *("AND", "OR", "NOT", "NEAR", "ради", "опалення", "865/03-8", "ЦНАП"),
]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.lists(st.sampled_from(QUERY_ALPHABET), max_size=30).map("".join))
def test_any_query_searches_without_error(corpus, text):
    page = selectors.search_query(query=text, public_only=False, limit=100)

    assert {hit.object_id for hit in page.hits} <= {entry.object_id for entry in CORPUS}
    assert page.total == len(page.hits)


def test_public_only_hides_documents_that_are_not_public(corpus):
    page = selectors.search_query(query="ради", limit=100)

    assert sorted(hit.object_id for hit in page.hits) == [
        "865",
        "870",
        "880",
        "appeals-2024",
        "heating-season",
        "session-announcement",
    ]
    assert page.total == 6


def test_kinds_narrow_the_search(corpus):
    assert found("ради", kinds=["news", "report"]) == [
        "appeals-2024",
        "heating-season",
        "session-announcement",
    ]
    assert found("ради", kinds=[]) == []


@pytest.mark.parametrize(
    ("query", "expected_order"),
    [
        ("теплопостачання", ["865", "101"]),
        ("ЦНАП", ["104"]),
        ("опалення", ["101"]),
        ("паспорт", ["passport-id", "104"]),
        ("бюджет", ["870", "session-announcement"]),
    ],
)
def test_documents_with_the_word_in_the_title_rank_first(corpus, query, expected_order):
    page = selectors.search_query(query=query, public_only=False)

    assert [hit.object_id for hit in page.hits][: len(expected_order)] == expected_order
    assert all(hit.score > 0 for hit in page.hits) is True


def test_an_inflected_query_finds_the_dictionary_form(corpus):
    # given: "Рада" is the only form of the word in decision 880
    page = selectors.search_query(query="ради", kinds=["council_decision"])

    # when
    hit = {hit.object_id: hit for hit in page.hits}["880"]

    # then
    assert hit.snippet == (
        "…нерухомого майна комунальної власності — нежитлове приміщення площею "
        "48,5 м² за адресою вул. Січових Стрільців, 7. Орендар — громадська "
        "організація «Пам’ять». <mark>Рада</mark> погодила умови оренди."
    )


def test_snippet_marks_every_form_of_the_word(corpus):
    page = selectors.search_query(query="звернень", kinds=["report"])

    assert [(hit.kind, hit.object_id, hit.title) for hit in page.hits] == [
        (
            "report",
            "appeals-2024",
            "Звіт про роботу зі зверненнями громадян за 2024 рік",
        ),
    ]
    assert page.hits[0].snippet == (
        "Протягом 2024 року до міської ради надійшло 4512 <mark>звернень</mark> громадян. Найбільше "
        "<mark>звернень</mark> стосувалося житлово-комунального господарства, зокрема "
        "опалення та вивезення сміття."
    )


def test_snippet_escapes_the_text_around_the_marks(corpus):
    page = selectors.search_query(query="здоровʼя", public_only=False)

    assert page.hits[0].snippet == (
        "Рішення міської ради № 870/03-8. Затвердити доходи бюджету громади та видатки на "
        "освіту, охорону <mark>здоров&#x27;я</mark> і благоустрій."
    )


def test_snippet_marks_a_code_whole(corpus):
    page = selectors.search_query(query="3222410100:01:001:0001")

    assert page.hits[0].snippet == (
        "Витяг видається за кадастровим номером земельної ділянки, наприклад "
        "<mark>3222410100:01:001:0001</mark>. Звернення приймаються у ЦНАП щодня, крім неділі."
    )


def test_pages_split_the_ranked_list(corpus):
    # given
    everything = selectors.search_query(query="ради", public_only=False, limit=100)

    # when
    pages = [
        selectors.search_query(query="ради", public_only=False, limit=4, offset=offset)
        for offset in (0, 4, 8)
    ]

    # then
    assert [[hit.object_id for hit in page.hits] for page in pages] == [
        [hit.object_id for hit in everything.hits[:4]],
        [hit.object_id for hit in everything.hits[4:]],
        [],
    ]
    assert [(page.total, page.has_next) for page in pages] == [
        (7, True),
        (7, False),
        (7, False),
    ]


def test_phrase_results_are_paged_too(corpus):
    first = selectors.search_query(query='"міської ради"', public_only=False, limit=4)
    second = selectors.search_query(
        query='"міської ради"', public_only=False, limit=4, offset=4
    )

    assert (first.total, len(first.hits), second.total, len(second.hits)) == (
        6,
        4,
        6,
        2,
    )
    assert sorted(hit.object_id for hit in first.hits + second.hits) == MISKOI_RADY


def test_a_plain_query_is_a_page_and_a_count(corpus, django_assert_num_queries):
    with django_assert_num_queries(2):
        page = selectors.search_query(query="ради", public_only=False, limit=5)

    assert (len(page.hits), page.total) == (5, 7)


def test_a_phrase_query_is_two_sql_queries(corpus, django_assert_num_queries):
    with django_assert_num_queries(2):
        page = selectors.search_query(
            query='"міської ради"', public_only=False, limit=5
        )

    assert (len(page.hits), page.total) == (5, 6)


def test_a_page_past_the_end_still_counts(corpus, django_assert_num_queries):
    with django_assert_num_queries(2):
        page = selectors.search_query(query="ради", public_only=False, offset=50)

    assert (page.hits, page.total) == ((), 7)


def test_matches_are_counted_up_to_a_cap_and_paging_goes_on(corpus, monkeypatch):
    # given: a cap below the number of matches (7)
    monkeypatch.setattr(base, "COUNTED_MATCHES", 4)

    # when
    first = selectors.search_query(query="ради", public_only=False, limit=3)
    second = selectors.search_query(query="ради", public_only=False, limit=3, offset=3)

    # then: the count stops at the cap; the pages are cut from every match
    assert (first.total, first.has_next, len(second.hits)) == (4, True, 3)
    assert {h.object_id for h in first.hits}.isdisjoint(
        h.object_id for h in second.hits
    )


def test_an_empty_query_is_an_empty_page_without_queries(
    corpus, django_assert_num_queries
):
    with django_assert_num_queries(0):
        page = selectors.search_query(query="  ")

    assert (page.hits, page.total, page.limit, page.offset) == ((), 0, 20, 0)


@pytest.mark.parametrize(
    ("limit", "offset", "code"),
    [
        (0, 0, "invalid_search_limit"),
        (101, 0, "invalid_search_limit"),
        (20, -1, "invalid_search_offset"),
        (20, 10_001, "invalid_search_offset"),
    ],
)
def test_limit_and_offset_are_validated(limit, offset, code):
    with pytest.raises(ValidationError) as error:
        selectors.search_query(query="ради", limit=limit, offset=offset)

    assert error.value.code == code


def test_lookup_finds_a_registration_number(corpus):
    assert selectors.search_lookup(
        kind="council_decision", field="registration_number", value="865/03-8"
    ) == ["865"]


@pytest.mark.parametrize("value", ["865/03–8", " 865/03-8 ", "865/03‑8"])
def test_lookup_ignores_dash_variants_and_spaces(corpus, value):
    assert selectors.search_lookup(
        kind="council_decision", field="registration_number", value=value
    ) == ["865"]


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("council_decision", "registration_number", "865/03-80"),
        ("council_decision", "registration_number", "865"),
        ("appeal", "registration_number", "865/03-8"),
        ("council_decision", "cadastral_number", "865/03-8"),
        ("council_decision", "registration_number", ""),
    ],
)
def test_lookup_matches_exactly(corpus, kind, field, value):
    assert selectors.search_lookup(kind=kind, field=field, value=value) == []


def test_lookup_finds_a_cadastral_number(corpus):
    assert selectors.search_lookup(
        kind="cnap_service", field="cadastral_number", value="3222410100:01:001:0001"
    ) == ["land-plot-extract"]


def test_lookup_hides_documents_that_are_not_public(corpus):
    hidden = selectors.search_lookup(
        kind="council_decision", field="registration_number", value="871/03-8"
    )
    shown = selectors.search_lookup(
        kind="council_decision",
        field="registration_number",
        value="871/03-8",
        public_only=False,
    )

    assert (hidden, shown) == ([], ["871"])


def test_best_ids_are_the_search_pages_objects_in_one_query(
    corpus, django_assert_num_queries
):
    # given
    page = selectors.search_query(query="ради", public_only=False, limit=5)

    # when
    with django_assert_num_queries(1):
        ids = selectors.search_best_ids(query="ради", public_only=False, limit=5)

    # then
    assert ids == [hit.object_id for hit in page.hits]


def test_best_ids_check_phrases_and_filters_like_the_search(corpus):
    # given
    phrase = selectors.search_query(query='"міської ради"', public_only=False)
    public = selectors.search_query(query="ради", limit=100)

    # when / then
    assert selectors.search_best_ids(query='"міської ради"', public_only=False) == [
        hit.object_id for hit in phrase.hits
    ]
    assert selectors.search_best_ids(query="ради", limit=100) == [
        hit.object_id for hit in public.hits
    ]
    assert selectors.search_best_ids(query="  ") == []


def test_best_ids_refuse_a_limit_out_of_range(corpus):
    with pytest.raises(ValidationError):
        selectors.search_best_ids(query="ради", limit=0)
