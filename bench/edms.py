"""EDMS figures against a ten-year synthetic history; one JSON line per figure.

Issue 3's benchmark ("in bench/, not a timed test"). For each database
(SQLite always; PostgreSQL at 127.0.0.1:5432 when it answers) it:

1. creates a dedicated database (``hromada_bench`` on PostgreSQL, a file in
   a temporary directory on SQLite) and runs ``migrate`` in a subprocess;
2. fills it with ``bench/edms_data.py`` — a *benchmark fixture* written
   directly with ``bulk_create``, not through the services — at
   ``BENCH_EDMS_SCALE`` of the issue's target (default 0.01: 45,000 cards,
   25,000 tasks, 1,500 users; 1.0 is 4.5 million cards, 2.5 million tasks)
   and, on PostgreSQL, vacuums it as autovacuum would have long since done
   in a running city (``edms_data.settle``; also before measuring a reused
   history);
3. measures in-process with ``django.test.Client`` (no network, no server):

   E1 registration throughput (``document_create_draft`` and
      ``document_register`` per second) as a ratio to B2, the bare-Django
      single-row insert;
   E2 p95 of the inbox page of an executor with ≥ 500 open tasks;
   E3 p95 of the control journal page of the largest unit;
   E4 p95 of the document list searched by a registration index;
   E5 p95 of the document list searched by words;
   E6 p95 of "Today" of the head of a small unit (the cards to resolve
      of a unit with a small share of the history; no target);

   E2..E6 as ratios to B1, the bare-Django 20-row read, measured the same
   way (in-process Client) on the same database vendor in the same run.

Targets on PostgreSQL (issue 3): inbox p95 ≤ 50 ms, control journal ≤ 200 ms.
The PostgreSQL run uses Redis (database 15, emptied first) for the cache and
sessions when it answers, as production does (E0 says whether it did).
A missed target is reported (``"met": false``), never a failure of the run.
``BENCH_FIGURE_SECONDS`` bounds each figure (default 5 s, at most 500
requests); ``BENCH_KEEP=1`` keeps the PostgreSQL databases afterwards
(``BENCH_PG_DATABASE`` names them, default ``hromada_bench``), and
``BENCH_EDMS_REUSE=1`` measures a kept PostgreSQL history again instead of
generating one, and keeps it (after a change to the code: a full-scale
history takes an hour to write).
"""

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCALE = float(os.environ.get("BENCH_EDMS_SCALE", "0.01"))
FIGURE_SECONDS = float(os.environ.get("BENCH_FIGURE_SECONDS", "5"))
MAX_REQUESTS = 500
WARMUP = 5
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
# BENCH_PG_DATABASE names the pair, so two runs (say 1 % and full scale)
# may keep their databases side by side.
_PG_NAME = os.environ.get("BENCH_PG_DATABASE", "hromada_bench")
PG_NAMES = (_PG_NAME, f"{_PG_NAME}_baseline")
# Production runs PostgreSQL with Redis (cache, sessions, queue): the
# PostgreSQL figures use Redis too when it answers, in a database of its own.
REDIS_URL = "redis://127.0.0.1:6379/15"
TARGETS_MS = {"E2": 50, "E3": 200}
REUSE = os.environ.get("BENCH_EDMS_REUSE") == "1"


# --- measuring (both workers) ---------------------------------------------


def latencies_ms(call: Callable[[], Any]) -> list[float]:
    """Wall times of ``call`` for ``FIGURE_SECONDS`` after a short warm-up."""
    for _ in range(WARMUP):
        call()
    times: list[float] = []
    deadline = time.perf_counter() + FIGURE_SECONDS
    while time.perf_counter() < deadline and len(times) < MAX_REQUESTS:
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]


def rate_per_s(call: Callable[[], Any]) -> tuple[float, int]:
    """Calls per second of ``call`` over ``FIGURE_SECONDS``, after warm-up."""
    for _ in range(WARMUP):
        call()
    done = 0
    start = time.perf_counter()
    deadline = start + FIGURE_SECONDS
    while time.perf_counter() < deadline:
        call()
        done += 1
    return done / (time.perf_counter() - start), done


def _get(client: Any, path: str) -> Callable[[], Any]:
    def call() -> Any:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path} answered {response.status_code}")
        return response

    return call


# --- the baseline worker ----------------------------------------------------


def baseline_worker() -> None:
    """B1 p95 and B2 insert/s of bench/baseline, via the in-process Client."""
    import django

    django.setup()
    from django.test import Client

    from bench.baseline.models import Row

    Row.objects.bulk_create([Row(title=f"row {i}") for i in range(20)])
    client = Client()

    def insert() -> None:
        response = client.post("/b2/")
        if response.status_code != 201:
            raise RuntimeError(f"POST /b2/ answered {response.status_code}")

    times = latencies_ms(_get(client, "/b1/"))
    per_s, count = rate_per_s(insert)
    print(
        json.dumps({"B1": p95(times), "B1_n": len(times), "B2": per_s, "B2_n": count}),
        flush=True,
    )


