"""Steps every appeals service takes: lock the appeal, add a timeline step."""

from django.utils import timezone

from hromada.accounts.models import User
from hromada.appeals.models import Appeal, AppealEvent, AppealEventKind


def appeal_lock(appeal: Appeal) -> Appeal:
    """The appeal, locked for this transaction, with its card."""
    return (
        Appeal.objects.select_for_update()
        .select_related("document", "applicant")
        .get(pk=appeal.pk)
    )


def event_add(
    appeal: Appeal,
    kind: AppealEventKind,
    *,
    actor: User | None,
    unit_id: int | None = None,
    note: str = "",
    text: str = "",
) -> AppealEvent:
    """One step of the timeline, now; ``note`` is public, keep it plain;
    ``text`` (a comment) is for staff and the applicant only."""
    return AppealEvent.objects.create(
        appeal=appeal,
        kind=kind,
        at=timezone.now(),
        actor=actor,
        unit_id=unit_id,
        note=note,
        text=text,
    )
