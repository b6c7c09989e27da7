"""A text classifier that suggests an appeal's category and unit.

Multinomial naive Bayes over the Ukrainian normal forms of the words (the
search room's lemmatiser), in plain Python: a city's routed history is a
few hundred thousand short texts and tens of labels, which this handles in
seconds, and it needs no dependency beyond what the platform has. It only
suggests: an operator confirms (issue: citizens' appeals).
"""

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from hromada.search import lemmatiser

# Words seen fewer times than this in the whole history are dropped: they
# carry no evidence and would bloat the stored model.
MIN_WORD_COUNT: Final = 2
# Words shorter than this are mostly particles and prepositions.
MIN_WORD_LENGTH: Final = 3


def features(text: str) -> list[str]:
    """The text's words as normal forms (one per word: the first of its
    lemmas, so that a word's forms count as one feature)."""
    words = []
    for lemmas in lemmatiser.lemmatise(text):
        if not lemmas:
            continue
        lemma = min(lemmas)
        if len(lemma) >= MIN_WORD_LENGTH and not lemma.isdigit():
            words.append(lemma)
    return words


@dataclass
class NaiveBayes:
    """Counts per label; ``predict`` turns them into probabilities."""

    documents: dict[str, int] = field(default_factory=dict)
    words: dict[str, dict[str, int]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    vocabulary: int = 0

    def predict(self, text: str, *, best: int = 3) -> list[tuple[str, float]]:
        """The ``best`` labels for ``text`` with their probabilities."""
        if not self.documents:
            return []
        tokens = features(text)
        all_documents = sum(self.documents.values())
        scores = {}
        for label, count in self.documents.items():
            counts = self.words.get(label, {})
            denominator = self.totals.get(label, 0) + self.vocabulary + 1
            score = math.log(count / all_documents)
            for token in tokens:
                score += math.log((counts.get(token, 0) + 1) / denominator)
            scores[label] = score
        top = max(scores.values())
        weights = {label: math.exp(score - top) for label, score in scores.items()}
        norm = sum(weights.values())
        ranked = sorted(weights.items(), key=lambda item: -item[1])
        return [(label, weight / norm) for label, weight in ranked[:best]]

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready form for storing the model."""
        return {
            "documents": self.documents,
            "words": self.words,
            "totals": self.totals,
            "vocabulary": self.vocabulary,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "NaiveBayes":
        """The model stored by ``as_json``."""
        return cls(
            documents=dict(data.get("documents", {})),
            words={k: dict(v) for k, v in data.get("words", {}).items()},
            totals=dict(data.get("totals", {})),
            vocabulary=int(data.get("vocabulary", 0)),
        )


def train(samples: Iterable[tuple[str, str]]) -> NaiveBayes:
    """Count (text, label) samples into a model; rare words dropped."""
    documents: Counter[str] = Counter()
    per_label: dict[str, Counter[str]] = {}
    overall: Counter[str] = Counter()
    for text, label in samples:
        tokens = features(text)
        documents[label] += 1
        per_label.setdefault(label, Counter()).update(tokens)
        overall.update(tokens)
    kept = {word for word, count in overall.items() if count >= MIN_WORD_COUNT}
    words = {
        label: {word: n for word, n in counts.items() if word in kept}
        for label, counts in per_label.items()
    }
    return NaiveBayes(
        documents=dict(documents),
        words=words,
        totals={label: sum(counts.values()) for label, counts in words.items()},
        vocabulary=len(kept),
    )


def accuracy(model: NaiveBayes, samples: Iterable[tuple[str, str]]) -> float | None:
    """The share of samples whose best label is right; ``None`` for none."""
    right = total = 0
    for text, label in samples:
        predicted = model.predict(text, best=1)
        right += bool(predicted) and predicted[0][0] == label
        total += 1
    return right / total if total else None
