"""The appeal classifier's accuracy on held-out history; one JSON line each.

The issue on citizens' appeals: the classifier that suggests an appeal's
category and unit "is retrained by a periodic task; its accuracy on
held-out history is reported in ``bench/``". For each database (SQLite
always; PostgreSQL at 127.0.0.1:5432 when it answers;
``BENCH_CLASSIFIER_DATABASES`` chooses) it creates a dedicated database,
migrates it, fills it with ``bench/appeals_data.py`` at
``BENCH_CLASSIFIER_SCALE`` of 12 million appeals (default 0.002: 24,000,
with Ukrainian texts drawn from the category by ``bench/appeals_texts.py``)
and trains both targets in-process with the nightly task's service,
``learning.classifier_train``:

   C1 the category: accuracy on the held-out fifth;
   C2 the unit (routed appeals only): likewise.

Beside each accuracy stands the majority baseline on the same held-out
appeals: always answering the label commonest in the training part. A
classifier that does not beat it has learnt nothing. ``train_seconds`` is
the whole service call (reading the history, counting, measuring on the
held-out part, storing the model). The training reads the newest 200,000
appeals at most (``learning.HISTORY_LIMIT``), so scales above about 0.017
measure the same amount of history. The issue sets no target: low figures
are reported, never a failure of the run. ``BENCH_KEEP=1`` keeps the
PostgreSQL database (``BENCH_PG_DATABASE_CLASSIFIER``, default
``hromada_bench_classifier``).
"""

import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.edms import (  # noqa: E402 (the path above makes bench importable)
    PG_URL,
    _postgres_reset,
    _run,
    each_database,
    worker_env,
)

SCALE = float(os.environ.get("BENCH_CLASSIFIER_SCALE", "0.002"))
PG_NAMES = (os.environ.get("BENCH_PG_DATABASE_CLASSIFIER", "hromada_bench_classifier"),)
FIGURES = (("C1", "category"), ("C2", "unit"))

if TYPE_CHECKING:  # Django is set up inside the worker, not on import
    from hromada.appeals.models import ClassifierTarget


def majority_baseline(target: "ClassifierTarget") -> tuple[str, float | None]:
    """The commonest label of the training part, and the share of the
    held-out part it would get right: the accuracy of guessing."""
    from hromada.appeals.selectors import learning as learning_selectors
    from hromada.appeals.services import learning

    learnt: Counter[str] = Counter()
    held_out: list[str] = []
    for pk, _text, label in learning_selectors.training_history(
        target=target, limit=learning.HISTORY_LIMIT
    ):
        if learning_selectors.is_held_out(pk):
            held_out.append(label)
        else:
            learnt[label] += 1
    if not learnt or not held_out:
        return "", None
    commonest = learnt.most_common(1)[0][0]
    return commonest, held_out.count(commonest) / len(held_out)


def figure(code: str, target: "ClassifierTarget") -> dict[str, Any]:
    """Train ``target`` on the database's history and measure it."""
    from hromada.appeals.models import ClassifierTarget
    from hromada.appeals.services import learning
    from hromada.org.models import OrgUnit

    name = f"classifier accuracy on held-out history: {target.value}"
    started = time.perf_counter()
    model = learning.classifier_train(target=target)
    seconds = time.perf_counter() - started
    if model is None:
        return {"figure": code, "name": name, "skipped": "no history"}
    commonest, baseline = majority_baseline(target)
    if target == ClassifierTarget.UNIT and commonest:
        commonest = OrgUnit.objects.get(pk=int(commonest)).name
    return {
        "figure": code,
        "name": name,
        "samples": model.samples,
        "held_out": model.held_out,
        "labels": len(model.data["documents"]),
        "accuracy": model.accuracy,
        "majority_label": commonest,
        "majority_accuracy": baseline,
        "beats_majority": (model.accuracy or 0.0) > (baseline or 0.0),
        "train_seconds": round(seconds, 2),
    }


def figures() -> list[dict[str, Any]]:
    """C1 and C2 on the history already in the database."""
    from hromada.appeals.models import ClassifierTarget

    return [figure(code, ClassifierTarget(value)) for code, value in FIGURES]


def classifier_worker() -> None:
    """Generate the history, then print C0..C2 as JSON lines."""
    import django

    django.setup()
    from django.db import connection

    from bench import appeals_data

    fixture = appeals_data.generate(scale=SCALE)
    common = {"database": connection.vendor, "scale": SCALE}
    history = {
        "figure": "C0",
        "name": "synthetic history of appeals",
        "appeals": fixture.appeals,
        "seconds": round(fixture.seconds, 1),
    }
    print(json.dumps({**history, **common}), flush=True)
    for line in figures():
        for key in ("accuracy", "majority_accuracy"):
            if line.get(key) is not None:
                line[key] = round(line[key], 4)
        print(json.dumps({**line, **common}, ensure_ascii=False), flush=True)


def _measure(vendor: str, scratch: Path) -> None:
    """Migrate a fresh database of ``vendor`` and run the worker on it."""
    if vendor == "postgresql":
        _postgres_reset(create=True, names=PG_NAMES)
        url = PG_URL.format(name=PG_NAMES[0])
    else:
        url = f"sqlite:///{scratch / 'hromada.sqlite3'}"
    # No Redis: the classifier needs no cache, and another benchmark may
    # be using the bench's Redis database.
    env = worker_env(scratch=scratch, url=url, redis=False)
    _run(["-m", "django", "migrate", "-v0"], env)
    _run([__file__, "--worker"], env)


def main() -> int:
    if sys.argv[1:2] == ["--worker"]:
        classifier_worker()
        return 0
    each_database(
        variable="BENCH_CLASSIFIER_DATABASES",
        figure="C*",
        prefix="hromada-bench-classifier-",
        names=PG_NAMES,
        measure=_measure,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
