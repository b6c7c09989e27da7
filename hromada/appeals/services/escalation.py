"""Multi-level control of appeals' terms, as Kharkiv's dispatch service
keeps it (R1): the enterprise's dispatcher and the executor hear first,
the controlling department next, the deputy mayor last.

Every morning one digest per person lists the appeals that concern them:

- *at risk* — due within ``RISK_DAYS``: the executor, or, while nobody
  is assigned, the unit's dispatchers and head;
- *overdue* — past the due date: also the controller and the unit's head;
- *long overdue* — more than ``LONG_OVERDUE_DAYS`` late: also the city's
  leadership (deputy mayors, the mayor);
- *to route or forward* — an appeal no unit has yet, whose five days to be
  forwarded if it is not the council's matter (Закон «Про звернення
  громадян», ст. 7; D4) end within ``RISK_DAYS``: the desk (the contact
  centre's operators and the office).

A digest is sent once per person per day (the outbox's key); sending it
changes no appeal, so there is nothing to audit.
"""

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Final

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.appeals.models import OPEN_STATUSES, Appeal, AppealStatus
from hromada.core import deadlines
from hromada.notifications import services as notification_services
from hromada.org import selectors as org_selectors

RISK_DAYS: Final = 2
LONG_OVERDUE_DAYS: Final = 5
LINES_MAX: Final = 50
LEADERSHIP_ROLES: Final = (Role.MAYOR, Role.DEPUTY_MAYOR)
DESK_ROLES: Final = (Role.CONTACT_CENTRE_OPERATOR, Role.REGISTRAR)


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
            self._leadership = _holders(LEADERSHIP_ROLES)
        return self._leadership


def _holders(roles: tuple[Role, ...]) -> set[int]:
    return set(
        User.objects.filter(
            is_active=True, groups__name__in=[r.value for r in roles]
        ).values_list("pk", flat=True)
    )


def forward_by(appeal: Appeal) -> date:
    """The last day to forward an appeal that is not the council's (D4)."""
    start = timezone.localtime(appeal.registered_at).date()
    return deadlines.deadline_compute(rule_code="appeal.forward", start=start).due_on


def _unrouted(*, today: date) -> list[tuple[Appeal, date]]:
    """Registered appeals no unit has, whose forwarding term nears."""
    # A loose bound for the index (a day of slack); forward_by decides.
    term = deadlines.deadline_rule_get("appeal.forward").amount
    last_day = today + timedelta(days=RISK_DAYS - term + 1)
    latest = timezone.make_aware(datetime.combine(last_day, time.max))
    appeals = Appeal.objects.filter(
        status=AppealStatus.REGISTERED, unit__isnull=True, registered_at__lte=latest
    ).only("id", "number", "title", "registered_at", "due_on")
    found = []
    for appeal in appeals.order_by("registered_at", "id")[: LINES_MAX * 10]:
        day = forward_by(appeal)
        if day <= today + timedelta(days=RISK_DAYS):
            found.append((appeal, day))
    return found


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
    # Per person: (appeal, the date that matters, what is due then).
    digests: dict[int, list[tuple[Appeal, date, str]]] = defaultdict(list)
    for appeal in appeals.iterator(chunk_size=1000):
        level = level_of(appeal, today=today)
        for user_id in _recipients(appeal, today=today, people=people):
            digests[user_id].append((appeal, appeal.due_on, level))
    unrouted = _unrouted(today=today)
    if unrouted:
        route = _("to route or forward")
        for user_id in _holders(DESK_ROLES):
            digests[user_id].extend((a, day, route) for a, day in unrouted)
    users = User.objects.filter(pk__in=digests, is_active=True)
    for user in users:
        listed = sorted(digests[user.pk], key=lambda item: (item[1], item[0].pk))
        lines = [
            f"{appeal.number} — {appeal.title[:80]} — {day:%d.%m.%Y} ({level})"
            for appeal, day, level in listed[:LINES_MAX]
        ]
        notification_services.notification_send(
            recipient=user,
            template="appeals/escalation",
            context={
                "count": len(listed),
                "overdue": sum(day < today for _appeal, day, _level in listed),
                "lines": "\n".join(lines),
                "more": max(len(listed) - LINES_MAX, 0),
                "queue_path": "/cabinet/appeals/",
            },
            dedup_key=f"appeals.escalation:{user.pk}:{today.isoformat()}",
        )
    return len(users)
