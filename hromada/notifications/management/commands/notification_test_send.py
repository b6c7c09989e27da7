"""``manage.py notification_test_send ADDRESS``: check that e-mail goes out."""

from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError

from hromada.core.errors import ApplicationError
from hromada.notifications import services


class Command(BaseCommand):
    help = "Queue the plain test message to an e-mail address."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("address", help="Where to send the test message.")

    def handle(self, *args: object, **options: str) -> None:
        try:
            notification = services.notification_test_send(
                recipient_email=options["address"]
            )
        except ApplicationError as error:
            raise CommandError(error.message) from error
        self.stdout.write(
            f"Test message {notification.public_id} queued; the task queue delivers it."
        )
