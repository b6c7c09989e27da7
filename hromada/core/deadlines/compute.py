"""Due dates: one rule, one start and the calendar give one explained date."""

import calendar as gregorian
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hromada.core.deadlines.rules import (
    RULES,
    DeadlineDirection,
    DeadlineRule,
    DeadlineShift,
    DeadlineUnit,
)
from hromada.core.deadlines.working_calendar import (
    ONE_DAY,
    WorkingCalendar,
    add_working_days,
    calendar_current,
    date_range,
    working_days_before,
)
from hromada.core.errors import ValidationError


@dataclass(frozen=True, kw_only=True, slots=True)
class DueDate:
    """A computed deadline and why it falls where it does (TIME-01).

    ``due_at`` is set only for clock-hour rules; ``limit_on`` is the latest
    date an extension may reach, for rules with a cap.
    """

    rule_code: str
    start: date | datetime
    due_on: date
    explanation: str
    due_at: datetime | None = None
    limit_on: date | None = None


def deadline_rule_get(code: str) -> DeadlineRule:
    """The rule named ``code``; an unknown code is a programming error."""
    try:
        return RULES[code]
    except KeyError:
        raise ValueError(f"Unknown deadline rule {code!r}") from None


def deadline_compute(
    *,
    rule_code: str,
    start: date | datetime,
    amount: int | None = None,
    calendar: WorkingCalendar | None = None,
) -> DueDate:
    """The due date of ``rule_code`` for a clock started at ``start``.

    ``start`` is the day of receipt or registration, not itself counted
    (TIME-08), or, for ``BEFORE`` rules, the day of the event. Hour rules
    need an aware datetime. ``amount`` replaces the rule's term where a law
    or decision sets another one. Pure apart from reading the calendar.
    """
    rule = deadline_rule_get(rule_code)
    term = rule.amount if amount is None else amount
    if term < 1:
        raise ValueError("A deadline term must be at least 1")
    if rule.unit is DeadlineUnit.HOURS:
        return _hours_due(rule=rule, start=start, term=term)
    working = calendar if calendar is not None else calendar_current()
    if rule.direction is DeadlineDirection.BEFORE:
        return _backward_due(rule=rule, start=start, term=term, calendar=working)
    return _forward_due(rule=rule, start=start, term=term, calendar=working)


def deadline_extend(*, due: DueDate, until: date) -> DueDate:
    """``due`` moved to ``until``, within the rule's cap (appeals: 45 days).

    Only rules with ``cap_days`` can be extended this way; the caller checks
    who may extend and records the notice to the applicant.
    """
    if due.limit_on is None:
        raise ValidationError(
            _("This term cannot be extended."), code="deadline_not_extendable"
        )
    if until <= due.due_on:
        raise ValidationError(
            _("An extension must end after the current due date, %(due)s.")
            % {"due": _day(due.due_on)},
            code="deadline_extension_too_short",
        )
    if until > due.limit_on:
        raise ValidationError(_cap_message(due.limit_on), code="deadline_over_cap")
    sentence = _("The term was extended to %(until)s.") % {"until": _day(until)}
    return replace(due, due_on=until, explanation=f"{due.explanation} {sentence}")


def _forward_due(
    *, rule: DeadlineRule, start: date | datetime, term: int, calendar: WorkingCalendar
) -> DueDate:
    start_day = _local_date(start)
    raw = _after(rule=rule, day=start_day, term=term, calendar=calendar)
    due_on = _shift(raw, shift=rule.shift, calendar=calendar)
    sentences = [_main_sentence(rule=rule, term=term, start=start_day, due=due_on)]
    if due_on != raw:
        sentences.append(_shift_sentence(raw=raw, shift=rule.shift))
    if rule.unit is DeadlineUnit.WORKING_DAYS:
        counted = date_range(start_day + ONE_DAY, due_on)
        sentences += _martial_law_sentence(counted=counted, calendar=calendar)
    elif rule.shift is not DeadlineShift.NONE:
        sentences += _martial_law_sentence(counted=[raw], calendar=calendar)
    limit_on = None
    if rule.cap_days is not None:
        limit_on = start_day + timedelta(days=rule.cap_days)
        if due_on > limit_on:
            raise ValidationError(_cap_message(limit_on), code="deadline_over_cap")
        sentences.append(_cap_sentence(rule=rule, limit_on=limit_on))
    return _finish(
        rule=rule, start=start, due_on=due_on, sentences=sentences, limit_on=limit_on
    )


def _backward_due(
    *, rule: DeadlineRule, start: date | datetime, term: int, calendar: WorkingCalendar
) -> DueDate:
    day = _local_date(start)
    due_on = _before(rule=rule, day=day, term=term, calendar=calendar)
    sentences = [_main_sentence(rule=rule, term=term, start=day, due=due_on)]
    if rule.unit is DeadlineUnit.WORKING_DAYS:
        counted = date_range(due_on, day - ONE_DAY)
        sentences += _martial_law_sentence(counted=counted, calendar=calendar)
    return _finish(rule=rule, start=start, due_on=due_on, sentences=sentences)


def _hours_due(*, rule: DeadlineRule, start: date | datetime, term: int) -> DueDate:
    if not isinstance(start, datetime) or timezone.is_naive(start):
        raise ValueError("An hour rule needs an aware datetime as its start")
    # Clock hours elapse in absolute time; Kyiv's summer-time change shifts
    # the wall-clock reading, never the length of the term (TIME-10).
    due_at = timezone.localtime(start.astimezone(UTC) + timedelta(hours=term))
    sentence = _main_sentence(rule=rule, term=term, start=start, due=due_at)
    return _finish(
        rule=rule,
        start=start,
        due_on=due_at.date(),
        due_at=due_at,
        sentences=[sentence],
    )


