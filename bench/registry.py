"""Registry of legal acts: search figures against a synthetic registry.

The registry's benchmark. For each database (SQLite always; PostgreSQL at
127.0.0.1:5432 when it answers) it creates a dedicated database, migrates
it, fills it with ``bench/registry_data/`` at ``BENCH_REGISTRY_SCALE``
(default 0.01; 1.0 is the issue's scale: 1,000,000 acts on PostgreSQL,
100,000 on SQLite) — texts of 300–3,000 words with their search entries —
and measures in-process with ``django.test.Client`` against the
bare-Django baselines of the same run (``bench/edms.py``'s B1, the 20-row
read p95):

   R0 the registry: acts, words, seconds to write it (and to build the
      full-text index), its size on disk, and how many acts' search
      entries were compared with what the search room's service writes;
   R1s p95 of the search page ``/acts/?q=…`` for selective words (a rare
      street or enterprise with a topic word, a cadastral number; several
      queries in turn), target ≤ 50 ms on PostgreSQL at 1,000,000 acts,
      ≤ 100 ms on SQLite at 100,000;
   R1b the same for broad words («рішення» is in every act, «бюджету» in
      one in ten), target ≤ 300 ms on PostgreSQL, ≤ 500 ms on SQLite;
   R1n the same for an exact number (``/acts/?number=…``; no target);
   R2 the home page ``/`` and R3 an amended act's page, as ratios to B1
      (no target).

Each page is read as a visitor who has not signed in reads it, rendered
each time: a query parameter never sent before (``fresh=N``) puts every
request past the 60-second page cache, which only ever answers a second
reader of the same address (the first render is what a reader waits
for). Each R1 line also gives the floor under the page — the raw
full-text query of the same search, the ranked match SQL alone with
``LIMIT 20`` (for R1n the number lookup alone) — and the ratio to it, and
the p95 of the selector ``act_search`` alone, for diagnosis. A missed
target is reported (``"met": false``), never a failure of the run;
``"issue_scale"`` says whether the registry is as large as the target
assumes.

``BENCH_FIGURE_SECONDS`` bounds each figure (default 5 s, at most 500
requests); ``BENCH_KEEP=1`` keeps the PostgreSQL databases
(``BENCH_PG_DATABASE`` + ``_registry``, default
``hromada_bench_registry``), and ``BENCH_REGISTRY_REUSE=1`` measures a
kept registry again (migrated, not rewritten: a full-scale one takes
about an hour to write); ``BENCH_REGISTRY_DATABASES`` chooses the
databases (default ``sqlite,postgresql``).
"""

import itertools
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.edms import (  # noqa: E402 (the path above makes bench importable)
    _get,
    bench_main,
    latencies_ms,
    p95,
)

SCALE = float(os.environ.get("BENCH_REGISTRY_SCALE", "0.01"))
REUSE = os.environ.get("BENCH_REGISTRY_REUSE") == "1"
_PG_NAME = os.environ.get("BENCH_PG_DATABASE", "hromada_bench") + "_registry"
PG_NAMES = (_PG_NAME, f"{_PG_NAME}_baseline")
TARGETS_MS = {
    "postgresql": {"R1s": 50, "R1b": 300},
    "sqlite": {"R1s": 100, "R1b": 500},
}
# The issue's registry: a million acts on PostgreSQL, 100,000 on SQLite.
ISSUE_ACTS = {"postgresql": 1_000_000, "sqlite": 100_000}
# Rare streets and an enterprise with words of a topic; the last streets
# of texts.STREETS are the rarest (Zipf's law), in a few hundred acts of a
# million, and a topic word leaves tens of them.
SELECTIVE = (
    "Тисова ремонт",
    "Кедрова земельна ділянка",
    "вулиця Модринова оренда",
    "Облгаз Ялинкова",
)
BROAD = ("рішення", "бюджету", "земельної ділянки")
PARCEL = re.compile(r"3222410100:[0-9:]+")


