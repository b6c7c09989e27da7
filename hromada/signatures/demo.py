"""Demo certificates for the leadership and a unit head (demo mode only).

The keys live on the demo server, which no real signature ever does.
"""

from django.db import transaction

from hromada.accounts.demo import demo_email
from hromada.accounts.models import User
from hromada.core.demo import DemoContext
from hromada.signatures import selectors, services

SIGNERS = ("mayor", "deputy-mayor", "head", "secretary")


@transaction.atomic
def load(context: DemoContext) -> None:
    """Issue a demo certificate to each signer who has none; idempotent."""
    issued = 0
    emails = [demo_email(local) for local in SIGNERS]
    for user in User.objects.filter(email__in=emails).order_by("email"):
        if selectors.certificate_for_user(user=user) is None:
            services.certificate_issue_demo(user=user)
            issued += 1
    context.log.append(f"signatures: {issued} demo certificates")
