"""Appeals figures against a ten-year synthetic history; one JSON line each.

Issue 4's benchmark. For each database (SQLite always; PostgreSQL at
127.0.0.1:5432 when it answers) it creates a dedicated database, migrates
it, fills it with ``bench/appeals_data.py`` at ``BENCH_APPEALS_SCALE`` of
12 million appeals (default 0.001: 12,000), and measures in-process with
``django.test.Client`` against the bare-Django baselines of the same run
(``bench/edms.py``'s B1 20-row read p95, B2 single-row insert per second):

   A1f POSTs refused (405) before any view work per second, ratio to B2:
      what the platform's middleware and router cost a request, the floor
      under A1 and A2 (no target; reported);
   A1w the writes alone of an acceptance per second — the accepted row
      and its audit record in one transaction, no request, no check — and
      A1b, the ceiling of A1 and A2 the two floors give together
      (1 / (1/A1f + 1/A1w)), both as ratios to B2 (no target: they show
      how close to B2 any acceptance with its audit record can come);
   A1 appeals filed through the public form per second, ratio to B2
      (target ≥ 60 % of B2): accepted, each check done and the input kept
      in one audited row, the citizen sent to the receipt (ADR 9);
   A2 appeals filed through Open311 POST per second, ratio to B2
      (target ≥ 60 %), answered with a token as A1 is;
   A1r the appeals A1 and A2 accepted, registered per second by the
      background run (the journal's number, routing, the EDMS card, the
      e-mail), ratio to B2 (no target; what one worker keeps up with);
   A3 p95 of the public list `/appeals/` as a visitor who has not signed
      in reads it (from the page cache but for the first read), ratio to
      B1 (target: within 1/0.7 of B1, i.e. ≥ 70 % of its speed); A3c the
      same page rendered from the database each time (no target);
   A4 p95 of the public map's clusters over the whole city (as A3), and
      A4c rendered each time;
   A5 p95 of Open311 GET requests filtered by service and status, a page
      of 20 (B1 reads 20 rows; no target, reported);
   A6 the same with the standard's default page (the last 90 days, up to
      1,000 requests: what a client polling without paging reads).

The statistics page over the whole history has its own benchmark,
``bench/appeals_stats.py`` (summary tables, target ≤ 1 s). A missed target
is reported (``"met": false``), never a failure of the run.
``BENCH_KEEP=1`` keeps the PostgreSQL history; ``BENCH_APPEALS_REUSE=1``
measures a kept one again (migrated, not rewritten).
"""

import json
import logging
import os
import sys
import uuid
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
    rate_per_s,
)

SCALE = float(os.environ.get("BENCH_APPEALS_SCALE", "0.001"))
# PostgreSQL only: keep the history of an earlier run (BENCH_KEEP=1) and
# measure it again, after migrating it; only the baseline is made afresh.
REUSE = os.environ.get("BENCH_APPEALS_REUSE") == "1"
PG_NAMES = ("hromada_bench_appeals", "hromada_bench_appeals_baseline")
# Throughput as a share of B2, pages as B1's p95 over theirs: ≥ these.
TARGETS = {"A1": 0.6, "A2": 0.6, "A3": 0.7, "A4": 0.7}
CITY_BOX = "30.32,50.355,30.42,50.415"


