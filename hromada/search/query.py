"""The query language: words, "quoted phrases" and -exclusions.

- Words are ANDed: a document must match every word. A word matches when one
  of its normal forms is among the document's (see ``lemmatiser``).
- "Quoted phrases" (also «…» and „…“) must appear as consecutive words of
  one segment: the title, the body or one exact field. The database finds
  documents with all the words; Python then checks the order.
- A leading "-" excludes a word, or with quotes, a phrase.
- Nothing else is syntax. Characters such as * : ( ) ^ are separators, an
  unbalanced quote is ignored, and the FTS operators AND, OR, NOT and NEAR,
  written in capitals, are dropped: words are ANDed anyway, and the others
  are not offered. No input raises.
- A query of exclusions only finds nothing, since there is nothing to rank.
"""

import re
from dataclasses import dataclass

from hromada.search import lemmatiser, terms
from hromada.search.terms import TermGroup

MAX_QUERY_LENGTH = 500
MAX_QUERY_WORDS = 16
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_QUOTES = str.maketrans(dict.fromkeys("«»„“”", '"'))
_CHUNK_RE = re.compile(r'(?P<minus>(?<!\S)-)?"(?P<phrase>[^"]*)"|(?P<chunk>[^\s"]+)')

Phrase = tuple[TermGroup, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class QueryPlan:
    """A parsed query: every group is the set of index terms of one word.

    ``required`` holds every word a document must match, the words of
    ``phrases`` included, so the database can narrow the candidates.
    """

    required: tuple[TermGroup, ...] = ()
    excluded: tuple[TermGroup, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    excluded_phrases: tuple[Phrase, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether the query has nothing to look for."""
        return not self.required

    @property
    def needs_verification(self) -> bool:
        """Whether Python must check word order after the database match."""
        return bool(self.phrases or self.excluded_phrases)

    @property
    def highlighted(self) -> TermGroup:
        """Every term worth marking in a snippet."""
        return frozenset().union(*self.required)

    def accepts(self, segments: list[list[TermGroup]]) -> bool:
        """Whether a document's segments satisfy the phrases of the plan."""

        def found(phrase: Phrase) -> bool:
            return any(terms.contains_phrase(groups, phrase) for groups in segments)

        return all(map(found, self.phrases)) and not any(
            map(found, self.excluded_phrases)
        )


@dataclass
class _Builder:
    required: list[TermGroup]
    excluded: list[TermGroup]
    phrases: list[Phrase]
    excluded_phrases: list[Phrase]
    words: int = 0

    def add(
        self, groups: list[TermGroup], *, is_phrase: bool, is_excluded: bool
    ) -> None:
        groups = groups[: max(MAX_QUERY_WORDS - self.words, 0)]
        self.words += len(groups)
        if is_phrase and len(groups) > 1:
            target = self.excluded_phrases if is_excluded else self.phrases
            target.append(tuple(groups))
            if is_excluded:
                return
        words = self.excluded if is_excluded else self.required
        words.extend(group for group in groups if group not in words)

    def plan(self) -> QueryPlan:
        return QueryPlan(
            required=tuple(self.required),
            excluded=tuple(self.excluded),
            phrases=tuple(self.phrases),
            excluded_phrases=tuple(self.excluded_phrases),
        )


def parse(query: str) -> QueryPlan:
    """The plan for ``query``; never raises, whatever the input."""
    builder = _Builder(required=[], excluded=[], phrases=[], excluded_phrases=[])
    text = query[:MAX_QUERY_LENGTH].translate(_QUOTES)
    for match in _CHUNK_RE.finditer(text):
        phrase = match.group("phrase")
        if phrase is not None:
            is_excluded = match.group("minus") is not None
            builder.add(_groups(phrase), is_phrase=True, is_excluded=is_excluded)
            continue
        chunk = match.group("chunk")
        is_excluded = chunk.startswith("-")
        builder.add(
            _groups(chunk, loose=True), is_phrase=False, is_excluded=is_excluded
        )
    return builder.plan()


def _groups(text: str, *, loose: bool = False) -> list[TermGroup]:
    tokens = lemmatiser.tokenise(text)
    if loose:
        tokens = [
            token for token in tokens if text[token.start : token.end] not in _OPERATORS
        ]
    groups = (
        terms.term_group(lemmatiser.query_token_lemmas(token)) for token in tokens
    )
    return [group for group in groups if group]
