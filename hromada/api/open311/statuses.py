"""How an appeal's state reads in Open311 (STANDARDS §1.9, §1.10).

The standard ``status`` is only ``open`` or ``closed``; mySociety's
extended statuses (``IN_PROGRESS``, ``FIXED``,
``NOT_COUNCILS_RESPONSIBILITY``…) appear only in ``servicerequestupdates``,
where FixMyStreet reads them.

``status_notes`` and the descriptions of updates are words for the people
who read the client's pages, in the council's language, like the category
names beside them; they are data of the interface, not interface text to
translate, so they are written here in Ukrainian (as STANDARDS §1.9 gives
them) and carry the registry number, which cannot be an id (§1.2).
"""

from typing import Final

from hromada.appeals import privacy
from hromada.appeals.models import (
    OPEN_STATUSES,
    Appeal,
    AppealEvent,
    AppealEventKind,
    AppealOutcome,
    AppealStatus,
)

OPEN: Final = "open"
CLOSED: Final = "closed"
STATUSES: Final = frozenset({OPEN, CLOSED})

# mySociety's extended statuses used here.
EXTENDED_OPEN: Final = "OPEN"
IN_PROGRESS: Final = "IN_PROGRESS"
REOPEN: Final = "REOPEN"
FIXED: Final = "FIXED"
NO_FURTHER_ACTION: Final = "NO_FURTHER_ACTION"
NOT_COUNCILS_RESPONSIBILITY: Final = "NOT_COUNCILS_RESPONSIBILITY"
EXTENDED_CLOSED: Final = "CLOSED"

STATE_NOTES: Final[dict[str, str]] = {
    AppealStatus.REGISTERED: "Зареєстровано",
    AppealStatus.IN_PROGRESS: "Виконується",
    AppealStatus.NOT_CONSIDERED: "Не розглядається",
}
REOPENED_NOTE: Final = "Відкрито повторно"
FORWARDED_NOTE: Final = "Передано за належністю"
# An answered or closed appeal reads by its outcome (DOMAIN.md APL-20).
OUTCOME_NOTES: Final[dict[str, str]] = {
    AppealOutcome.SATISFIED: "Виконано",
    AppealOutcome.REFUSED: "Відмовлено",
    AppealOutcome.EXPLAINED: "Надано роз'яснення",
    AppealOutcome.FORWARDED: FORWARDED_NOTE,
    AppealOutcome.NOT_CONSIDERED: "Не розглядається",
    AppealOutcome.NONE: "Надано відповідь",
}
# What an update says when its event has no public note of its own.
EVENT_DESCRIPTIONS: Final[dict[str, str]] = {
    AppealEventKind.REGISTERED: "Звернення зареєстровано",
    AppealEventKind.ROUTED: "Звернення направлено виконавцю",
    AppealEventKind.ASSIGNED: "Призначено виконавця",
    AppealEventKind.EXTENDED: "Строк розгляду продовжено",
    AppealEventKind.FORWARDED: FORWARDED_NOTE,
    AppealEventKind.ANSWERED: "Надано відповідь",
    AppealEventKind.REOPENED: REOPENED_NOTE,
    AppealEventKind.CLOSED: "Розгляд завершено",
    AppealEventKind.NOT_CONSIDERED: "Не розглядається",
}
# Rating, joining and commenting are the citizens' doings, not the
# council's news of the case: they are not published as updates (and a
# comment is never published at all).
UPDATE_KINDS: Final = frozenset(EVENT_DESCRIPTIONS)
_EVENT_STATUSES: Final[dict[str, str]] = {
    AppealEventKind.REGISTERED: EXTENDED_OPEN,
    AppealEventKind.ROUTED: EXTENDED_OPEN,
    AppealEventKind.ASSIGNED: IN_PROGRESS,
    AppealEventKind.EXTENDED: IN_PROGRESS,
    AppealEventKind.FORWARDED: NOT_COUNCILS_RESPONSIBILITY,
    AppealEventKind.REOPENED: REOPEN,
    AppealEventKind.NOT_CONSIDERED: EXTENDED_CLOSED,
}


def request_status(appeal: Appeal) -> str:
    """``open`` while the council still has to answer, else ``closed``."""
    return OPEN if appeal.status in OPEN_STATUSES else CLOSED


def extended_status(appeal: Appeal) -> str:
    """mySociety's extended status of the appeal as it stands."""
    status = appeal.status
    if status == AppealStatus.REGISTERED:
        return EXTENDED_OPEN
    if status == AppealStatus.IN_PROGRESS:
        return REOPEN if appeal.reopened_count > 0 else IN_PROGRESS
    if status == AppealStatus.FORWARDED:
        return NOT_COUNCILS_RESPONSIBILITY
    if status == AppealStatus.NOT_CONSIDERED:
        return EXTENDED_CLOSED
    return _outcome_status(appeal)


def status_notes(appeal: Appeal) -> str:
    """«Зареєстровано, № К-12»: the state in words and the registry number."""
    return f"{_state_words(appeal)}, № {appeal.number}"


def update_status(event: AppealEvent, appeal: Appeal) -> str:
    """The extended status an event of the timeline brought.

    An answer or a closing reads by the appeal's outcome as it stands now:
    the timeline keeps no outcome per event.
    """
    return _EVENT_STATUSES.get(event.kind) or _outcome_status(appeal)


def update_description(event: AppealEvent, appeal: Appeal) -> str:
    """The text of an update: the answer for an answer, else the event's
    public note or the words of its kind; always passed through the
    redactor, since people's contacts get into texts."""
    if event.kind == AppealEventKind.ANSWERED and appeal.public_answer.strip():
        return appeal.public_answer.strip()
    if event.note.strip():
        return privacy.redact(event.note.strip())
    if event.kind == AppealEventKind.ROUTED and event.unit is not None:
        return f"{EVENT_DESCRIPTIONS[event.kind]}: {event.unit.name}"
    return EVENT_DESCRIPTIONS[event.kind]


def _outcome_status(appeal: Appeal) -> str:
    if appeal.outcome == AppealOutcome.SATISFIED:
        return FIXED
    return NO_FURTHER_ACTION


def _state_words(appeal: Appeal) -> str:
    status = appeal.status
    if status == AppealStatus.IN_PROGRESS and appeal.reopened_count > 0:
        return REOPENED_NOTE
    if status == AppealStatus.FORWARDED:
        target = appeal.forward_to.strip()
        return f"{FORWARDED_NOTE}: {target}" if target else FORWARDED_NOTE
    if status in (AppealStatus.ANSWERED, AppealStatus.CLOSED):
        return OUTCOME_NOTES.get(appeal.outcome, OUTCOME_NOTES[AppealOutcome.NONE])
    return STATE_NOTES[status]