def registry_worker(baseline: dict[str, float]) -> None:
    """Write (or take) the registry, then print R0..R3 as JSON lines."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    vendor = connection.vendor
    fixture = _history(vendor)
    visitor = Client()
    counter = itertools.count()
    targets = TARGETS_MS[vendor]

    def emit(figure: str, name: str, value: float, **extra: Any) -> None:
        reference = baseline["B1"]
        target = targets.get(figure)
        line: dict[str, Any] = {
            "figure": figure,
            "name": name,
            "database": vendor,
            "value": round(value, 2),
            "unit": "ms",
            "baseline": "B1",
            "baseline_value": round(reference, 3),
            "ratio": round(value / reference, 1),
            **extra,
            "target_ms": target,
            "acts": fixture.acts,
            "scale": SCALE,
            "issue_scale": fixture.acts >= ISSUE_ACTS[vendor],
        }
        if target is not None:
            line["met"] = value <= target
        print(json.dumps(line, ensure_ascii=False), flush=True)

    selective = [*SELECTIVE, *_parcel()]
    for figure, name, queries in (
        ("R1s", "search p95, selective words", selective),
        ("R1b", "search p95, broad words", list(BROAD)),
    ):
        page = p95(latencies_ms(_pages(visitor, "q", queries, counter)))
        emit(figure, name, page, **_diagnosis(queries, page=page))
    numbers = _numbers()
    page = p95(latencies_ms(_pages(visitor, "number", numbers, counter)))
    emit("R1n", "search p95, exact number", page, **_number_diagnosis(numbers, page))
    emit(
        "R2",
        "home page p95 (rendered each time)",
        p95(latencies_ms(_pages(visitor, "", [""], counter, path="/"))),
    )
    emit(
        "R3",
        "an amended act's page p95 (rendered each time)",
        p95(latencies_ms(_pages(visitor, "", [""], counter, path=_act_path()))),
    )


def _history(vendor: str) -> Any:
    """Write the registry (or take the kept one) and print R0."""
    from bench import registry_data
    from hromada.search import services as search_services

    if REUSE and vendor == "postgresql" and registry_data.generated():
        fixture = registry_data.kept()
        checked = 0
    else:
        fixture = registry_data.generate(scale=SCALE)
        checked = registry_data.check()
    # Which index terms are common, as the search room's periodic task
    # reads it every ten minutes (PostgreSQL; nothing on SQLite).
    search_services.search_statistics_refresh()
    print(
        json.dumps(
            {
                "figure": "R0",
                "name": "synthetic registry of legal acts",
                "database": vendor,
                "scale": SCALE,
                "acts": fixture.acts,
                "mean_words": round(fixture.words / fixture.acts)
                if fixture.words
                else None,
                "reused": fixture.reused,
                "seconds": round(fixture.seconds, 1),
                "index_seconds": round(fixture.index_seconds, 1),
                "size_mb": _size_mb(vendor),
                "entries_checked": checked,
            }
        ),
        flush=True,
    )
    return fixture


def _size_mb(vendor: str) -> float:
    from django.db import connection

    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            size = cursor.fetchone()[0]
    else:
        name = Path(connection.settings_dict["NAME"])
        size = sum(p.stat().st_size for p in name.parent.glob(f"{name.name}*"))
    return round(size / 2**20, 1)


def _pages(
    client: Any,
    parameter: str,
    values: list[str],
    counter: Iterator[int],
    *,
    path: str = "/acts/",
) -> Callable[[], Any]:
    """GET the page for each of ``values`` in turn, each time with a query
    parameter never sent before: past the page cache, rendered afresh."""
    from urllib.parse import urlencode

    cycle = itertools.cycle(values)

    def call() -> Any:
        query = {parameter: next(cycle)} if parameter else {}
        query["fresh"] = str(next(counter))
        return _get(client, f"{path}?{urlencode(query)}")()

    return call


def _diagnosis(queries: list[str], *, page: float) -> dict[str, Any]:
    """The floor (ranked match SQL alone, LIMIT 20), the selector alone,
    and how many acts each query finds."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from hromada.registry.selectors.search import SEARCH_KIND, ActCriteria, act_search
    from hromada.search import selectors as search_selectors

    matches = [
        search_selectors.search_match(query=query, kind=SEARCH_KIND, public_only=True)
        for query in queries
    ]
    cycle = itertools.cycle(matches)

    def floor() -> None:
        match = next(cycle)
        assert match is not None
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT m.id, m.score FROM ({match.sql}) AS m "
                "ORDER BY m.score DESC LIMIT 20",
                match.params,
            )
            cursor.fetchall()

    visitor = AnonymousUser()
    criteria = itertools.cycle([ActCriteria(words=query) for query in queries])
    found = {
        query: act_search(user=visitor, criteria=ActCriteria(words=query)).total
        for query in queries
    }
    floor_ms = p95(latencies_ms(floor))
    selector_ms = p95(
        latencies_ms(lambda: act_search(user=visitor, criteria=next(criteria)))
    )
    return {
        "floor_ms": round(floor_ms, 2),
        "ratio_to_floor": round(page / floor_ms, 1),
        "selector_ms": round(selector_ms, 2),
        "queries": found,
    }


