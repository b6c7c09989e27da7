"""Issue an API token to a staff member and print it once."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hromada.accounts.models import User
from hromada.api import services
from hromada.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Issue an API token to a staff member; the token is printed once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True, help="The holder's e-mail.")
        parser.add_argument("--name", required=True, help="What will use the token.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(email__iexact=options["email"])
        except User.DoesNotExist as error:
            raise CommandError(f"No user with e-mail {options['email']}.") from error
        try:
            token, plaintext = services.api_token_create(
                user=user, actor=None, name=options["name"]
            )
        except ApplicationError as error:
            raise CommandError(error.message) from error
        self.stderr.write(
            f"Token {token.public_id} for {user.email}. "
            "Store it now: it is not shown again."
        )
        self.stdout.write(plaintext)
