"""Reads of accepted appeals: the receipt, the citizen's waiting ones, what
waits for the office."""

from dataclasses import dataclass
from datetime import datetime
from typing import Final
from uuid import UUID

from django.db.models import Count, Min, QuerySet

from hromada.accounts.models import User
from hromada.appeals.models import AppealIntake, IntakeState

PROBLEMS_SHOWN: Final = 5


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


@dataclass(frozen=True, kw_only=True, slots=True)
class WaitingIntakes:
    """Accepted appeals still not registered: how many, since when, why."""

    count: int
    oldest: datetime | None
    problems: list[str]


def intake_waiting(*, received_before: datetime) -> WaitingIntakes:
    """The accepted appeals received before ``received_before`` and still
    waiting for registration (two queries): what the office must see when
    registration stalls (a journal not opened, the queue down)."""
    waiting = AppealIntake.objects.filter(
        state=IntakeState.RECEIVED, received_at__lt=received_before
    )
    summary = waiting.aggregate(count=Count("pk"), oldest=Min("received_at"))
    problems = (
        waiting.exclude(problem="")
        .order_by("problem")
        .values_list("problem", flat=True)
        .distinct()[:PROBLEMS_SHOWN]
    )
    return WaitingIntakes(
        count=summary["count"],
        oldest=summary["oldest"],
        problems=list(problems) if summary["count"] else [],
    )


def intake_list_waiting_own(*, user: User) -> QuerySet[AppealIntake]:
    """The citizen's own appeals accepted and not yet registered, oldest
    first (a handful at most: the rate limit bounds them); what their
    receipts link to. The kept input is not read."""
    return (
        AppealIntake.objects.filter(actor=user, state=IntakeState.RECEIVED)
        .only("public_id", "received_at")
        .order_by("received_at", "pk")
    )
