"""The cabinet menu's badges of the documents room, in one query.

"Today" counts the tasks a person executes or reviews and the approvals
waiting for them personally; "To approve and sign" counts the approvals of
everyone they act for. Both come from one query, asked once per request
(``core.request_context.request_memo``): the menu shows on every cabinet
page, so its price is paid on every page (bench/edms.py, E2).
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import F, Func, IntegerField, Q, QuerySet, Subquery

from hromada.accounts.models import User
from hromada.core.request_context import request_memo
from hromada.documents.models import (
    Task,
    TaskStatus,
)
from hromada.documents.selectors.control_tasks import CONTROLLED_ROLES
from hromada.documents.selectors.routes import (
    approvals_acting_for_q,
    approvals_pending,
)


@dataclass(frozen=True, kw_only=True, slots=True)
class DeskCounts:
    """What waits for one person, as the menu's badges show it."""

    tasks: int = 0
    approvals_own: int = 0
    approvals: int = 0


def _count(rows: QuerySet[Any]) -> Subquery:
    """A scalar subquery counting ``rows``: COUNT without GROUP BY."""
    counted = rows.order_by().annotate(
        n=Func(F("pk"), function="COUNT", output_field=IntegerField())
    )
    return Subquery(counted.values("n"), output_field=IntegerField())


def desk_counts(user: User) -> DeskCounts:
    """The badges' numbers for ``user``: one query, once per request."""
    if not user.is_active:
        return DeskCounts()
    return request_memo(("documents.desk_counts", user.pk), lambda: _query(user))


def _query(user: User) -> DeskCounts:
    # An open task always hangs on an active resolution: a draft has no
    # tasks until it is signed, and cancelling a resolution cancels its
    # open tasks (services/control_cancel.py). Not joining the resolutions
    # spares a lookup per counted task; for the head of a large unit the
    # join also made PostgreSQL start parallel workers for a 2 ms count
    # (bench/edms.py, E3).
    tasks = Task.objects.filter(
        Q(executor=user, status=TaskStatus.ASSIGNED, role__in=CONTROLLED_ROLES)
        | Q(reviewer=user, status=TaskStatus.REPORTED),
        closed_by__isnull=True,
    )
    # The rows of routes.approval_list_for_user: most people substitute
    # nobody, and then one count serves both badges.
    pending = approvals_pending()
    counts = {
        "n_tasks": _count(tasks),
        "n_own": _count(pending.filter(participant=user)),
    }
    acting = approvals_acting_for_q(user)
    if acting is not None:
        counts["n_acting"] = _count(pending.exclude(participant=user).filter(acting))
    row = User.objects.filter(pk=user.pk).annotate(**counts).values(*counts).get()
    return DeskCounts(
        tasks=row["n_tasks"],
        approvals_own=row["n_own"],
        approvals=row["n_own"] + row.get("n_acting", 0),
    )


def inbox_counter(user: User) -> int:
    """The "Today" badge: tasks to execute or review, own approvals due.

    Items of the people ``user`` acts for show on the page, not here.
    """
    counts = desk_counts(user)
    return counts.tasks + counts.approvals_own


def approval_count_for_user(user: User) -> int:
    """The "To approve and sign" badge, substitutions included."""
    return desk_counts(user).approvals
