"""``manage.py serve``: gunicorn and the task consumer as one command.

Both processes start together; Ctrl-C (SIGINT) or SIGTERM stops both
cleanly, and if either exits the other is stopped too.
"""

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

GRACE_SECONDS = 10


class Command(BaseCommand):
    help = "Serve the web application with gunicorn and run the huey consumer."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "2"))
        )

    def handle(self, *args: Any, **options: Any) -> None:
        python = sys.executable
        web = [
            python,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"{options['host']}:{options['port']}",
            "--workers",
            str(options["workers"]),
            "--threads",
            "4",
            "--access-logfile",
            "-",
            "--graceful-timeout",
            str(GRACE_SECONDS),
        ]
        consumer = [python, "manage.py", "run_huey", "--quiet"]
        processes = [subprocess.Popen(web), subprocess.Popen(consumer)]  # noqa: S603
        self.stdout.write(
            f"Hromada at http://{options['host']}:{options['port']}/ — Ctrl-C stops it."
        )
        stopping = False

        def stop(signum: int, frame: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while not stopping and all(p.poll() is None for p in processes):
            time.sleep(0.2)
        self._stop(processes)
        codes = [p.returncode for p in processes]
        if not stopping and any(codes):
            raise SystemExit(max(c or 0 for c in codes))

    def _stop(self, processes: list[subprocess.Popen[bytes]]) -> None:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + GRACE_SECONDS + 5
        for process in processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
