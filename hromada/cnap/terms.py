"""Terms of a service and of the stages of its technological card.

Law 5203-VI art. 10: a service is provided within the term a law sets, and
at most 30 calendar days from the application when no law sets one
(CNAP-04). The stages of the technological card must fit within the term of
the information card. The check here needs no calendar: a day, calendar or
working, counts as 24 hours, and a stage «on the day» as none, so the
stages' days may not add up to more than the card's days; a card «on the
day» allows stages of up to 24 hours in all.
"""

from collections.abc import Iterable
from typing import Final, Protocol

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hromada.cnap.models import TermUnit

# Law 5203-VI art. 10 ч. 1.
STATUTORY_MAXIMUM_DAYS: Final = 30

_HOURS_PER_DAY: Final = 24
_HOURS: Final[dict[str, int]] = {
    TermUnit.CALENDAR_DAYS: _HOURS_PER_DAY,
    TermUnit.WORKING_DAYS: _HOURS_PER_DAY,
    TermUnit.HOURS: 1,
    TermUnit.SAME_DAY: 0,
}


class Term(Protocol):
    """Anything with a term: a card or a stage."""

    @property
    def term_value(self) -> int | None: ...

    @property
    def term_unit(self) -> str: ...


def least_hours(term: Term) -> int | None:
    """The fewest hours ``term`` can take; ``None`` if it has no value."""
    if term.term_unit == TermUnit.SAME_DAY:
        return 0
    if term.term_value is None:
        return None
    return term.term_value * _HOURS[term.term_unit]


def exceeds_statutory_maximum(term: Term) -> bool:
    """Whether ``term`` may run past 30 calendar days."""
    if term.term_unit == TermUnit.SAME_DAY or term.term_value is None:
        return False
    if term.term_unit == TermUnit.HOURS:
        return term.term_value > STATUTORY_MAXIMUM_DAYS * _HOURS_PER_DAY
    if term.term_unit == TermUnit.WORKING_DAYS:
        # 22 working days already span more than 30 calendar days.
        return term.term_value > 21
    return term.term_value > STATUTORY_MAXIMUM_DAYS


def stages_fit(service: Term, stages: Iterable[Term]) -> bool:
    """Whether the stages can be done within the service's term."""
    limit = (
        _HOURS_PER_DAY
        if service.term_unit == TermUnit.SAME_DAY
        else least_hours(service)
    )
    if limit is None:
        return True
    needed = sum(least_hours(stage) or 0 for stage in stages)
    return needed <= limit


def term_text(term: Term) -> str:
    """The term as the card says it: «10 календарних днів», «у день
    звернення»; empty without a value."""
    if term.term_unit == TermUnit.SAME_DAY:
        return _("on the day of the application")
    value = term.term_value
    if value is None:
        return ""
    if term.term_unit == TermUnit.CALENDAR_DAYS:
        text = ngettext("%(n)d calendar day", "%(n)d calendar days", value)
    elif term.term_unit == TermUnit.WORKING_DAYS:
        text = ngettext("%(n)d working day", "%(n)d working days", value)
    else:
        text = ngettext("%(n)d hour", "%(n)d hours", value)
    return text % {"n": value}
