"""Snippets: a window of the original text with the matched words marked.

Built in Python from the stored text on both backends, so a snippet reads
the same on SQLite and PostgreSQL and keeps the original spelling.
"""

import functools
import itertools
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from hromada.search import lemmatiser, terms
from hromada.search.terms import TermGroup

SNIPPET_WORDS = 24
CONTEXT_WORDS = 4
# Matches further into a long text are not looked for; the snippet then
# shows the opening words instead.
MAX_SCANNED_CHARS = 50_000
ELLIPSIS = "\u2026"
_SPACES_RE = re.compile(r"\s+")


def snippet_html(*, text: str, highlighted: TermGroup) -> SafeString:
    """About ``SNIPPET_WORDS`` words of ``text`` around the densest matches.

    Everything is HTML-escaped; the words whose terms meet ``highlighted``
    are wrapped in ``<mark>``.
    """
    scanned = text[:MAX_SCANNED_CHARS]
    tokens = lemmatiser.tokenise(scanned)
    if not tokens:
        return SafeString("")
    marked = [
        bool(_token_terms(token.text, token.parts) & highlighted) for token in tokens
    ]
    # A window near the end still shows SNIPPET_WORDS words when it can.
    first = min(_window_start(marked), max(len(tokens) - SNIPPET_WORDS, 0))
    last = min(first + SNIPPET_WORDS, len(tokens)) - 1
    start = 0 if first == 0 else tokens[first].start
    end = len(text) if last == len(tokens) - 1 and scanned == text else tokens[last].end
    pieces = [ELLIPSIS if start > 0 else ""]
    position = start
    for token, is_marked in zip(
        tokens[first : last + 1], marked[first : last + 1], strict=True
    ):
        if is_marked:
            pieces += [_plain(text[position : token.start]), "<mark>"]
            pieces += [_plain(text[token.start : token.end]), "</mark>"]
            position = token.end
    pieces += [_plain(text[position:end]), ELLIPSIS if end < len(text) else ""]
    # Safe: each piece of text went through escape(); the rest is <mark>.
    return mark_safe("".join(pieces).strip())


def _plain(text: str) -> str:
    return escape(_SPACES_RE.sub(" ", text))


def _window_start(marked: list[bool]) -> int:
    """The first token of the window holding the most marked tokens."""
    counts = [0, *itertools.accumulate(marked)]
    best_start, best_count = 0, 0
    for index, is_marked in enumerate(marked):
        if not is_marked:
            continue
        start = max(index - CONTEXT_WORDS, 0)
        count = counts[min(start + SNIPPET_WORDS, len(marked))] - counts[start]
        if count > best_count:
            best_start, best_count = start, count
    return best_start


@functools.lru_cache(maxsize=100_000)
def _token_terms(text: str, parts: tuple[str, ...]) -> TermGroup:
    token = lemmatiser.Token(text, 0, 0, parts)
    return terms.term_group(lemmatiser.token_lemmas(token))
