"""The subset of Solr's query syntax that CKAN's clients send (STANDARDS
§3.4): ``field:value``, ``field:"quoted value"``, ``-field:value``, terms
joined by spaces or ``AND``, ``field:(a OR b)``, ``(f:a OR f:b)`` and the
ranges ``field:[from TO to]`` of incremental harvesters.

The parser knows nothing of the database: it returns clauses that the
selectors turn into filters. Anything else raises ``SearchQueryError``.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from django.utils import timezone

FIELDS: Final = frozenset(
    {
        "name",
        "id",
        "organization",
        "groups",
        "tags",
        "res_format",
        "license_id",
        "metadata_modified",
        "metadata_created",
        "type",
    }
)
RANGE_FIELDS: Final = frozenset({"metadata_modified", "metadata_created"})
SORT_FIELDS: Final = frozenset(
    {"score", "name", "title", "title_string", "metadata_modified", "metadata_created"}
    | {"id"}
)
_TOKEN = re.compile(
    r"\s*(?:"
    r'(?P<quoted>"(?:[^"\\]|\\.)*")'
    r"|(?P<range>[\[{][^\]}]*[\]}])"
    r"|(?P<paren>[()])"
    r"|(?P<word>(?:[^\s()\"\[\]{}\\]|\\.)+)"
    r")"
)
_RANGE = re.compile(r"^([\[{])\s*(\S+)\s+TO\s+(\S+)\s*([\]}])$")
_ESCAPE = re.compile(r"\\(.)")


class SearchQueryError(ValueError):
    """A query outside the subset: CKAN's "Search Query Error"."""


@dataclass(frozen=True, slots=True)
class Range:
    """Bounds of a range; ``None`` is open (``*``)."""

    start: datetime | None
    end: datetime | None
    include_start: bool = True
    include_end: bool = True


@dataclass(frozen=True, slots=True)
class Term:
    """``field`` equal to any of ``values``, or inside ``range``."""

    field: str
    values: tuple[str, ...] = ()
    range: Range | None = None


@dataclass(frozen=True, slots=True)
class AnyOf:
    """A parenthesised disjunction of clauses."""

    clauses: tuple["Clause", ...]


@dataclass(frozen=True, slots=True)
class Clause:
    """A term or a group, possibly negated."""

    node: Term | AnyOf
    negated: bool = False


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise SearchQueryError(f"cannot parse {text[position:]!r}")
        kind = match.lastgroup
        assert kind is not None  # one of the alternatives always matched
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.position = 0

    def peek(self) -> tuple[str, str] | None:
        if self.position < len(self.tokens):
            return self.tokens[self.position]
        return None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise SearchQueryError("the query ends too early")
        self.position += 1
        return token

    def clauses(self, *, closing: bool = False) -> list[Clause]:
        """Clauses joined by spaces or AND (or OR inside parentheses)."""
        result: list[Clause] = []
        while (token := self.peek()) is not None:
            if token == ("paren", ")"):
                if not closing:
                    raise SearchQueryError("unbalanced parenthesis")
                return result
            if token[0] == "word" and token[1] in ("AND", "OR"):
                # Top level: all clauses hold; in parentheses: any of them.
                if (token[1] == "OR") != closing:
                    raise SearchQueryError(f"{token[1]} is not supported here")
                self.take()
                continue
            result.append(self.clause())
        if closing:
            raise SearchQueryError("unbalanced parenthesis")
        return result

    def clause(self) -> Clause:
        kind, value = self.take()
        negated = False
        if (kind, value) == ("word", "NOT"):
            negated = True
            kind, value = self.take()
        if (kind, value) == ("paren", "("):
            inner = self.clauses(closing=True)
            self.take()
            return Clause(AnyOf(tuple(inner)), negated)
        if kind != "word" or ":" not in value:
            raise SearchQueryError(f"expected field:value, got {value!r}")
        if value[0] in "-+":
            negated = negated or value[0] == "-"
            value = value[1:]
        field, _colon, rest = value.partition(":")
        return Clause(self.term(field, rest), negated)

    def term(self, field: str, rest: str) -> Term:
        if field not in FIELDS:
            raise SearchQueryError(f"unknown field {field!r}")
        if rest:
            return _bare(field, _unescape(rest))
        kind, value = self.take()
        if kind == "quoted":
            return _bare(field, _unescape(value[1:-1]))
        if kind == "range":
            return Term(field, range=_range(field, value))
        if (kind, value) == ("paren", "("):
            return Term(field, self.values())
        raise SearchQueryError(f"no value for {field!r}")

    def values(self) -> tuple[str, ...]:
        values = []
        while (token := self.take()) != ("paren", ")"):
            kind, value = token
            if (kind, value) == ("word", "OR"):
                continue
            if kind == "quoted":
                values.append(_unescape(value[1:-1]))
            elif kind == "word":
                values.append(_unescape(value))
            else:
                raise SearchQueryError(f"unexpected {value!r} in a list of values")
        if not values:
            raise SearchQueryError("an empty list of values")
        return tuple(values)


def _bare(field: str, value: str) -> Term:
    if field in RANGE_FIELDS and value != "*":
        moment = _moment(value)
        return Term(field, range=Range(start=moment, end=moment))
    return Term(field, (value,))


def _unescape(value: str) -> str:
    return _ESCAPE.sub(r"\1", value)


def _range(field: str, text: str) -> Range:
    if field not in RANGE_FIELDS:
        raise SearchQueryError(f"{field!r} takes no range")
    match = _RANGE.match(text)
    if match is None:
        raise SearchQueryError(f"cannot parse the range {text!r}")
    opening, start, end, closing = match.groups()
    return Range(
        start=_moment(start),
        end=_moment(end),
        include_start=opening == "[",
        include_end=closing == "]",
    )


def _moment(text: str) -> datetime | None:
    if text == "*":
        return None
    if text == "NOW":
        return timezone.now()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise SearchQueryError(f"cannot read the time {text!r}") from None
    if timezone.is_naive(moment):
        raise SearchQueryError(f"the time {text!r} has no offset (add Z)")
    return moment


def fq_parse(text: str) -> list[Clause]:
    """The clauses of a filter query, all of which must hold."""
    return _Parser(text).clauses()


def is_fielded(text: str) -> bool:
    """Whether a ``q`` is written in the filter syntax (``name:budget``)
    rather than as free words."""
    return bool(re.search(r"(^|[\s(])[-+]?[A-Za-z_]+:", text))


def sort_parse(text: str) -> list[tuple[str, bool]]:
    """``field asc|desc`` pairs, comma-separated: (field, is_descending)."""
    result = []
    for part in text.split(","):
        words = part.split()
        if not words:
            continue
        if len(words) > 2 or words[0] not in SORT_FIELDS:
            raise SearchQueryError(f"cannot sort by {part.strip()!r}")
        direction = words[1].lower() if len(words) == 2 else "asc"
        if direction not in ("asc", "desc"):
            raise SearchQueryError(f"unknown direction {words[1]!r}")
        result.append((words[0], direction == "desc"))
    if not result:
        raise SearchQueryError("an empty sort")
    return result
