"""Titles and texts of the benchmark's acts and their lemma text, composed
at once (see the package's docstring)."""

import math
import random
from bisect import bisect
from itertools import accumulate
from typing import Any

from hromada.registry import texts
from hromada.registry.models import ActKind
from hromada.search import lemmatiser, terms

MIN_WORDS, MEDIAN_WORDS, MAX_WORDS, SIGMA = 300, 650, 3_000, 0.55
# Chunks remembered with their lemma text; rarer ones (land parcels) past
# this are lemmatised each time.
MEMO_SIZE = 400_000
PARCEL_PREFIX = "3222410100"


class Composer:
    """Titles and texts of acts, and their lemma text, composed at once."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._memo: dict[str, str] = {}
        self._streets = _zipf(len(texts.STREETS))
        self._enterprises = _zipf(len(texts.ENTERPRISES))

    def lemma_text(self, text: str) -> str:
        """``text``'s lemma text, as ``terms.groups_text`` of its groups."""
        memo = self._memo
        parts = []
        for chunk in text.split():
            lemmas = memo.get(chunk)
            if lemmas is None:
                lemmas = _chunk_lemmas(chunk)
                if len(memo) < MEMO_SIZE:
                    memo[chunk] = lemmas
            if lemmas:
                parts.append(lemmas)
        return terms.GROUP_SEPARATOR.join(parts)

    def words(self) -> int:
        """A text's length: log-normal, cut to 300–3,000 words."""
        drawn = self.rng.lognormvariate(math.log(MEDIAN_WORDS), SIGMA)
        return min(max(round(drawn), MIN_WORDS), MAX_WORDS)

    def detail(self) -> str:
        """A sentence of particulars: a street, an enterprise, a person…"""
        rng = self.rng
        template = rng.choice(texts.DETAILS)
        return template.format(
            street=texts.STREETS[choose(rng, self._streets)],
            house=f"{rng.randint(1, 180)}{rng.choice(('', '', '', 'а', '/2'))}",
            enterprise=texts.ENTERPRISES[choose(rng, self._enterprises)],
            person=self.person(),
            position=rng.choice(texts.POSITIONS),
            sum=f"{rng.randint(5_000, 40_000_000):,},00".replace(",", " ", 2),
            area=f"{rng.randint(100, 99_999) / 10_000:.4f}".replace(".", ","),
            parcel=self.parcel(),
            date=f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{2026}",
        )

    def person(self) -> str:
        """An invented citizen or official: a surname and initials."""
        rng = self.rng
        initials = f"{rng.choice(texts.INITIALS)}. {rng.choice(texts.INITIALS)}."
        return f"{rng.choice(texts.SURNAMES)} {initials}"

    def parcel(self) -> str:
        """A cadastral number, nearly unique."""
        rng = self.rng
        return (
            f"{PARCEL_PREFIX}:{rng.randint(1, 12):02d}:{rng.randint(1, 120):03d}:"
            f"{rng.randint(1, 9_999):04d}"
        )

    def act(self, *, kind: ActKind, year: int) -> tuple[str, str, int]:
        """(title, text, words) of one act of ``kind`` adopted in ``year``."""
        rng = self.rng
        topic = (
            texts.TOPIC_EDUCATION if kind == ActKind.ORDER else rng.choice(texts.TOPICS)
        )
        title = texts.act_title(rng, topic=topic, year=year)
        if topic.code == "land" and rng.random() < 0.5:
            title += f" (кадастровий номер {self.parcel()})"
        elif rng.random() < 0.2:
            street = texts.STREETS[choose(rng, self._streets)]
            title += f" за адресою: {street}, {rng.randint(1, 180)}"
        words = self.words()
        paragraphs = texts.act_paragraphs(
            rng, topic=topic, kind=kind, words=words, detail=self._details(words, topic)
        )
        return title, "\n\n".join(paragraphs), words

    def _details(self, words: int, topic: texts.Topic) -> Any:
        """``detail`` for the first few points, then the topic's phrases."""
        left = [3 + words // 500]

        def detail() -> str:
            if left[0] <= 0:
                return self.rng.choice(topic.phrases)
            left[0] -= 1
            return self.detail()

        return detail


def _chunk_lemmas(chunk: str) -> str:
    """The lemma text of a chunk without whitespace, as the index writes it
    (``SearchBackend.index``: a term group per token, empty ones left out)."""
    groups = (terms.term_group(lemmas) for lemmas in lemmatiser.lemmatise(chunk))
    return terms.groups_text(group for group in groups if group)


def _zipf(size: int) -> list[float]:
    """Cumulative weights of Zipf's law (s = 1.3): the tail is rare."""
    return list(accumulate(1 / (rank + 1) ** 1.3 for rank in range(size)))


def choose(rng: random.Random, cum_weights: list[float]) -> int:
    """An index drawn by ``cum_weights`` (cumulative, as ``_zipf`` gives)."""
    return min(
        bisect(cum_weights, rng.random() * cum_weights[-1]), len(cum_weights) - 1
    )
