"""Reads of the classifier: its training history and its suggestions."""

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from hromada.appeals.classifier import NaiveBayes
from hromada.appeals.models import Appeal, Category, ClassifierModel, ClassifierTarget
from hromada.org.models import OrgUnit

# A fifth of the history is held out to measure the accuracy.
HOLD_OUT_EVERY: Final = 5
# Below this probability a suggestion is not worth an operator's attention.
SUGGEST_FROM: Final = 0.2


def training_history(
    *, target: ClassifierTarget, limit: int
) -> Iterator[tuple[int, str, str]]:
    """(id, text, label) of the newest routed appeals: labelled by the
    category citizens and operators chose, or by the unit that answered."""
    appeals = Appeal.objects.order_by("-registered_at", "-id")
    label = "category__code" if target == ClassifierTarget.CATEGORY else "unit_id"
    if target == ClassifierTarget.UNIT:
        appeals = appeals.filter(unit__isnull=False)
    rows = appeals.values_list("id", "title", "description", label)
    for pk, title, description, value in rows[:limit].iterator(chunk_size=2000):
        yield pk, f"{title}\n{description}", str(value)


def is_held_out(pk: int) -> bool:
    """Whether the appeal with ``pk`` is kept out of training (a stable
    split: the same appeals every run)."""
    return pk % HOLD_OUT_EVERY == 0


def classifier_current(*, target: ClassifierTarget) -> ClassifierModel | None:
    """The newest trained model for ``target``."""
    return (
        ClassifierModel.objects.filter(target=target)
        .order_by("-trained_at", "-pk")
        .first()
    )


@lru_cache(maxsize=4)
def _loaded(pk: int, trained_at: str) -> NaiveBayes:
    """A stored model, parsed once per process (rows never change; the
    moment of training keys it too, as ids come back in a new database)."""
    return NaiveBayes.from_json(ClassifierModel.objects.get(pk=pk).data)


@dataclass(frozen=True, kw_only=True, slots=True)
class Suggestion:
    """What the classifier suggests, with its confidence (0–1)."""

    category: Category | None
    category_confidence: float
    unit: OrgUnit | None
    unit_confidence: float


def classifier_suggest(*, text: str) -> Suggestion | None:
    """The likeliest category and unit for ``text``; ``None`` until a
    model is trained."""
    found: dict[ClassifierTarget, tuple[str, float]] = {}
    for target in ClassifierTarget:
        stored = classifier_current(target=target)
        if stored is None:
            continue
        best = _loaded(stored.pk, stored.trained_at.isoformat()).predict(text, best=1)
        if best and best[0][1] >= SUGGEST_FROM:
            found[target] = best[0]
    if not found:
        return None
    code, category_p = found.get(ClassifierTarget.CATEGORY, ("", 0.0))
    unit_id, unit_p = found.get(ClassifierTarget.UNIT, ("", 0.0))
    category = (
        Category.objects.filter(code=code, is_active=True).first() if code else None
    )
    unit = (
        OrgUnit.objects.filter(pk=int(unit_id), is_active=True).first()
        if unit_id.isdigit()
        else None
    )
    return Suggestion(
        category=category,
        category_confidence=category_p if category else 0.0,
        unit=unit,
        unit_confidence=unit_p if unit else 0.0,
    )
