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


def redact(text: str, *, names: Iterable[str] = ()) -> str:
    """``text`` with e-mail addresses, phone numbers, tax numbers and the
    given ``names`` hidden (the applicants' own: an official's answer may
    begin «Шановна Олено Петрівно»). A name matches its case forms: its
    stem followed by up to three letters."""
    for pattern in (_EMAIL, _PHONE, _RNOKPP, *_name_patterns(names)):
        text = pattern.sub(REDACTED, text)
    return text


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
