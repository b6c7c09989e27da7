"""The public's appeals: accepted while the citizen waits, registered a
moment later (ADR 9).

``appeal_accept`` runs every check that can refuse an appeal — the form's
fields, the applicant's data the law requires (Закон «Про звернення
громадян», ст. 5), the place inside the city, the files' kind and size,
the rate limits and the once-key — and keeps the checked input in one row
(``AppealIntake``), audited in the same transaction. After the commit a
background task registers it through ``filing.appeal_register``: the
journal's number, routing, the EDMS card, the "registered" e-mail. The
term of an answer runs from that registration (ст. 20), seconds later.

The contact centre and the other desk channels keep ``filing.appeal_submit``:
an operator reads the number back to the caller at once.
"""

import logging
from dataclasses import asdict
from datetime import datetime, timedelta
from functools import partial
from typing import Any, Final
from uuid import UUID

from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.appeals import tasks
from hromada.appeals.models import (
    Appeal,
    AppealChannel,
    AppealIntake,
    AuthorCategory,
    Category,
    IntakeState,
)
from hromada.appeals.services import attachments, filing, filing_input
from hromada.appeals.services.filing_input import AppealInput, ApplicantInput
from hromada.core import once, ratelimit
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import StoredFile
from hromada.gis.models import Address

logger = logging.getLogger(__name__)

PUBLIC_CHANNELS: Final = frozenset({AppealChannel.PORTAL, AppealChannel.OPEN311})
# An accepted appeal still waiting this long lost its run, or its
# registration was refused: the minute's sweep takes it, the office sees it.
WAITING_GRACE: Final = timedelta(seconds=30)
# One sweep registers at most this many; the next takes the rest.
SWEEP_BATCH: Final = 500


def appeal_accept(
    *,
    actor: User | None,
    channel: AppealChannel,
    data: AppealInput,
    once_key: UUID | None = None,
    client_key: str = "",
) -> AppealIntake:
    """Check ``data`` and accept it for registration; the receipt.

    Refuses as ``filing.appeal_submit`` does, changing nothing. A form
    sent twice with the same ``once_key`` gets the first receipt. ``actor``
    is the signed-in citizen (the appeal will be theirs) or ``None``.
    """
    if channel not in PUBLIC_CHANNELS:
        raise PermissionDeniedError(
            _("Appeals by phone or in person are written down by the contact centre.")
        )
    keys = filing.public_rate_keys(actor=actor, client_key=client_key)
    ratelimit.rate_limit_check(rates=filing.RATES, keys=keys)
    answers = filing_input.appeal_input_check(data, channel=channel)
    filing.appeal_place(data)  # refuses a place outside the city
    try:
        with transaction.atomic():
            intake = _keep(
                data, actor=actor, channel=channel, answers=answers, once_key=once_key
            )
    except IntegrityError:
        # The same form sent again (a double click, a resent POST): the
        # first send's receipt. Checked after the work, not before: the
        # repeat is rare, the first send is the one to keep fast.
        earlier = _earlier(once_key, actor=actor)
        if earlier is None:
            raise
        return earlier
    transaction.on_commit(
        lambda: ratelimit.rate_limit_count(rates=filing.RATES, keys=keys)
    )
    return intake


def _keep(
    data: AppealInput,
    *,
    actor: User | None,
    channel: AppealChannel,
    answers: dict[str, object],
    once_key: UUID | None,
) -> AppealIntake:
    stored = attachments.attachments_keep(data.files, actor=actor)
    intake = AppealIntake.objects.create(
        channel=channel,
        once_key=once_key,
        actor=actor,
        payload=_payload(data, answers=answers, files=stored),
    )
    audit_record(
        actor=actor,
        action="appeals.accept",
        target=intake,
        data={"channel": channel, "category": data.category.code},
    )
    # A lost enqueue (the queue down) is caught by the periodic sweep.
    transaction.on_commit(partial(_register_soon, intake.pk), robust=True)
    return intake


def _register_soon(intake_id: int) -> None:
    """Start a run of registrations unless one will reach this appeal.

    After this appeal's commit: if an earlier accepted appeal still waits
    for its first attempt, the run that registers it is queued or working,
    and it takes every waiting appeal until none is left — this one too.
    Under a burst of filings, one task registers them all; one query here
    instead of a queue write per appeal.
    """
    earlier = AppealIntake.objects.filter(
        state=IntakeState.RECEIVED, attempts=0, pk__lt=intake_id
    )
    if not earlier.exists():
        tasks.appeals_register_accepted.enqueue()


def _earlier(once_key: UUID | None, *, actor: User | None) -> AppealIntake | None:
    """The receipt of an earlier send of the same form, if any."""
    if once_key is None:
        return None
    earlier = AppealIntake.objects.filter(once_key=once_key).first()
    if earlier is not None and earlier.actor_id != (actor.pk if actor else None):
        raise once.sent_by_another()
    return earlier


