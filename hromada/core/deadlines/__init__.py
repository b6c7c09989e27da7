"""The one deadline service: working-day calendar, named rules, due dates.

Every statutory clock in Hromada comes from here (DOMAIN.md TIME-01): a room
calls ``deadline_compute(rule_code=..., start=...)`` and stores the rule code
and the due date it gets back.
"""

from hromada.core.deadlines.compute import (
    DueDate,
    add_months,
    deadline_compute,
    deadline_extend,
    deadline_rule_get,
)
from hromada.core.deadlines.rules import (
    RULES,
    Confidence,
    DeadlineDirection,
    DeadlineRule,
    DeadlineShift,
    DeadlineUnit,
)
from hromada.core.deadlines.working_calendar import (
    StatutoryYear,
    WorkingCalendar,
    add_working_days,
    calendar_current,
    is_working_day,
    statutory_year,
    working_days_before,
    working_days_between,
)

__all__ = [
    "RULES",
    "Confidence",
    "DeadlineDirection",
    "DeadlineRule",
    "DeadlineShift",
    "DeadlineUnit",
    "DueDate",
    "StatutoryYear",
    "WorkingCalendar",
    "add_months",
    "add_working_days",
    "calendar_current",
    "deadline_compute",
    "deadline_extend",
    "deadline_rule_get",
    "is_working_day",
    "statutory_year",
    "working_days_before",
    "working_days_between",
]
