# Ukrainian test text: the Cyrillic letters and apostrophes are meant.
import threading

import pytest

from hromada.search import lemmatiser
from hromada.search.tests import corpus


def test_genitive_plural_finds_its_nominative():
    assert lemmatiser.word_lemmas("звернень") == frozenset({"звернення"})


def test_every_normal_form_is_kept():
    assert lemmatiser.word_lemmas("ради") == frozenset({"рад", "рада"})


@pytest.mark.parametrize(
    "spelling", ["об’єкт", "об'єкт", "обʼєкт", "об`єкт", "об′єкт", "об‘єкт", "ОБ’ЄКТ"]
)
def test_apostrophe_variants_normalise_identically(spelling):
    # when
    tokens = lemmatiser.tokenise(spelling)

    # then: one token, spelt with U+02BC, lemmatised by the dictionary
    assert [token.text for token in tokens] == ["об\u02bcєкт"]
    assert lemmatiser.token_lemmas(tokens[0]) == frozenset({"об\u02bcєкт"})


def test_inflected_word_with_apostrophe_is_lemmatised():
    assert lemmatiser.word_lemmas(lemmatiser.normalise("об'єкта")) == frozenset(
        {"обʼєкт"}
    )


def test_normalise_keeps_ge_and_drops_stress_marks():
    assert lemmatiser.normalise("Ґанок за\u0301мок") == "ґанок замок"


def test_numbers_and_codes_are_kept_whole_with_their_parts():
    # when
    tokens = lemmatiser.tokenise(
        "Рішення № 865/03–8 від 12.03.2025, ділянка 3222410100:01:001:0001."
    )

    # then
    assert [(token.text, token.parts) for token in tokens] == [
        ("рішення", ()),
        ("865/03-8", ("865", "03", "8")),
        ("від", ()),
        ("12.03.2025", ("12", "03", "2025")),
        ("ділянка", ()),
        ("3222410100:01:001:0001", ("3222410100", "01", "001", "0001")),
    ]


def test_token_spans_point_into_the_original_text():
    text = "Звернення № 865/03-8, будь-ласка"

    tokens = lemmatiser.tokenise(text)

    assert [text[token.start : token.end] for token in tokens] == [
        "Звернення",
        "865/03-8",
        "будь",
        "ласка",
    ]


def test_a_code_is_indexed_whole_and_by_parts_but_queried_whole():
    token = lemmatiser.tokenise("865/03-8")[0]

    assert lemmatiser.token_lemmas(token) == frozenset({"865/03-8", "865", "03", "8"})
    assert lemmatiser.query_token_lemmas(token) == frozenset({"865/03-8"})


def test_hyphenated_words_without_digits_are_separate_words():
    assert [token.text for token in lemmatiser.tokenise("будь-який м.Вишневе")] == [
        "будь",
        "який",
        "м",
        "вишневе",
    ]


def test_numbers_are_their_own_lemma():
    assert lemmatiser.lemmatise("2025 рік") == [
        frozenset({"2025"}),
        frozenset({"рік", "ріка", "ректи"}),
    ]


@pytest.mark.parametrize("word", ["e", "xii", "中文", "\U00017000", "рада\U00017000"])
def test_words_the_dictionary_cannot_read_are_their_own_lemma(word):
    assert lemmatiser.word_lemmas(word) == frozenset({word})


def test_punctuation_only_text_has_no_tokens():
    assert lemmatiser.tokenise("*** — «» (:) ' ") == []


def test_exact_values_are_normalised():
    assert lemmatiser.normalise_value("  АБ–123\u2019  Б ") == "аб-123\u02bc б"


def test_the_analyzer_is_created_once_across_threads(monkeypatch):
    # given: no analyzer yet
    monkeypatch.setattr(lemmatiser, "_analyzer_instance", None)
    seen = []

    # when
    threads = [
        threading.Thread(target=lambda: seen.append(lemmatiser._analyzer()))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then
    assert len(seen) == 8
    assert len({id(analyzer) for analyzer in seen}) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Об’єкт на вул. Тисовій, 5-А: ремонт ДІЛЯНКИ 3222410100:01:001:0001",
        "Проєкт №865/03-8 від 12.03.2025 — будь-який м.Вишневе 'з'їзд'",
        "ОДИСΣЕЯ Σοφία ΣΟΦΊΑΣ",  # capital sigma: lower case by context
        "Замо\u0301влення",  # a stress mark is dropped
        "Заі\u0308мка",  # decomposed: NFC composes it
        "İstanbul",  # lower case is longer
    ]
    + [f"{entry.title} {entry.body}" for entry in corpus.CORPUS],
)
def test_text_normalised_at_once_gives_the_tokens_of_each_piece(text, monkeypatch):
    at_once = lemmatiser.tokenise(text)
    monkeypatch.setattr(
        lemmatiser,
        "_cleaner",
        lambda _text: lambda piece, _at: lemmatiser._clean(piece),
    )

    assert at_once == lemmatiser.tokenise(text)
