"""Reads of accepted appeals: the citizen's receipt."""

from uuid import UUID

from hromada.appeals.models import AppealIntake


def intake_get_filed(*, public_id: UUID | str) -> AppealIntake | None:
    """What the receipt page shows: whose it is, when it was accepted and,
    once registered, the appeal's number and terms — no personal data (the
    kept input is not read). The view checks that it is the reader's."""
    return (
        AppealIntake.objects.filter(public_id=public_id)
        .select_related("appeal")
        .only(
            "public_id",
            "actor_id",
            "channel",
            "received_at",
            "state",
            "appeal__number",
            "appeal__registered_at",
            "appeal__due_on",
            "appeal__is_public",
            "appeal__public_id",
        )
        .first()
    )
