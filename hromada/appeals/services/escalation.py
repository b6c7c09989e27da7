"""Multi-level control of appeals' terms, as Kharkiv's dispatch service
keeps it (R1): the enterprise's dispatcher and the executor hear first,
the controlling department next, the deputy mayor last.

Every morning one digest per person lists the appeals that concern them:

- *at risk* — due within ``RISK_DAYS``: the executor, or, while nobody
  is assigned, the unit's dispatchers and head;
- *overdue* — past the due date: also the controller and the unit's head;
- *long overdue* — more than ``LONG_OVERDUE_DAYS`` late: also the city's
  leadership (deputy mayors, the mayor).

A digest is sent once per person per day (the outbox's key); sending it
changes no appeal, so there is nothing to audit.
"""

from collections import defaultdict
from datetime import date, timedelta
from typing import Final

from django.db import transaction
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.appeals.models import OPEN_STATUSES, Appeal
from hromada.notifications import services as notification_services
from hromada.org import selectors as org_selectors

RISK_DAYS: Final = 2
LONG_OVERDUE_DAYS: Final = 5
LINES_MAX: Final = 50
LEADERSHIP_ROLES: Final = (Role.MAYOR, Role.DEPUTY_MAYOR)


def level_of(appeal: Appeal, *, today: date) -> str:
    """«at risk», «overdue» or «long overdue» (translated)."""
    if appeal.due_on >= today:
        return _("at risk")
    if appeal.due_on >= today - timedelta(days=LONG_OVERDUE_DAYS):
        return _("overdue")
    return _("long overdue")


class _People:
    """Who answers for a unit, looked up once per unit per run."""

    def __init__(self) -> None:
        self._units: dict[int, set[int]] = {}
        self._leadership: set[int] | None = None

    def unit_keepers(self, unit_id: int) -> set[int]:
        """The unit's head and dispatchers today."""
        if unit_id not in self._units:
            employees = org_selectors.employee_list_current().filter(
                position__org_unit_id=unit_id
            )
            self._units[unit_id] = {
                e.user_id
                for e in employees
                if e.position.is_head or e.position.role == Role.DISPATCHER
            }
        return self._units[unit_id]

    def leadership(self) -> set[int]:
        """The mayor and the deputy mayors."""
        if self._leadership is None:
            self._leadership = set(
                User.objects.filter(
                    is_active=True, groups__name__in=[r.value for r in LEADERSHIP_ROLES]
                ).values_list("pk", flat=True)
            )
        return self._leadership


def _recipients(appeal: Appeal, *, today: date, people: _People) -> set[int]:
    keepers = people.unit_keepers(appeal.unit_id) if appeal.unit_id else set()
    found = {appeal.executor_id} if appeal.executor_id else set(keepers)
    if appeal.due_on < today:
        found |= keepers
        if appeal.controller_id:
            found.add(appeal.controller_id)
    if appeal.due_on < today - timedelta(days=LONG_OVERDUE_DAYS):
        found |= people.leadership()
    return found


@transaction.atomic
def appeals_escalate(*, today: date) -> int:
    """Send today's digests; returns how many people got one."""
    appeals = (
        Appeal.objects.filter(
            status__in=OPEN_STATUSES, due_on__lte=today + timedelta(days=RISK_DAYS)
        )
        .only(
            "id", "number", "title", "due_on", "unit_id", "executor_id", "controller_id"
        )
        .order_by("due_on", "id")
    )
    people = _People()
    digests: dict[int, list[Appeal]] = defaultdict(list)
    for appeal in appeals.iterator(chunk_size=1000):
        for user_id in _recipients(appeal, today=today, people=people):
            digests[user_id].append(appeal)
    users = User.objects.filter(pk__in=digests, is_active=True)
    for user in users:
        listed = digests[user.pk]
        lines = [
            f"{appeal.number} — {appeal.title[:80]} — "
            f"{appeal.due_on:%d.%m.%Y} ({level_of(appeal, today=today)})"
            for appeal in listed[:LINES_MAX]
        ]
        notification_services.notification_send(
            recipient=user,
            template="appeals/escalation",
            context={
                "count": len(listed),
                "overdue": sum(appeal.due_on < today for appeal in listed),
                "lines": "\n".join(lines),
                "more": max(len(listed) - LINES_MAX, 0),
                "queue_path": "/cabinet/appeals/",
            },
            dedup_key=f"appeals.escalation:{user.pk}:{today.isoformat()}",
        )
    return len(users)
