"""``make bench``: measure the baselines; one JSON line per figure.

Each figure is served by gunicorn (one sync worker) and loaded from a second
process on loopback for a bounded time. Later goals are ratios against
these numbers, measured in the same run on the same machine.
"""

import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing import Process, Queue
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DURATION = float(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
FIGURES = [
    ("B0", "hello-world view", "GET", "/b0/"),
    ("B1", "20-row read view", "GET", "/b1/"),
    ("B2", "single-row insert view", "POST", "/b2/"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _worker(
    port: int, method: str, path: str, deadline: float, counts: list[int]
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    ok = errors = 0
    while time.monotonic() < deadline:
        try:
            conn.request(method, path, body=b"" if method == "POST" else None)
            response = conn.getresponse()
            response.read()
            ok += response.status < 400
            errors += response.status >= 400
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.close()
    counts.extend([ok, errors])


def _load(
    port: int, method: str, path: str, results: "Queue[tuple[int, int, float]]"
) -> None:
    """The load generator: its own process, several keep-alive connections."""
    start = time.monotonic()
    deadline = start + DURATION
    per_thread: list[list[int]] = [[] for _ in range(CONNECTIONS)]
    threads = [
        threading.Thread(target=_worker, args=(port, method, path, deadline, c))
        for c in per_thread
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    results.put((sum(c[0] for c in per_thread), sum(c[1] for c in per_thread), elapsed))


def _wait_ready(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def main() -> int:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.baseline.settings",
        "BENCH_DATA": tempfile.mkdtemp(prefix="hromada-bench-"),
        "PYTHONPATH": str(ROOT),
    }
    python = sys.executable
    subprocess.run(
        [python, "-m", "django", "migrate", "--run-syncdb", "-v0"],
        env=env,
        check=True,
        cwd=ROOT,
    )
    seed = (
        "from bench.baseline.models import Row; "
        "Row.objects.bulk_create([Row(title=f'row {i}') for i in range(20)])"
    )
    subprocess.run(
        [python, "-c", f"import django; django.setup(); {seed}"],
        env=env,
        check=True,
        cwd=ROOT,
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "bench.baseline.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        _wait_ready(port)
        for figure, name, method, path in FIGURES:
            results: Queue[tuple[int, int, float]] = Queue()
            loader = Process(target=_load, args=(port, method, path, results))
            loader.start()
            ok, errors, elapsed = results.get(timeout=DURATION + 60)
            loader.join()
            print(
                json.dumps(
                    {
                        "figure": figure,
                        "name": name,
                        "baseline": "bare-django",
                        "req_per_s": round(ok / elapsed, 1),
                        "requests": ok,
                        "errors": errors,
                        "seconds": round(elapsed, 2),
                        "connections": CONNECTIONS,
                    }
                ),
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
