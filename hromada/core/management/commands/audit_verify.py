"""``manage.py audit_verify``: check the audit chain from the first event."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from hromada.core.audit import audit_verify
from hromada.core.models import AuditEvent


class Command(BaseCommand):
    help = "Verify the hash chain of the audit log and report the first broken link."

    def handle(self, *args: Any, **options: Any) -> None:
        broken = audit_verify()
        if broken is not None:
            raise CommandError(
                f"Audit chain broken at event {broken.event_id}: {broken.reason}."
            )
        count = AuditEvent.objects.count()
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {count} events."))