# --- the EDMS worker --------------------------------------------------------


def edms_worker(baseline: dict[str, float]) -> None:
    """Generate the history, then print E1..E6 as JSON lines."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from bench import edms_data
    from hromada.documents.models import Channel, Correspondent, DocumentKind
    from hromada.documents.services import registration
    from hromada.org.models import OrgUnit

    vendor = connection.vendor
    if REUSE and vendor == "postgresql":
        fixture = edms_data.existing(scale=SCALE)
    else:
        fixture = edms_data.generate(scale=SCALE)
    print(
        json.dumps(
            {
                "figure": "E0",
                "name": "synthetic EDMS history",
                "database": vendor,
                "scale": SCALE,
                "redis": bool(os.environ.get("REDIS_URL")),
                "reused": REUSE and vendor == "postgresql",
                **edms_data.summary(fixture),
            },
            ensure_ascii=False,
        ),
        flush=True,
    )

    def emit(figure: str, name: str, value: float, unit: str, basis: str) -> None:
        reference = baseline[basis]
        # Throughput: how many times fewer per second; latency: times slower.
        ratio = reference / value if unit == "per_s" else value / reference
        target = TARGETS_MS.get(figure)
        line: dict[str, Any] = {
            "figure": figure,
            "name": name,
            "database": vendor,
            "value": round(value, 2),
            "unit": unit,
            "baseline": basis,
            "baseline_value": round(reference, 3),
            "ratio": round(ratio, 1),
            "target_ms": target,
            "scale": SCALE,
        }
        if target is not None:
            line["met"] = value <= target if vendor == "postgresql" else None
        print(json.dumps(line, ensure_ascii=False), flush=True)

    registrar = fixture.registrar
    assert registrar is not None
    office = OrgUnit.objects.get(unit_index="01")
    journal = fixture.journals[DocumentKind.INCOMING]
    correspondent = Correspondent.objects.order_by("pk").first()

    def register() -> None:
        draft = registration.document_create_draft(
            actor=registrar,
            kind=DocumentKind.INCOMING,
            org_unit=office,
            summary="Про ремонт покрівлі гуртожитку",
            channel=Channel.POST,
            correspondent=correspondent,
            addressee_units=[office],
        )
        registration.document_register(document=draft, journal=journal, actor=registrar)

    per_s, _count = rate_per_s(register)
    emit(
        "E1", "registration (create draft + register) per second", per_s, "per_s", "B2"
    )

    def page(user: Any, path: str) -> float:
        client = Client()
        client.force_login(user)
        return p95(latencies_ms(_get(client, path)))

    assert fixture.large_unit is not None
    inbox = reverse("documents:inbox")
    journal_page = reverse("documents:control_journal")
    documents = reverse("documents:document_list")
    emit(
        "E2",
        "inbox p95, executor with ≥ 500 open tasks",
        page(fixture.busy, inbox),
        "ms",
        "B1",
    )
    emit(
        "E3",
        "control journal p95, the largest unit",
        page(
            fixture.large_head,
            f"{journal_page}?org_unit={fixture.large_unit.public_id}",
        ),
        "ms",
        "B1",
    )
    assert fixture.small_head is not None
    emit(
        "E6",
        "inbox p95, head of a small unit",
        page(fixture.small_head, inbox),
        "ms",
        "B1",
    )
    emit(
        "E4",
        "document search p95 by registration index",
        page(registrar, f"{documents}?q={fixture.sample_number}"),
        "ms",
        "B1",
    )
    emit(
        "E5",
        "document search p95 by words",
        page(registrar, f"{documents}?q={fixture.sample_words}"),
        "ms",
        "B1",
    )


# --- the orchestrator -------------------------------------------------------


def _postgres_up() -> bool:
    try:
        import psycopg

        psycopg.connect(PG_ADMIN, connect_timeout=2).close()
    except Exception:  # any failure means "not here"
        return False
    return True


def _redis_up() -> bool:
    """Whether the bench's Redis database answers; emptied if it does."""
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.flushdb()
    except Exception:  # any failure means "not here"
        return False
    return True


def _postgres_reset(*, create: bool, names: tuple[str, ...] = PG_NAMES) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if create:
                conn.execute(f'CREATE DATABASE "{name}"')


def _run(args: list[str], env: dict[str, str], *, capture: bool = False) -> str:
    result = subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE if capture else None,
        text=True,
    )
    return result.stdout or ""


