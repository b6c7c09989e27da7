"""``manage.py demo``: build the fictional city (demo mode only)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from hromada.core.demo import demo_load
from hromada.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Load the demo city deterministically; re-running changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            log = demo_load()
        except ApplicationError as error:
            raise CommandError(error.message) from error
        for line in log:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo city ready."))
