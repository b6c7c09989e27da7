"""Reading Open311 parameters: every doubt is a 400, never a guess.

"Optional means empty = absent" (STANDARDS §1.2): ``?status=`` is no
``status``. Datetimes follow the W3C profile of ISO 8601 and must carry a
zone (§1.13 trap 8); a ``+`` that arrived as a space, because the client
did not encode the query, is read back as the ``+`` it was.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from django.http import QueryDict
from django.utils.translation import gettext as _

from hromada.api.open311.errors import Open311Error

WINDOW_MAX: Final = timedelta(days=90)
PAGE_SIZE_MAX: Final = 1000
ID_PATTERN: Final = r"[A-Za-z0-9_-]{1,64}"
_W3C: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})"
)
_UNENCODED_PLUS: Final = re.compile(
    r"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:\d{2})$"
)
_ATTRIBUTE: Final = re.compile(r"attribute\[([^\[\]]*)\](\[\])?")


@dataclass(frozen=True, kw_only=True, slots=True)
class Window:
    """A span of time, ``start`` included, ``end`` excluded."""

    start: datetime
    end: datetime


@dataclass(frozen=True, kw_only=True, slots=True)
class Page:
    """The ``page``/``page_size`` extension (STANDARDS §1.11), 1-based."""

    number: int
    size: int

    @property
    def offset(self) -> int:
        """Rows skipped before this page."""
        return (self.number - 1) * self.size


def bad_request(description: str) -> Open311Error:
    """A 400 with one error."""
    return Open311Error.one(400, description)


def text(query: QueryDict, name: str) -> str:
    """The parameter, stripped; "" when absent or empty."""
    return (query.get(name) or "").strip()


def comma_list(query: QueryDict, name: str) -> list[str]:
    """A comma list (``a,b``): empty items dropped, each value once, in
    the order given."""
    items = [item.strip() for item in text(query, name).split(",")]
    return list(dict.fromkeys(item for item in items if item))


def boolean(query: QueryDict, name: str, *, default: bool = False) -> bool:
    """``true`` or ``false`` (any case); absent or empty is ``default``."""
    value = text(query, name).lower()
    if not value:
        return default
    if value not in ("true", "false"):
        raise bad_request(
            _("%(name)s must be true or false.") % {"name": name},
        )
    return value == "true"


def w3c_datetime(query: QueryDict, name: str) -> datetime | None:
    """A W3C datetime with its zone; ``None`` when absent."""
    value = _UNENCODED_PLUS.sub(r"\1+\2", text(query, name))
    if not value:
        return None
    if not _W3C.fullmatch(value):
        raise bad_request(
            _(
                "%(name)s must be a W3C datetime with a time zone, "
                "such as 2025-05-06T09:30:00+03:00."
            )
            % {"name": name}
        )
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise bad_request(
            _("%(name)s is not a date that exists.") % {"name": name}
        ) from None


def window(query: QueryDict, *, now: datetime, both_or_neither: bool) -> Window:
    """The ``start_date``/``end_date`` span, at most 90 days (STANDARDS §1.7).

    Neither gives the last 90 days; one alone spans 90 days from it (or up
    to it); ``both_or_neither`` refuses one alone (``servicerequestupdates``,
    §1.10). A longer span is refused, never cut silently.
    """
    start = w3c_datetime(query, "start_date")
    end = w3c_datetime(query, "end_date")
    if both_or_neither and (start is None) != (end is None):
        raise bad_request(_("Give both start_date and end_date, or neither."))
    if start is None:
        end = end or now
        return Window(start=end - WINDOW_MAX, end=end)
    if end is None:
        return Window(start=start, end=start + WINDOW_MAX)
    if end < start:
        raise bad_request(_("end_date must not be before start_date."))
    if end - start > WINDOW_MAX:
        raise bad_request(
            _("The span from start_date to end_date may be 90 days at most.")
        )
    return Window(start=start, end=end)


def page(query: QueryDict) -> Page:
    """``page`` (from 1) and ``page_size`` (up to 1,000, the default)."""
    return Page(
        number=_positive(query, "page", default=1, maximum=None),
        size=_positive(
            query, "page_size", default=PAGE_SIZE_MAX, maximum=PAGE_SIZE_MAX
        ),
    )


def _positive(query: QueryDict, name: str, *, default: int, maximum: int | None) -> int:
    value = text(query, name)
    if not value:
        return default
    if not value.isdecimal() or int(value) < 1:
        raise bad_request(_("%(name)s must be a whole number from 1.") % {"name": name})
    if maximum is not None and int(value) > maximum:
        raise bad_request(
            _("%(name)s may be %(maximum)d at most.")
            % {"name": name, "maximum": maximum}
        )
    return int(value)


@dataclass(frozen=True, kw_only=True, slots=True)
class AttributeValues:
    """What a client sent for one attribute code."""

    values: list[str]
    as_list: bool


def attributes(
    fields: Iterable[tuple[str, list[str]]],
) -> Mapping[str, AttributeValues]:
    """``attribute[CODE]=v`` and ``attribute[CODE][]=v1&…=v2``, by code.

    Django's ``QueryDict`` reads neither form (STANDARDS §1.5), so the
    field names are parsed here. Both forms of one code are merged.
    """
    found: dict[str, AttributeValues] = {}
    for name, values in fields:
        match = _ATTRIBUTE.fullmatch(name)
        if match is None:
            continue
        code, as_list = match.group(1).strip(), bool(match.group(2))
        if not re.fullmatch(ID_PATTERN, code):
            raise bad_request(
                _("%(name)s does not name an attribute code.") % {"name": name}
            )
        earlier = found.get(code)
        merged = [*(earlier.values if earlier else []), *values]
        found[code] = AttributeValues(
            values=merged, as_list=as_list or bool(earlier and earlier.as_list)
        )
    return found
