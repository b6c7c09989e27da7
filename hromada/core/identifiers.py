"""Ukrainian identifiers: normal forms and check digits (DOMAIN.md ID-xx)."""

from typing import Final

EDRPOU_LENGTH: Final = 8
# ID-04: weights 1..7, or 7, 1..6 for codes from 30 000 000 to 59 999 999.
_EDRPOU_WEIGHTS: Final = (1, 2, 3, 4, 5, 6, 7)
_EDRPOU_WEIGHTS_MIDDLE: Final = (7, 1, 2, 3, 4, 5, 6)
_EDRPOU_MIDDLE: Final = range(3_000_000, 6_000_000)


def digits_only(value: str) -> str:
    """``value`` without spaces, hyphens and other separators (ID-10)."""
    return "".join(char for char in value if char.isascii() and char.isdigit())


def edrpou_check_digit(base: str) -> str:
    """The ID-04 check digit of the first seven digits of an ЄДРПОУ code.

    A remainder of 10 is recomputed with every weight plus 2; a second 10
    counts as 0. ``ValueError`` unless ``base`` is seven ASCII digits.
    """
    if len(base) != EDRPOU_LENGTH - 1 or digits_only(base) != base:
        raise ValueError("An ЄДРПОУ base is seven digits.")
    digits = [int(digit) for digit in base]
    weights = _EDRPOU_WEIGHTS_MIDDLE if int(base) in _EDRPOU_MIDDLE else _EDRPOU_WEIGHTS
    remainder = 0
    for shift in (0, 2):
        total = sum(d * (w + shift) for d, w in zip(digits, weights, strict=True))
        remainder = total % 11
        if remainder < 10:
            break
    return str(remainder % 10)


def edrpou_is_valid(code: str) -> bool:
    """Whether ``code`` is eight digits whose last is the ID-04 check digit."""
    if len(code) != EDRPOU_LENGTH or digits_only(code) != code:
        return False
    return code[-1] == edrpou_check_digit(code[:-1])


# ID-08: a Ukrainian IBAN is "UA", two check digits, a 6-digit bank code and
# a 19-character account: 29 characters in all (ISO 13616).
UA_IBAN_LENGTH: Final = 29


def iban_normalise(value: str) -> str:
    """``value`` in capitals without spaces, as an IBAN is stored (ID-10)."""
    return "".join(value.split()).upper()


def ua_iban_is_valid(iban: str) -> bool:
    """Whether ``iban`` (normalised) is a Ukrainian IBAN whose ISO 13616
    mod-97 check holds (ID-08)."""
    if len(iban) != UA_IBAN_LENGTH or not iban.startswith("UA"):
        return False
    if not (iban[2:].isascii() and iban[2:].isalnum() and iban[2:4].isdigit()):
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1