def _number_diagnosis(numbers: list[str], page: float) -> dict[str, Any]:
    """As ``_diagnosis`` for numbers: the floor is the number lookup."""
    from django.contrib.auth.models import AnonymousUser

    from hromada.registry.models import LegalAct
    from hromada.registry.selectors.search import ActCriteria, act_search
    from hromada.search import lemmatiser

    cycle = itertools.cycle(numbers)

    def floor() -> None:
        key = lemmatiser.normalise_value(next(cycle))
        acts = LegalAct.objects.filter(number_key=key, access="public")
        list(acts.order_by("-adopted_on", "-id").values_list("pk", flat=True)[:20])

    visitor = AnonymousUser()
    criteria = itertools.cycle([ActCriteria(number=number) for number in numbers])
    floor_ms = p95(latencies_ms(floor))
    return {
        "floor_ms": round(floor_ms, 2),
        "ratio_to_floor": round(page / floor_ms, 1),
        "selector_ms": round(
            p95(
                latencies_ms(lambda: act_search(user=visitor, criteria=next(criteria)))
            ),
            2,
        ),
        "queries": {
            number: act_search(user=visitor, criteria=ActCriteria(number=number)).total
            for number in numbers
        },
    }


def _parcel() -> list[str]:
    """The cadastral number in the title of the newest land act naming one."""
    from hromada.registry.models import LegalAct

    titles = LegalAct.objects.filter(
        access="public", title__contains="кадастровий номер"
    ).order_by("-pk")
    for title in titles.values_list("title", flat=True)[:1]:
        found = PARCEL.search(title)
        if found:
            return [found.group()]
    return []


def _numbers() -> list[str]:
    """Numbers of five public acts spread over the registry (a number
    recurs each year, so each finds several acts)."""
    from django.db.models import Max

    from hromada.registry.models import LegalAct

    last = LegalAct.objects.aggregate(last=Max("pk"))["last"] or 0
    numbers = []
    for share in (0.1, 0.3, 0.5, 0.7, 0.95):
        act = (
            LegalAct.objects.filter(pk__gte=int(last * share), access="public")
            .order_by("pk")
            .values_list("number", flat=True)
            .first()
        )
        if act:
            numbers.append(act)
    return numbers


def _act_path() -> str:
    """The newest amended public act, with editions and relations."""
    from hromada.registry.models import ActStatus, LegalAct

    acts = LegalAct.objects.filter(access="public")
    act = (
        acts.filter(status=ActStatus.AMENDED).order_by("-adopted_on").first()
        or acts.order_by("-adopted_on").first()
    )
    assert act is not None
    return act.get_absolute_url()


def main() -> int:
    return bench_main(
        script=__file__,
        name="registry",
        figure="R*",
        worker=registry_worker,
        names=PG_NAMES,
        reuse=REUSE,
    )


if __name__ == "__main__":
    sys.exit(main())