def appeals_worker(baseline: dict[str, float]) -> None:
    """Generate the history, then print A0..A6 as JSON lines."""
    import django

    django.setup()
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client

    from hromada.accounts.roles import Role
    from hromada.api.open311 import services as open311_services

    vendor = connection.vendor
    fixture = _history(vendor)

    def emit(figure: str, name: str, value: float, unit: str, basis: str) -> None:
        reference = baseline[basis]
        # Throughput: the share of the baseline's; pages: its speed's share.
        share = value / reference if unit == "per_s" else reference / value
        target = TARGETS.get(figure)
        line: dict[str, Any] = {
            "figure": figure,
            "name": name,
            "database": vendor,
            "value": round(value, 2),
            "unit": unit,
            "baseline": basis,
            "baseline_value": round(reference, 3),
            "share_of_baseline": round(share, 3),
            "target_share": target,
            "scale": SCALE,
        }
        if target is not None:
            line["met"] = share >= target
        print(json.dumps(line, ensure_ascii=False), flush=True)

    client = Client()
    code = fixture.category_code
    counter = iter(range(10**9))
    _floors(emit, client)

    def file_by_form() -> None:
        n = next(counter)
        response = client.post(
            f"/appeals/new/details/?category={code}&location_address="
            "&location_lat=50.385&location_lon=30.37",
            {
                "once": str(uuid.uuid4()),
                "category": code,
                "kind": "statement",
                "title": "Не світить ліхтар",
                "description": "Третій тиждень темно біля під'їзду.",
                "is_public": "true",
                "family_name": "Коваленко",
                "given_name": "Олена",
                "postal_address": "вул. Садова, 3",
                "email": f"bench{n}@bench.example",
            },
            REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
        )
        if response.status_code != 302:
            raise RuntimeError(f"the form answered {response.status_code}")

    per_s, _count = rate_per_s(file_by_form)
    emit("A1", "appeals filed through the public form per second", per_s, "per_s", "B2")

    admin = fixture.sysadmin
    assert admin is not None
    admin.groups.add(Group.objects.get_or_create(name=Role.SYSTEM_ADMINISTRATOR)[0])
    keys = [
        open311_services.open311_client_issue(actor=admin, name=f"bench {n}")[1]
        for n in range(20)
    ]

    def file_by_open311() -> None:
        n = next(counter)
        response = client.post(
            "/open311/v2/requests.json",
            {
                "api_key": keys[n % len(keys)],
                "service_code": code,
                "lat": "50.385",
                "long": "30.37",
                "email": f"bench{n}@bench.example",
                "first_name": "Олена",
                "last_name": "Коваленко",
                "description": "Третій тиждень темно біля під'їзду.",
                "device_id": f"device-{n}",
            },
        )
        if response.status_code != 200:
            raise RuntimeError(f"Open311 answered {response.status_code}")

    per_s, _count = rate_per_s(file_by_open311)
    emit("A2", "appeals filed through Open311 per second", per_s, "per_s", "B2")
    emit(
        "A1r",
        "accepted appeals registered by the background run per second",
        rate_per_s(_register_next())[0],
        "per_s",
        "B2",
    )
    # The public pages as a visitor who has not signed in reads them: a
    # client of its own (the filing client holds a session), answered from
    # the page cache after the first read; "cold" reads each time a
    # query string never seen, so the page is rendered from the database.
    visitor = Client()
    pages = (
        ("A3", "public list of appeals", "/appeals/?"),
        (
            "A4",
            "public map clusters over the city",
            f"/appeals/map.json?bbox={CITY_BOX}&zoom=13&",
        ),
    )
    for figure, name, path in pages:
        emit(
            figure,
            f"{name} p95 (visitor, page cache)",
            p95(latencies_ms(_get(visitor, path))),
            "ms",
            "B1",
        )
        emit(
            f"{figure}c",
            f"{name} p95 (rendered each time)",
            p95(latencies_ms(_fresh_get(visitor, path, counter))),
            "ms",
            "B1",
        )
    requests = f"/open311/v2/requests.json?service_code={code}&status=open"
    emit(
        "A5",
        "Open311 GET requests by service and status, 20 a page, p95",
        p95(latencies_ms(_get(client, requests + "&page_size=20"))),
        "ms",
        "B1",
    )
    emit(
        "A6",
        "Open311 GET requests by service and status, the standard's default "
        "(90 days, up to 1,000) p95",
        p95(latencies_ms(_get(client, requests))),
        "ms",
        "B1",
    )


