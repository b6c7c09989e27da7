"""Training the classifier on the city's own routed history.

A model is derived data, rebuilt from the appeals at any time: training
writes no audit event (nothing a person decided changes), only a new model
row. The periodic task retrains nightly; older rows beyond ``KEEP`` go.
"""

from typing import Final

from django.db import transaction
from django.utils import timezone

from hromada.appeals import classifier
from hromada.appeals.models import ClassifierModel, ClassifierTarget
from hromada.appeals.selectors import learning as learning_selectors

HISTORY_LIMIT: Final = 200_000
KEEP: Final = 3


@transaction.atomic
def classifier_train(
    *, target: ClassifierTarget, limit: int = HISTORY_LIMIT
) -> ClassifierModel | None:
    """Train on the newest ``limit`` appeals, measure on the held-out
    fifth, store the model; ``None`` when there is no history yet."""
    learn: list[tuple[str, str]] = []
    check: list[tuple[str, str]] = []
    for pk, text, label in learning_selectors.training_history(
        target=target, limit=limit
    ):
        (check if learning_selectors.is_held_out(pk) else learn).append((text, label))
    if not learn:
        return None
    model = classifier.train(learn)
    stored = ClassifierModel.objects.create(
        target=target,
        trained_at=timezone.now(),
        samples=len(learn),
        held_out=len(check),
        accuracy=classifier.accuracy(model, check),
        data=model.as_json(),
    )
    stale = ClassifierModel.objects.filter(target=target).order_by(
        "-trained_at", "-pk"
    )[KEEP:]
    ClassifierModel.objects.filter(pk__in=[row.pk for row in stale]).delete()
    return stored
