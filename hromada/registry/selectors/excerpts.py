"""Excerpts of acts found by words, cut from near the first matched word.

The search room's snippet reads every word of the text it is given (up to
50,000 characters) to find where the matched words stand thickest; for a
page of twenty acts of 300–3,000 words that took longer than the rest of
the page (bench/registry.py, R1s). Here the text is first searched by the
beginnings of the matched terms (a regular expression, in C), each place
found is checked by the lemmatiser, and the snippet is built from a window
of about seventy words around the first real match.

The trade-offs: the excerpt shows the thickest group of matches near the
first match, not the thickest in the whole text; and a form that changes
a term's first letters («ріг», «рогу») is not found, so a text matched
only by such forms (or only by its title) shows its opening words, as the
search room's snippet does for a text without matches. A term without
letters or digits at its start, or a text shorter than the window, gets
the search room's snippet of the whole text.
"""

import re

from django.utils.safestring import SafeString, mark_safe

from hromada.search import lemmatiser, terms
from hromada.search.results import SearchMatch
from hromada.search.terms import TermGroup

ELLIPSIS = "\u2026"
# The window around the first match, in characters: room for the four
# words the snippet shows before a match, its 24 words (about 200
# characters) and a few more matches. Each character is tokenised: 150 +
# 450 took 0.43 ms an act, 60 + 300 0.28, 40 + 240 (about 35 words) 0.2.
BEFORE, AFTER = 40, 240
# How much of a term must match a word's beginning: enough to skip most
# other words, short enough to survive inflection («ділянка», «ділянці»).
PREFIX_MIN, PREFIX_MAX = 3, 5
# The letters of a term up to an apostrophe, or its leading digits.
_TERM_CHARS = re.compile(r"^[^\W\d_\u02bc]+|^\d+")


def act_excerpt(*, match: SearchMatch, text: str) -> SafeString:
    """About two dozen words of ``text`` around the first words that
    ``match`` found, marked; the opening words when none is seen."""
    pattern = _prefixes(match.highlighted)
    if pattern is None or len(text) <= BEFORE + AFTER:
        return match.snippet(text)
    start = _first_match(text, pattern, match.highlighted)
    begin = (
        0 if start is None else _boundary(text, max(start - BEFORE, 0), forward=True)
    )
    end = _boundary(text, min(begin + BEFORE + AFTER, len(text)), forward=False)
    excerpt = str(match.snippet(text[begin:end]))
    if begin > 0 and not excerpt.startswith(ELLIPSIS):
        excerpt = ELLIPSIS + excerpt
    if end < len(text) and not excerpt.endswith(ELLIPSIS):
        excerpt += ELLIPSIS
    # Safe: the snippet escaped the text; only an ellipsis is added.
    return mark_safe(excerpt)


def _first_match(
    text: str, pattern: re.Pattern[str], highlighted: TermGroup
) -> int | None:
    """Where the first word whose terms meet ``highlighted`` begins; each
    distinct word that begins like a term is lemmatised once."""
    checked: dict[str, bool] = {}
    for found in pattern.finditer(text):
        chunk = text[
            found.start() : _boundary(text, found.start(), forward=False, at_space=True)
        ]
        meets = checked.get(chunk)
        if meets is None:
            tokens = lemmatiser.tokenise(chunk)
            meets = checked[chunk] = bool(
                tokens
                and terms.term_group(lemmatiser.token_lemmas(tokens[0])) & highlighted
            )
        if meets:
            return found.start()
    return None


def _prefixes(highlighted: TermGroup) -> re.Pattern[str] | None:
    """A pattern of the terms' beginnings at the start of a word."""
    prefixes = set()
    for term in highlighted:
        plain = _TERM_CHARS.match(term)
        if plain is None:
            return None
        word = plain.group()
        size = max(PREFIX_MIN, min(len(word) - 3, PREFIX_MAX))
        prefixes.add(re.escape(word[:size]))
    if not prefixes:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(sorted(prefixes))})", re.IGNORECASE)


def _boundary(text: str, at: int, *, forward: bool, at_space: bool = False) -> int:
    """The nearest whitespace from ``at`` (forward or back), so that no
    word is cut; with ``at_space``, the next whitespace after ``at``."""
    if at_space:
        found = re.search(r"\s", text[at:])
        return at + found.start() if found else len(text)
    if forward:
        found = re.search(r"\s", text[at:])
        return at + found.end() if found else at
    back = text.rfind(" ", 0, at)
    return back if back > 0 else at