def _history(vendor: str) -> Any:
    """Write the synthetic history (or take the kept one) and print A0."""
    from bench import appeals_data

    if REUSE and vendor == "postgresql" and appeals_data.generated():
        fixture = appeals_data.kept()
    else:
        fixture = appeals_data.generate(scale=SCALE)
    print(
        json.dumps(
            {
                "figure": "A0",
                "name": "synthetic history of appeals",
                "database": vendor,
                "scale": fixture.appeals / appeals_data.FULL_APPEALS,
                "appeals": fixture.appeals,
                "reused": fixture.reused,
                "seconds": round(fixture.seconds, 1),
                "redis": bool(os.environ.get("REDIS_URL")),
            }
        ),
        flush=True,
    )
    return fixture


def _floors(emit: Callable[..., None], client: Any) -> None:
    """A1f, A1w and A1b: the floors under A1 and A2, and their ceiling."""
    refused = rate_per_s(_refused_post(client))[0]
    emit(
        "A1f",
        "POSTs the platform refuses before any view work (405) per second",
        refused,
        "per_s",
        "B2",
    )
    writes = rate_per_s(_acceptance_writes())[0]
    emit(
        "A1w",
        "the writes of an acceptance (row and audit record) per second",
        writes,
        "per_s",
        "B2",
    )
    emit(
        "A1b",
        "ceiling of an acceptance: the refused POST and the writes together",
        1 / (1 / refused + 1 / writes),
        "per_s",
        "B2",
    )


def _acceptance_writes() -> Callable[[], Any]:
    """What every acceptance writes, whatever its checks: the accepted
    row and its audit record, in one transaction."""
    from django.db import transaction

    from hromada.appeals.models import AppealChannel, AppealIntake
    from hromada.core.audit import audit_record

    def call() -> Any:
        with transaction.atomic():
            kept = AppealIntake.objects.create(
                channel=AppealChannel.PORTAL,
                payload={"title": "Не світить ліхтар"},
                attempts=1,  # never taken by A1r below
            )
            audit_record(actor=None, action="bench.accept", target=kept)

    return call


def _register_next() -> Callable[[], Any]:
    """Register the waiting appeals oldest first, one a call, as the
    background run does (A1 and A2 leave thousands; their ids read once)."""
    from hromada.appeals.models import AppealIntake, IntakeState
    from hromada.appeals.services import intake

    waiting = AppealIntake.objects.filter(state=IntakeState.RECEIVED, attempts=0)
    ids = iter(list(waiting.order_by("pk").values_list("pk", flat=True)))

    def call() -> Any:
        pk = next(ids, None)
        if pk is None:
            raise RuntimeError("no accepted appeal left to register")
        if intake.appeal_intake_register(intake_id=pk) is None:
            raise RuntimeError("an accepted appeal was refused")

    return call


def _refused_post(client: Any) -> Callable[[], Any]:
    """A POST to a GET-only path: the whole middleware stack and the
    router, no form, no query of the view's — the floor under A1 and A2.
    Django logs each 405 as a warning; not here."""
    logging.getLogger("django.request").setLevel(logging.ERROR)

    def call() -> Any:
        response = client.post("/healthz")
        if response.status_code != 405:
            raise RuntimeError(f"POST /healthz answered {response.status_code}")
        return response

    return call


def _fresh_get(client: Any, path: str, counter: Iterator[int]) -> Callable[[], Any]:
    """GET ``path`` with a query parameter never sent before: past any
    cache, the page is rendered from the database each time."""

    def call() -> Any:
        return _get(client, f"{path}fresh={next(counter)}")()

    return call


def main() -> int:
    return bench_main(
        script=__file__,
        name="appeals",
        figure="A*",
        worker=appeals_worker,
        names=PG_NAMES,
        reuse=REUSE,
    )


if __name__ == "__main__":
    sys.exit(main())
