"""``manage.py appeal_stats_rebuild``: recompute the summaries of appeals
for the whole history, e.g. after an import of old appeals."""

from typing import Any

from django.core.management.base import BaseCommand

from hromada.analytics import services


class Command(BaseCommand):
    help = "Recompute the summary tables of appeals from the first appeal to today."

    def handle(self, *args: Any, **options: Any) -> None:
        result = services.appeal_stats_rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"Summaries of appeals rebuilt: {result.days} days, "
                f"{result.months} months."
            )
        )