def baseline_measure(
    *, vendor: str, scratch: Path, script: str, url: str
) -> dict[str, float]:
    """Run ``script --worker baseline`` on the bare-Django project, print
    B1 and B2, and return them for the figures' ratios."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "BENCH_DATA": str(scratch),
        "DJANGO_SETTINGS_MODULE": "bench.edms_baseline_settings",
        "DATABASE_URL": url,
    }
    _run(["-m", "django", "migrate", "--run-syncdb", "-v0"], env)
    output = _run([script, "--worker", "baseline"], env, capture=True)
    baseline: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    for figure, name, unit in (
        ("B1", "bare-Django 20-row read p95 (in-process)", "ms"),
        ("B2", "bare-Django single-row insert (in-process)", "per_s"),
    ):
        line = {
            "figure": figure,
            "name": name,
            "database": vendor,
            "value": round(baseline[figure], 3),
            "unit": unit,
            "requests": baseline[f"{figure}_n"],
        }
        print(json.dumps(line), flush=True)
    return baseline


def platform_env(
    *, vendor: str, scratch: Path, url: str, baseline: dict[str, float]
) -> dict[str, str]:
    """The environment of a worker running the platform on ``url``; with
    Redis for cache and sessions on PostgreSQL, as production runs."""
    env = worker_env(scratch=scratch, url=url, redis=vendor == "postgresql")
    env["BENCH_BASELINE"] = json.dumps(baseline)
    return env


def worker_env(*, scratch: Path, url: str, redis: bool) -> dict[str, str]:
    """The environment of a worker subprocess on the database ``url``,
    its files under ``scratch``; Redis when asked for and up, else none."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "BENCH_DATA": str(scratch),
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": url,
        "HROMADA_DATA_DIR": str(scratch / "data"),
        "HROMADA_DEMO": "True",
        "DEBUG": "False",
        "ALLOWED_HOSTS": "testserver,localhost",
    }
    env.pop("REDIS_URL", None)
    if redis and _redis_up():
        env["REDIS_URL"] = REDIS_URL
    return env


def each_database(
    *,
    variable: str,
    figure: str,
    prefix: str,
    names: tuple[str, ...],
    measure: Callable[[str, Path], None],
    keep: bool = False,
) -> None:
    """``measure(vendor, scratch)`` for each database named in the
    environment ``variable`` (SQLite and PostgreSQL by default), in a
    scratch directory of its own; an unreachable PostgreSQL is reported as
    skipped, and its databases ``names`` are dropped afterwards unless
    ``keep`` or ``BENCH_KEEP=1``."""
    for vendor in os.environ.get(variable, "sqlite,postgresql").split(","):
        if vendor == "postgresql" and not _postgres_up():
            print(json.dumps({"figure": figure, "database": vendor, "skipped": True}))
            continue
        with tempfile.TemporaryDirectory(prefix=prefix) as scratch:
            try:
                measure(vendor, Path(scratch))
            finally:
                kept = keep or os.environ.get("BENCH_KEEP") == "1"
                if vendor == "postgresql" and not kept:
                    _postgres_reset(create=False, names=names)


def bench_main(
    *,
    script: str,
    name: str,
    figure: str,
    worker: Callable[[dict[str, float]], None],
    names: tuple[str, ...],
    reuse: bool,
) -> int:
    """The entry of a benchmark ``script``: as ``--worker``, the baseline's
    or the platform's ``worker``; else, for each database, a scratch
    directory and a database (PostgreSQL's ``names``: the platform's and
    the baseline's) migrated, the baseline measured and then the platform.
    ``reuse`` keeps the platform's PostgreSQL database and its history and
    makes only the baseline afresh."""
    if sys.argv[1:2] == ["--worker"]:
        sys.path.insert(0, str(ROOT))
        if sys.argv[2] == "baseline":
            baseline_worker()
        else:
            worker(json.loads(os.environ["BENCH_BASELINE"]))
        return 0

    def measure(vendor: str, scratch: Path) -> None:
        if vendor == "postgresql":
            _postgres_reset(create=True, names=names[1:] if reuse else names)
            url, baseline_url = (PG_URL.format(name=n) for n in names)
        else:
            url = f"sqlite:///{scratch / 'hromada.sqlite3'}"
            baseline_url = ""  # bench.baseline.settings' own SQLite file
        baseline = baseline_measure(
            vendor=vendor, scratch=scratch, script=script, url=baseline_url
        )
        env = platform_env(vendor=vendor, scratch=scratch, url=url, baseline=baseline)
        _run(["-m", "django", "migrate", "-v0"], env)
        _run([script, "--worker", name], env)

    each_database(
        variable=f"BENCH_{name.upper()}_DATABASES",
        figure=figure,
        prefix=f"hromada-bench-{name}-",
        names=names,
        measure=measure,
        keep=reuse,
    )
    return 0


def main() -> int:
    return bench_main(
        script=__file__,
        name="edms",
        figure="E*",
        worker=edms_worker,
        names=PG_NAMES,
        reuse=REUSE,
    )


if __name__ == "__main__":
    sys.exit(main())
