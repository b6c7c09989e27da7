"""An appeal's timeline as its pages tell it: what happened, and on whose
desk it lay for how long ("чий стіл і скільки часу", R4, R5)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hromada.appeals.models import Appeal, AppealEvent, AppealEventKind

# Steps that put the appeal on a unit's desk, and those that take it off.
DESK_KINDS = frozenset(
    {AppealEventKind.ROUTED, AppealEventKind.ASSIGNED, AppealEventKind.REOPENED}
)
OFF_DESK_KINDS = DESK_KINDS | {
    AppealEventKind.ANSWERED,
    AppealEventKind.FORWARDED,
    AppealEventKind.NOT_CONSIDERED,
    AppealEventKind.CLOSED,
}


@dataclass(frozen=True, kw_only=True, slots=True)
class TimelineStep:
    """One step; ``held_for`` is how long the unit had it (desk steps);
    ``text`` is what the applicant wrote (a comment), for staff and the
    applicant only."""

    label: str
    at: datetime
    unit: str
    note: str
    text: str
    held_for: str
    is_current: bool


def timeline_steps(
    appeal: Appeal,
    events: Sequence[AppealEvent],
    *,
    now: datetime | None = None,
    with_text: bool = False,
) -> list[TimelineStep]:
    """The events as steps, each desk step with the time it lasted; the
    applicant's words only ``with_text`` (pages of staff and the applicant)."""
    now = now or timezone.now()
    steps = []
    for index, event in enumerate(events):
        held_for, is_current = "", False
        if event.kind in DESK_KINDS:
            until = next(
                (
                    later.at
                    for later in events[index + 1 :]
                    if later.kind in OFF_DESK_KINDS
                ),
                None,
            )
            is_current = until is None and appeal.is_open
            if until is not None or is_current:
                held_for = duration_text((until or now) - event.at)
        steps.append(
            TimelineStep(
                label=str(AppealEventKind(event.kind).label),
                at=event.at,
                unit=event.unit.name if event.unit_id and event.unit else "",
                note=event.note,
                text=event.text if with_text else "",
                held_for=held_for,
                is_current=is_current,
            )
        )
    return steps


def duration_text(span: timedelta) -> str:
    """«3 дні 4 год», «5 год 10 хв», «менше хвилини»."""
    minutes = max(int(span.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(ngettext("%(n)d day", "%(n)d days", days) % {"n": days})
    if hours:
        parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
    if minutes and not days:
        parts.append(
            ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
        )
    return " ".join(parts) or _("less than a minute")
