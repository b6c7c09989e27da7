"""What of an appeal may be shown to the public, and how (APL-18, APL-19).

Public pages, feeds, Open311 and exports show an appeal's category, status,
place and text, never who filed it. The place is rounded to three decimals
(about 100 m, STANDARDS.md §0.2.7) and the street given without a building
number; a description or answer passes through ``redact`` first, since
people write their phone numbers and e-mail addresses into the text.
"""

import re
from collections.abc import Iterable
from typing import Final

PUBLIC_DECIMALS: Final = 3
REDACTED: Final = "[…]"
# E-mail addresses; phone numbers as Ukrainians write them (+380 50 123 45
# 67, 050-123-45-67, (050)1234567); a РНОКПП is ten digits in a row.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+?38[\s.-]*)?\(?0[\s.()-]*\d{2}\)?"
    r"[\s.-]*\d{3}[\s.-]*\d{2}[\s.-]*\d{2}(?!\d)"
)
_RNOKPP = re.compile(r"(?<!\d)\d{10}(?!\d)")


def redact(text: str, *, names: Iterable[str] = (), places: Iterable[str] = ()) -> str:
    """``text`` with e-mail addresses, phone numbers, tax numbers, the
    given ``names`` and ``places`` hidden (the applicants' own: an answer
    may begin «Шановна Олено Петрівно», a description may say where its
    author lives). A name matches its case forms: its stem followed by up
    to three letters; a place, as written or by its comma-separated parts.
    """
    patterns = (_EMAIL, _PHONE, _RNOKPP, *_place_patterns(places))
    for pattern in (*patterns, *_name_patterns(names)):
        text = pattern.sub(REDACTED, text)
    return text


# A part of an address shorter than this («99», «кв. 5») says nothing alone.
PLACE_PART_MIN = 6


def _place_patterns(places: Iterable[str]) -> list[re.Pattern[str]]:
    phrases: set[str] = set()
    for place in places:
        place = " ".join(place.split())
        if len(place) >= PLACE_PART_MIN:
            phrases.add(place)
        phrases.update(
            part.strip()
            for part in place.split(",")
            if len(part.strip()) >= PLACE_PART_MIN
        )
    # Longest first, so that the whole address goes before its parts.
    return [
        re.compile(re.escape(phrase).replace(r"\ ", r"\s+"), re.IGNORECASE)
        for phrase in sorted(phrases, key=len, reverse=True)
    ]


def _name_patterns(names: Iterable[str]) -> list[re.Pattern[str]]:
    patterns = []
    for name in {name.strip() for name in names if len(name.strip()) >= 3}:
        stem = name[:-1] if len(name) > 4 else name
        patterns.append(
            re.compile(rf"(?<!\w){re.escape(stem)}\w{{0,3}}(?!\w)", re.IGNORECASE)
        )
    return patterns


def public_point(lon: float | None, lat: float | None) -> tuple[float, float] | None:
    """The point as the public sees it, rounded to about 100 m."""
    if lon is None or lat is None:
        return None
    return round(lon, PUBLIC_DECIMALS), round(lat, PUBLIC_DECIMALS)


def public_place(address_text: str, street_name: str | None) -> str:
    """The street without the building, or nothing when only free text
    was given (it may be a home address)."""
    return street_name or ""
