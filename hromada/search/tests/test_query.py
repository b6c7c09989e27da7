# Ukrainian test text: the Cyrillic letters and apostrophes are meant.
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hromada.search import query, terms
from hromada.search.backends.postgresql import tsquery_expression
from hromada.search.backends.sqlite import fts_expression
from hromada.search.query import QueryPlan

OPALENNIA = frozenset({"опалення"})
SHKOLA = frozenset({"школа"})
MISKYI = frozenset({"міський"})
RADA = frozenset({"рад", "рада"})


def test_words_are_required_and_minus_excludes():
    assert query.parse("опалення -школи") == QueryPlan(
        required=(OPALENNIA,), excluded=(SHKOLA,)
    )


def test_a_quoted_phrase_requires_its_words_and_their_order():
    assert query.parse("«міської ради»") == QueryPlan(
        required=(MISKYI, RADA), phrases=((MISKYI, RADA),)
    )


def test_a_minus_before_quotes_excludes_the_phrase():
    assert query.parse('опалення -"міської ради"') == QueryPlan(
        required=(OPALENNIA,), excluded_phrases=((MISKYI, RADA),)
    )


def test_a_quoted_single_word_is_a_plain_word():
    assert query.parse('"опалення" -"школи"') == QueryPlan(
        required=(OPALENNIA,), excluded=(SHKOLA,)
    )


def test_a_code_is_looked_for_whole():
    assert query.parse("865/03-8") == QueryPlan(required=(frozenset({"865ǀ03ǁ8"}),))


@pytest.mark.parametrize(
    "text",
    [
        'опалення"',
        '"опалення',
        "опалення*",
        "(опалення)",
        "опалення AND OR NOT",
        "NEAR(опалення)",
        "^опалення:",
    ],
)
def test_syntax_characters_and_operators_are_dropped(text):
    assert query.parse(text) == QueryPlan(required=(OPALENNIA,))


@pytest.mark.parametrize(
    "text", ["", "   ", '"', '""', "-", "***", "-опалення", '-"міської ради"']
)
def test_nothing_to_look_for_is_an_empty_plan(text):
    assert query.parse(text).is_empty is True


def test_repeated_words_are_required_once():
    assert query.parse("опалення опаленням") == QueryPlan(required=(OPALENNIA,))


def test_only_the_first_sixteen_words_count():
    plan = query.parse(" ".join(str(number) for number in range(40)))

    assert plan.required == tuple(frozenset({str(number)}) for number in range(16))


def test_index_terms_spell_joiners_as_letters():
    assert [
        terms.index_term(lemma)
        for lemma in ["865/03-8", "12.03.2025", "01:001", "обʼєкт", "a_b"]
    ] == [
        "865ǀ03ǁ8",
        "12ǂ03ǂ2025",
        "01ǃ001",
        "обʼєкт",
        "ab",
    ]


def test_lemma_text_round_trips_into_segments():
    text = terms.segments_text([[RADA, MISKYI], [], [OPALENNIA]])

    assert text == "рад рада | міський || опалення"
    assert terms.text_segments(text) == [[RADA, MISKYI], [OPALENNIA]]


def test_phrases_are_checked_within_one_segment():
    plan = query.parse('"міської ради"')

    assert plan.accepts([[MISKYI, RADA]]) is True
    assert plan.accepts([[RADA, MISKYI]]) is False
    assert plan.accepts([[MISKYI], [RADA]]) is False


def test_backend_expressions_quote_every_term():
    plan = query.parse("ради опалення -школи")

    assert (
        fts_expression(plan) == '(("рад" OR "рада") AND ("опалення")) NOT (("школа"))'
    )
    assert (
        tsquery_expression(plan) == "(('рад' | 'рада') & ('опалення')) & !(('школа'))"
    )


@given(st.text(max_size=300))
def test_any_input_parses_into_alphanumeric_terms(text):
    plan = query.parse(text)

    groups = [*plan.required, *plan.excluded]
    assert all(term.isalnum() for group in groups for term in group) is True
    assert len(groups) <= query.MAX_QUERY_WORDS
