"""Ukrainian lemmatiser: text to tokens, tokens to every normal form.

Documents and queries go through the same steps, so a query word matches a
document word whenever their sets of normal forms intersect ("звернень" and
"звернення" share "звернення"; "ради" and "рада" share "рада").

Normalisation, in order: Unicode NFC; stress marks dropped; every apostrophe
variant (U+0027, U+2019, U+02BC, U+0060, U+2032, U+2018, U+00B4) becomes
U+02BC MODIFIER LETTER APOSTROPHE, the character Unicode recommends for the
Ukrainian apostrophe; dash variants become "-"; lower case; "ґ" stays "ґ".
U+02BC is a letter (category Lm), so Python's ``\\w``, SQLite FTS5 and
PostgreSQL's parser all keep "обʼєкт" as one word. pymorphy3's dictionary
spells the apostrophe as ASCII "'", so words are converted at that boundary
only (see ``word_lemmas``).

Numbers and codes such as "865/03-8", "12.03.2024" or the cadastral number
"3222410100:01:001:0001" are kept whole as one token, and their parts ("865",
"03", "8") are indexed beside them, so both the whole code and its parts are
searchable.
"""

import functools
import logging
import re
import threading
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

import pymorphy3

logger = logging.getLogger(__name__)

APOSTROPHE = "\u02bc"
_APOSTROPHE_VARIANTS = "'\u2019\u02bc`\u2032\u2018\u00b4"
_DASH_VARIANTS = "-\u2010\u2011\u2012\u2013\u2014"
_STRESS_MARKS = "\u0300\u0301"
# Characters that join the parts of a code: 865/03-8, 12.03.2024, 32224:01:001.
_JOINERS = "/.:" + _DASH_VARIANTS

_NORMALISATION = str.maketrans(
    {
        **dict.fromkeys(_APOSTROPHE_VARIANTS, APOSTROPHE),
        **dict.fromkeys(_DASH_VARIANTS, "-"),
        **dict.fromkeys(_STRESS_MARKS, None),
    }
)
# A letter or digit (not "_"), or a combining mark of decomposed text.
_CHAR = r"(?:[^\W_]|[\u0300-\u036f])"
_PART = rf"{_CHAR}+(?:[{re.escape(_APOSTROPHE_VARIANTS)}]{_CHAR}+)*"
_PART_RE = re.compile(_PART)
_COMPOUND_RE = re.compile(rf"{_PART}(?:[{re.escape(_JOINERS)}]{_PART})*")
_JOINER_RE = re.compile(rf"[{re.escape(_JOINERS)}]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_STRESS_RE = re.compile(f"[{_STRESS_MARKS}]")

_analyzer_lock = threading.Lock()
_analyzer_instance: pymorphy3.MorphAnalyzer | None = None


class Token(NamedTuple):
    """One word or code of a text, normalised, with its span in the text.

    ``parts`` holds the pieces of a code ("865", "03", "8" of "865/03-8") and
    is empty for a plain word. A named tuple, which is made quicker than a
    frozen dataclass: a text of 3,000 words makes 3,000 of them.
    """

    text: str
    start: int
    end: int
    parts: tuple[str, ...] = ()

    @property
    def is_code(self) -> bool:
        """Whether the token is a code made of several joined parts."""
        return bool(self.parts)


def normalise(text: str) -> str:
    """Text in canonical form: NFC, one apostrophe, one dash, lower case."""
    return unicodedata.normalize("NFC", text).translate(_NORMALISATION).lower()


def normalise_value(value: str) -> str:
    """An exact-field value in canonical form, with whitespace collapsed."""
    return " ".join(normalise(value).split())


def tokenise(text: str) -> list[Token]:
    """Every word and code of ``text``, in order, with spans in ``text``.

    Joined pieces with a digit among them form one code token; joined pieces
    without one ("будь-який", "м.Вишневе") become separate word tokens.
    """
    clean = _cleaner(text)
    tokens: list[Token] = []
    for match in _COMPOUND_RE.finditer(text):
        start, end = match.span()
        raw = match.group()
        if raw.isalnum() or not _JOINER_RE.search(raw):
            # One piece: the commonest case, a plain word or number (only
            # letters and digits need no look for a joiner).
            tokens.append(Token(clean(raw, start), start, end))
            continue
        if any(char.isdigit() for char in raw):
            parts = tuple(
                clean(piece.group(), start + piece.start())
                for piece in _PART_RE.finditer(raw)
            )
            tokens.append(Token(clean(raw, start), start, end, parts))
            continue
        for part in _PART_RE.finditer(raw):
            at = start + part.start()
            tokens.append(Token(clean(part.group(), at), at, at + len(part.group())))
    return [token for token in tokens if token.text]


def _cleaner(text: str) -> Callable[[str, int], str]:
    """How to normalise a piece of ``text`` found at a position in it.

    Normalising the whole text once is several times quicker than piece by
    piece (a page of excerpts tokenises twenty windows of text), and gives
    the same pieces when it keeps every character in its place: the text
    is already NFC, has no stress mark to drop, keeps its length in lower
    case and has no capital sigma (whose lower case depends on the letters
    around it). Otherwise each piece is normalised by itself.
    """
    if (
        unicodedata.is_normalized("NFC", text)
        and not _STRESS_RE.search(text)
        and "\u03a3" not in text
    ):
        lowered = text.translate(_NORMALISATION).lower()
        if len(lowered) == len(text):
            return lambda piece, at: lowered[at : at + len(piece)].strip(APOSTROPHE)
    return lambda piece, _at: _clean(piece)


def _clean(raw: str) -> str:
    return normalise(raw).strip(APOSTROPHE)


@functools.lru_cache(maxsize=200_000)
def word_lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 offers for one normalised ``word``.

    A word with a digit, or without a Cyrillic letter, is its own and only
    lemma. Cached: pymorphy3 is the slow part of indexing.
    """
    if any(char.isdigit() for char in word) or not _CYRILLIC_RE.search(word):
        return frozenset({word})
    try:
        parses = _analyzer().parse(word.replace(APOSTROPHE, "'"))
    except ValueError:
        # pymorphy3 fails on letters Unicode gives no name (some ideographs).
        logger.warning("pymorphy3 could not parse a word", exc_info=True)
        return frozenset({word})
    forms = {normalise(parse.normal_form) for parse in parses}
    forms.discard("")
    return frozenset(forms or {word})


def token_lemmas(token: Token) -> frozenset[str]:
    """The lemmas a document token is indexed under.

    A code is indexed whole and by the lemmas of each of its parts, so that
    "865" finds "865/03-8".
    """
    if not token.is_code:
        return word_lemmas(token.text)
    return frozenset({token.text}).union(*(word_lemmas(part) for part in token.parts))


def query_token_lemmas(token: Token) -> frozenset[str]:
    """The lemmas a query token looks for: a code only matches itself whole."""
    if token.is_code:
        return frozenset({token.text})
    return word_lemmas(token.text)


def lemmatise(text: str) -> list[frozenset[str]]:
    """One set of lemmas per token of ``text``, in document order."""
    return [token_lemmas(token) for token in tokenise(text)]


def _analyzer() -> pymorphy3.MorphAnalyzer:
    """The one MorphAnalyzer of the process, built on first use.

    Loading the dictionaries takes a noticeable fraction of a second and tens
    of megabytes, so it happens once, behind a lock, and only when needed.
    """
    global _analyzer_instance
    if _analyzer_instance is None:
        with _analyzer_lock:
            if _analyzer_instance is None:
                _analyzer_instance = pymorphy3.MorphAnalyzer(lang="uk")
    return _analyzer_instance
