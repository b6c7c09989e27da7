"""Reads of the control journal and the executive-discipline report."""

from dataclasses import dataclass
from datetime import date

from django.db import connection, models
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hromada.accounts.models import User
from hromada.documents.models import ResolutionStatus, Task, TaskStatus
from hromada.documents.selectors.control_tasks import (
    CONTROLLED_ROLES,
    OPEN_STATUSES,
    task_list_for_user,
)
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit


class JournalStatus(models.TextChoices):
    """The status filter of the control journal."""

    ON_CONTROL = "on_control", _("On control")
    OVERDUE = "overdue", _("Overdue")
    DONE = "done", _("Done")
    REMOVED = "removed", _("Removed from control")


def control_journal(
    *,
    user: User,
    org_unit: OrgUnit | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    status: str = "",
    today: date | None = None,
) -> QuerySet[Task]:
    """Tasks on control on cards ``user`` may see, soonest due first.

    Cancelled tasks and tasks of cancelled resolutions are left out.
    ``org_unit`` keeps the executors working in it or below it; the dates
    bound the day a task was given; ``status`` is a ``JournalStatus``.
    """
    today = today or timezone.localdate()
    tasks = (
        task_list_for_user(user=user)
        .filter(role__in=CONTROLLED_ROLES, resolution__status=ResolutionStatus.ACTIVE)
        .exclude(status=TaskStatus.CANCELLED)
    )
    if org_unit is not None:
        tasks = tasks.filter(_executor_in_units_q(org_unit))
    if date_from is not None:
        tasks = tasks.filter(assigned_at__date__gte=date_from)
    if date_to is not None:
        tasks = tasks.filter(assigned_at__date__lte=date_to)
    return tasks.filter(_journal_status_q(status, today))


def _journal_status_q(status: str, today: date) -> Q:
    match status:
        case JournalStatus.ON_CONTROL:
            return Q(closed_by__isnull=True, status__in=OPEN_STATUSES)
        case JournalStatus.OVERDUE:
            return Q(closed_by__isnull=True, status__in=OPEN_STATUSES, due_on__lt=today)
        case JournalStatus.DONE:
            return Q(status=TaskStatus.DONE)
        case JournalStatus.REMOVED:
            return Q(closed_by__isnull=False)
    return Q()


def _executor_in_units_q(org_unit: OrgUnit) -> Q:
    """Tasks of the people working in ``org_unit`` or below it today.

    On PostgreSQL the people are read first (a unit has hundreds, the
    council 1,500 at most): "executor in (these ids)" lets it count by the
    executor index, where a staff lookup per task walked the tasks of the
    whole city (bench/edms.py, E3: 65 -> 21 ms). SQLite, given the ids,
    leads with that index and sorts every task of the unit (5 s at 10 %);
    asked per task, it keeps reading in due order and stops at a page.
    """
    unit_ids = org_selectors.org_unit_descendant_ids(unit_ids=frozenset({org_unit.pk}))
    employed = org_selectors.employee_list_current().filter(
        position__org_unit_id__in=unit_ids
    )
    if connection.vendor == "sqlite":
        return Q(Exists(employed.filter(user=OuterRef("executor_id"))))
    people = employed.order_by().values_list("user_id", flat=True).distinct()
    return Q(executor_id__in=list(people))


@dataclass(frozen=True, kw_only=True, slots=True)
class DisciplineRow:
    """One line of the executive-discipline report (EDMS-13)."""

    name: str
    received: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0
    in_progress: int = 0
    unit_name: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class DisciplineReport:
    """Rows per unit and per executor, with the council's total."""

    date_from: date
    date_to: date
    units: list[DisciplineRow]
    executors: list[DisciplineRow]
    total: DisciplineRow


COUNTS = ("received", "done_on_time", "done_late", "overdue", "in_progress")


def discipline_report(
    *,
    org_unit: OrgUnit | None = None,
    date_from: date,
    date_to: date,
    today: date | None = None,
) -> DisciplineReport:
    """Tasks given in the period counted per unit and executor (EDMS-13).

    One grouped query, plus one for unit names. An executor counts in the
    unit of their current post (a head post first).
    """
    today = today or timezone.localdate()
    grouped = _discipline_grouped(
        org_unit=org_unit, date_from=date_from, date_to=date_to, today=today
    )
    unit_names = dict(
        OrgUnit.objects.filter(pk__in={row[0] for row in grouped}).values_list(
            "pk", "name"
        )
    )
    no_unit = str(_("No current post"))
    executors: list[DisciplineRow] = []
    per_unit: dict[int | None, dict[str, int]] = {}
    for unit_id, person, counts in grouped:
        unit_name = unit_names.get(unit_id, no_unit) if unit_id else no_unit
        executors.append(_row(name=person, unit_name=unit_name, counts=counts))
        unit_counts = per_unit.setdefault(unit_id, dict.fromkeys(COUNTS, 0))
        for name in COUNTS:
            unit_counts[name] += counts[name]
    units = sorted(
        (
            _row(
                name=unit_names.get(unit_id, no_unit) if unit_id else no_unit,
                counts=counts,
            )
            for unit_id, counts in per_unit.items()
        ),
        key=lambda r: r.name,
    )
    total = {name: sum(getattr(u, name) for u in units) for name in COUNTS}
    return DisciplineReport(
        date_from=date_from,
        date_to=date_to,
        units=units,
        executors=sorted(executors, key=lambda r: (r.unit_name, r.name)),
        total=_row(name=str(_("Total")), counts=total),
    )


def _row(*, name: str, counts: dict[str, int], unit_name: str = "") -> DisciplineRow:
    return DisciplineRow(
        name=name,
        unit_name=unit_name,
        received=counts["received"],
        done_on_time=counts["done_on_time"],
        done_late=counts["done_late"],
        overdue=counts["overdue"],
        in_progress=counts["in_progress"],
    )


def _discipline_grouped(
    *, org_unit: OrgUnit | None, date_from: date, date_to: date, today: date
) -> list[tuple[int | None, str, dict[str, int]]]:
    unit = Subquery(
        org_selectors.employee_list_current(on=today)
        .filter(user=OuterRef("executor_id"))
        .order_by("-position__is_head", "pk")
        .values("position__org_unit_id")[:1]
    )
    tasks = (
        Task.objects.filter(
            role__in=CONTROLLED_ROLES,
            resolution__status=ResolutionStatus.ACTIVE,
            assigned_at__date__gte=date_from,
            assigned_at__date__lte=date_to,
        )
        .exclude(status=TaskStatus.CANCELLED)
        .annotate(unit_id=unit)
    )
    if org_unit is not None:
        ids = org_selectors.org_unit_descendant_ids(unit_ids=frozenset({org_unit.pk}))
        tasks = tasks.filter(unit_id__in=ids)
    done = Q(status=TaskStatus.DONE)
    rows = (
        tasks.values(
            "unit_id", "executor_id", "executor__last_name", "executor__first_name"
        )
        .annotate(
            received=Count("pk"),
            done_on_time=Count("pk", filter=done & Q(done_on__lte=F("due_on"))),
            done_late=Count("pk", filter=done & Q(done_on__gt=F("due_on"))),
            overdue=Count("pk", filter=~done & Q(due_on__lt=today)),
            in_progress=Count("pk", filter=~done & Q(due_on__gte=today)),
        )
        .order_by("unit_id", "executor__last_name", "executor_id")
    )
    return [
        (
            row["unit_id"],
            f"{row['executor__last_name']} {row['executor__first_name']}".strip(),
            {name: int(row[name]) for name in COUNTS},
        )
        for row in rows
    ]
