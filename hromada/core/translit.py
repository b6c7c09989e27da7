"""Ukrainian in Latin letters: the official transliteration, and slugs.

The table is the one of the Cabinet of Ministers resolution №55 of
27.01.2010 «Про впорядкування транслітерації українського алфавіту
латиницею»: є, ї, й, ю, я are written ye, yi, y, yu, ya at the start of a word
and ie, i, i, iu, ia inside it; «зг» is «zgh»; the soft sign and the
apostrophe are dropped.
"""

import re

_LETTERS = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
    "'": "",
    "’": "",
    "ʼ": "",
    "`": "",
}
_WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_APOSTROPHES = "'’ʼ`"
# Russian letters met in old titles, as close as the table allows.
_EXTRA = {"ё": "io", "ы": "y", "э": "e", "ъ": ""}


def transliterate(text: str) -> str:
    """``text`` in Latin letters by resolution №55; other characters stay.

    Capitals stay capital (only the first letter of a multi-letter group:
    «Щ» → «Shch»).
    """
    result: list[str] = []
    previous = ""
    for char in text:
        lower = char.lower()
        latin = _latin(lower, previous=previous)
        if latin is None:
            result.append(char)
        elif char != lower and latin:
            result.append(latin[0].upper() + latin[1:])
        else:
            result.append(latin)
        if lower not in _APOSTROPHES:
            previous = lower
    return "".join(result)


def _latin(lower: str, *, previous: str) -> str | None:
    if lower == "г" and previous == "з":
        return "gh"
    if lower in _WORD_START and not _in_word(previous):
        return _WORD_START[lower]
    return _LETTERS.get(lower, _EXTRA.get(lower))


def _in_word(previous: str) -> bool:
    return previous.isalpha()


def slugify_uk(text: str, *, max_length: int = 80) -> str:
    """A lowercase ASCII slug of ``text``: «Рішення № 12/3» → «rishennia-12-3».

    Cut at a word boundary so that the slug is at most ``max_length`` long;
    empty when ``text`` has no letters or digits.
    """
    latin = transliterate(text).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    return cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