def _local_date(start: date | datetime) -> date:
    if not isinstance(start, datetime):
        return start
    if timezone.is_naive(start):
        raise ValueError("A deadline needs an aware datetime or a date as its start")
    return timezone.localtime(start).date()


def _after(
    *, rule: DeadlineRule, day: date, term: int, calendar: WorkingCalendar
) -> date:
    if rule.unit is DeadlineUnit.WORKING_DAYS:
        return add_working_days(start=day, count=term, calendar=calendar)
    if rule.unit is DeadlineUnit.MONTHS:
        return add_months(day, term)
    return day + timedelta(days=term)


def _before(
    *, rule: DeadlineRule, day: date, term: int, calendar: WorkingCalendar
) -> date:
    if rule.unit is DeadlineUnit.WORKING_DAYS:
        return working_days_before(
            day=day,
            count=term,
            publication_day_counts=rule.publication_day_counts,
            calendar=calendar,
        )
    if rule.unit is not DeadlineUnit.CALENDAR_DAYS:
        raise ValueError("A rule running before an event counts days")
    # The same reading as for working days: by default ``term`` full days
    # lie strictly between the result and the event.
    return day - timedelta(days=term if rule.publication_day_counts else term + 1)


def add_months(day: date, months: int) -> date:
    """The same day number ``months`` later, else that month's last day.

    TIME-09: one month from 31 January is 28 (or 29) February.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = gregorian.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _shift(day: date, *, shift: DeadlineShift, calendar: WorkingCalendar) -> date:
    if shift is DeadlineShift.NONE:
        return day
    step = -ONE_DAY if shift is DeadlineShift.PREVIOUS_WORKING else ONE_DAY
    while not calendar.is_working_day(day):
        day += step
    return day


def _finish(
    *,
    rule: DeadlineRule,
    start: date | datetime,
    due_on: date,
    sentences: list[str],
    due_at: datetime | None = None,
    limit_on: date | None = None,
) -> DueDate:
    return DueDate(
        rule_code=rule.code,
        start=start,
        due_on=due_on,
        due_at=due_at,
        limit_on=limit_on,
        explanation=" ".join(sentences),
    )


def _day(day: date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def _moment(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _when(value: date | datetime) -> str:
    return _moment(value) if isinstance(value, datetime) else _day(value)


def _term(*, rule: DeadlineRule, term: int, start: date | datetime) -> str:
    values = {"count": term, "start": _when(start)}
    if rule.direction is DeadlineDirection.BEFORE:
        if rule.unit is DeadlineUnit.WORKING_DAYS:
            return (
                ngettext(
                    "%(count)d full working day before %(start)s",
                    "%(count)d full working days before %(start)s",
                    term,
                )
                % values
            )
        return (
            ngettext(
                "%(count)d full day before %(start)s",
                "%(count)d full days before %(start)s",
                term,
            )
            % values
        )
    if rule.unit is DeadlineUnit.WORKING_DAYS:
        return (
            ngettext(
                "%(count)d working day after %(start)s",
                "%(count)d working days after %(start)s",
                term,
            )
            % values
        )
    if rule.unit is DeadlineUnit.MONTHS:
        return (
            ngettext(
                "%(count)d month after %(start)s",
                "%(count)d months after %(start)s",
                term,
            )
            % values
        )
    if rule.unit is DeadlineUnit.HOURS:
        return (
            ngettext(
                "%(count)d hour after %(start)s",
                "%(count)d hours after %(start)s",
                term,
            )
            % values
        )
    return (
        ngettext(
            "%(count)d calendar day after %(start)s",
            "%(count)d calendar days after %(start)s",
            term,
        )
        % values
    )


def _main_sentence(
    *, rule: DeadlineRule, term: int, start: date | datetime, due: date | datetime
) -> str:
    values = {
        "title": rule.title,
        "due": _when(due),
        "term": _term(rule=rule, term=term, start=start),
        "source": rule.legal_source,
    }
    if rule.direction is DeadlineDirection.BEFORE:
        return _("%(title)s: at the latest on %(due)s, %(term)s (%(source)s).") % values
    return _("%(title)s: due %(due)s, %(term)s (%(source)s).") % values


def _shift_sentence(*, raw: date, shift: DeadlineShift) -> str:
    if shift is DeadlineShift.PREVIOUS_WORKING:
        message = _("%(day)s is a day off, so the term ends on the working day before.")
    else:
        message = _("%(day)s is a day off, so the term ends on the next working day.")
    return message % {"day": _day(raw)}


def _martial_law_sentence(
    *, counted: Iterable[date], calendar: WorkingCalendar
) -> list[str]:
    if not any(calendar.is_suspended_holiday(day) for day in counted):
        return []
    return [
        _(
            "Under martial law public holidays are working days "
            "(Law of Ukraine No. 2136-IX, art. 6)."
        )
    ]


def _cap_sentence(*, rule: DeadlineRule, limit_on: date) -> str:
    cap = rule.cap_days or 0
    return ngettext(
        "An extension may not go beyond %(limit)s, %(count)d day in total.",
        "An extension may not go beyond %(limit)s, %(count)d days in total.",
        cap,
    ) % {"limit": _day(limit_on), "count": cap}


def _cap_message(limit_on: date) -> str:
    return _("The term may not go beyond %(limit)s.") % {"limit": _day(limit_on)}