def appeal_intake_register(*, intake_id: int) -> Appeal | None:
    """Register an accepted appeal; safe to run twice and side by side.

    Returns the appeal (the one registered before, on a second run), or
    ``None`` when registration was refused this time: the refusal's code
    is kept on the row for the office, and the sweep tries again.
    """
    with transaction.atomic():
        intake = AppealIntake.objects.select_for_update().filter(pk=intake_id).first()
        if intake is None:
            return None
        if intake.state == IntakeState.REGISTERED:
            return intake.appeal
        intake.attempts += 1
        try:
            with transaction.atomic():
                appeal = _register(intake)
        except ApplicationError as error:
            intake.problem = error.code[:200]
            intake.save(update_fields=["attempts", "problem", "updated_at"])
            logger.warning(
                "Accepted appeal %s not registered: %s", intake.public_id, error.code
            )
            return None
        intake.appeal = appeal
        intake.state = IntakeState.REGISTERED
        intake.payload = {}  # the applicant's data now lives on the appeal
        intake.problem = ""
        intake.save(
            update_fields=[
                "appeal",
                "state",
                "payload",
                "problem",
                "attempts",
                "updated_at",
            ]
        )
        return appeal


def _register(intake: AppealIntake) -> Appeal:
    data, answers, files = _input(intake.payload)
    return filing.appeal_register(
        data,
        actor=intake.actor,
        channel=AppealChannel(intake.channel),
        place=filing.appeal_place(data),
        answers=answers,
        files=files,
    )


def appeal_intakes_register_accepted() -> int:
    """Register accepted appeals waiting for their first attempt, oldest
    first, until none is left (those accepted meanwhile too); how many
    were. An appeal whose registration is refused waits for the sweep."""
    registered = 0
    while True:
        waiting = AppealIntake.objects.filter(state=IntakeState.RECEIVED, attempts=0)
        ids = list(waiting.order_by("pk").values_list("pk", flat=True)[:SWEEP_BATCH])
        if not ids:
            return registered
        registered += sum(_register_one(pk) for pk in ids)


def appeal_intakes_register_waiting(*, received_before: datetime) -> int:
    """Register what was accepted before ``received_before`` and is still
    waiting (a lost enqueue, a refusal to try again); how many were."""
    waiting = AppealIntake.objects.filter(
        state=IntakeState.RECEIVED, received_at__lt=received_before
    ).order_by("received_at", "pk")
    ids = list(waiting.values_list("pk", flat=True)[:SWEEP_BATCH])
    return sum(_register_one(pk) for pk in ids)


def _register_one(intake_id: int) -> bool:
    """Register one accepted appeal for a run or the sweep; whether it was.

    An unexpected failure (its kept input no longer makes an appeal: a
    category or an address deleted since) is logged and counted as an
    attempt, so that one bad row never stops the run for the rest; the
    sweep tries it again and the load page shows it.
    """
    try:
        return appeal_intake_register(intake_id=intake_id) is not None
    except (DatabaseError, ObjectDoesNotExist, KeyError, TypeError, ValueError):
        logger.exception("Accepted appeal #%s could not be registered", intake_id)
        AppealIntake.objects.filter(pk=intake_id).update(
            attempts=F("attempts") + 1, problem="registration_failed"
        )
        return False


def _payload(
    data: AppealInput, *, answers: dict[str, object], files: list[StoredFile]
) -> dict[str, Any]:
    """The checked input as JSON: objects by their ids."""
    return {
        "kind": data.kind,
        "category": data.category.pk,
        "title": data.title,
        "description": data.description,
        "applicant": asdict(data.applicant),
        "is_public": data.is_public,
        "subject": data.subject,
        "co_signers": [asdict(signer) for signer in data.co_signers],
        "author_categories": [category.pk for category in data.author_categories],
        "social_status": data.social_status,
        "answers": answers,
        "address": data.address.pk if data.address else None,
        "address_text": data.address_text,
        "lon": data.lon,
        "lat": data.lat,
        "files": [file.pk for file in files],
        "repeat_of": data.repeat_of.pk if data.repeat_of else None,
        "duplicate_of": data.duplicate_of.pk if data.duplicate_of else None,
    }


def _input(
    payload: dict[str, Any],
) -> tuple[AppealInput, dict[str, object], list[StoredFile]]:
    """The input ``_payload`` kept, its answers and its stored files."""
    ids = [payload["repeat_of"], payload["duplicate_of"]]
    earlier = Appeal.objects.in_bulk([pk for pk in ids if pk is not None])
    address = payload["address"]
    data = AppealInput(
        kind=payload["kind"],
        category=Category.objects.get(pk=payload["category"]),
        title=payload["title"],
        description=payload["description"],
        applicant=ApplicantInput(**payload["applicant"]),
        is_public=payload["is_public"],
        subject=payload["subject"],
        co_signers=[ApplicantInput(**signer) for signer in payload["co_signers"]],
        author_categories=list(
            AuthorCategory.objects.filter(pk__in=payload["author_categories"])
        ),
        social_status=payload["social_status"],
        address=Address.objects.get(pk=address) if address is not None else None,
        address_text=payload["address_text"],
        lon=payload["lon"],
        lat=payload["lat"],
        repeat_of=earlier.get(ids[0]) if ids[0] is not None else None,
        duplicate_of=earlier.get(ids[1]) if ids[1] is not None else None,
    )
    files = list(StoredFile.objects.filter(pk__in=payload["files"]).order_by("pk"))
    return data, payload["answers"], files
