"""Index terms: lemmas spelt so that FTS5 and PostgreSQL see one token each.

SQLite's unicode61 tokenizer and PostgreSQL's text parser split words at
different characters ("/", "-", ".", ":" above all), so a code such as
"865/03-8" would become different tokens in each. Every joiner is therefore
replaced by a letter that both treat as part of a word (U+01C0 to U+01C3,
the Latin click letters, category Lo), and anything else that is not a
letter or digit is dropped.

The lemma text of a document lists one group of terms per word: terms of a
group are separated by " ", groups by " | " and segments (the body, then each
exact field) by " || ". Both engines ignore "|", so the index sees only the
terms, while Python reads the groups back to check phrases word by word.
"""

from collections.abc import Iterable, Sequence

TermGroup = frozenset[str]

GROUP_SEPARATOR = " | "
SEGMENT_SEPARATOR = " || "
_ENCODING = str.maketrans({"/": "\u01c0", "-": "\u01c1", ".": "\u01c2", ":": "\u01c3"})


def index_term(lemma: str) -> str:
    """``lemma`` as an index term: joiners become letters, the rest goes."""
    return "".join(char for char in lemma.translate(_ENCODING) if char.isalnum())


def term_group(lemmas: Iterable[str]) -> TermGroup:
    """The index terms of one word's lemmas, without empty terms."""
    return frozenset(term for term in map(index_term, lemmas) if term)


def groups_text(groups: Iterable[TermGroup]) -> str:
    """One segment's groups as lemma text; terms sorted for stable output."""
    return GROUP_SEPARATOR.join(" ".join(sorted(group)) for group in groups if group)


def segments_text(segments: Iterable[Sequence[TermGroup]]) -> str:
    """Several segments as lemma text; a phrase never spans two segments."""
    texts = (groups_text(groups) for groups in segments)
    return SEGMENT_SEPARATOR.join(text for text in texts if text)


def text_segments(text: str) -> list[list[TermGroup]]:
    """Lemma text read back into segments of groups."""
    return [
        [frozenset(group.split()) for group in segment.split(GROUP_SEPARATOR)]
        for segment in text.split(SEGMENT_SEPARATOR)
        if segment.strip()
    ]


def contains_phrase(groups: Sequence[TermGroup], phrase: Sequence[TermGroup]) -> bool:
    """Whether consecutive groups match each word of ``phrase`` in turn."""
    size = len(phrase)
    return any(
        all(groups[start + offset] & word for offset, word in enumerate(phrase))
        for start in range(len(groups) - size + 1)
    )
