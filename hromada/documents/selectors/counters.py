"""The cabinet menu's badges of the documents room, in one query.

"Today" counts what the "Today" page lists for a person themself: cards
to register or to resolve, draft resolutions to approve, tasks to execute
or to read, reports to review, extensions to decide and the approvals
waiting for them personally. "To approve and sign" counts the approvals
of everyone they act for. Both come from one query, asked once per request
(``core.request_context.request_memo``): the menu shows on every cabinet
page, so its price is paid on every page (bench/edms.py, E2).
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import IntegerField, QuerySet, Subquery

from hromada.accounts.models import User
from hromada.core.request_context import request_memo
from hromada.documents.models import Task, TaskRole, TaskStatus
from hromada.documents.selectors import desk_sections
from hromada.documents.selectors.control_tasks import CONTROLLED_ROLES
from hromada.documents.selectors.routes import (
    approvals_acting_for_q,
    approvals_pending,
)


@dataclass(frozen=True, kw_only=True, slots=True)
class DeskCounts:
    """What waits for one person, section by section, as the badges count.

    Each count is named after its "Today" section and counts that
    section's rows for the person alone (``desk_sections``), or more:
    tasks are counted without asking whether their resolution is active,
    which an open task's always is.
    ``approvals_own`` waits for them personally, ``approvals`` for them
    and everyone they act for.
    """

    to_register: int = 0
    to_resolve: int = 0
    resolutions_to_approve: int = 0
    to_execute: int = 0
    informed: int = 0
    to_review: int = 0
    extensions_to_decide: int = 0
    approvals_own: int = 0
    approvals: int = 0

    @property
    def desk(self) -> int:
        """Everything on "Today" but the approvals."""
        return (
            self.to_register
            + self.to_resolve
            + self.resolutions_to_approve
            + self.to_execute
            + self.informed
            + self.to_review
            + self.extensions_to_decide
        )


# A section counts at most this many rows: the badge says "99+" beyond
# (ui.navigation.MenuItem), and a person with thousands of tasks pays for
# counting a hundred on every page, not thousands.
COUNT_CAP = 100


class _CappedCount(Subquery):
    """How many rows a sliced query gives: COUNT over ``LIMIT COUNT_CAP``."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS capped)"
    output_field = IntegerField()


def _count(rows: QuerySet[Any]) -> Subquery:
    """A scalar subquery counting ``rows``, up to ``COUNT_CAP``."""
    return _CappedCount(rows.order_by().values("pk")[:COUNT_CAP])


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
    mine = Task.objects.filter(executor=user, status=TaskStatus.ASSIGNED)
    me = frozenset({user.pk})
    desk = {
        "resolutions_to_approve": desk_sections.drafts_rows(me),
        "to_execute": mine.filter(role__in=CONTROLLED_ROLES),
        "informed": mine.filter(role=TaskRole.FOR_INFORMATION),
        "to_review": Task.objects.filter(reviewer=user, status=TaskStatus.REPORTED),
        "extensions_to_decide": desk_sections.extensions_to_decide_rows(me),
    }
    for key, rows in (
        ("to_register", desk_sections.to_register_rows(user)),
        ("to_resolve", desk_sections.to_resolve_rows(user, me)),
    ):
        if rows is not None:
            desk[key] = rows
    # The rows of routes.approval_list_for_user: most people substitute
    # nobody, and then one count serves both badges.
    pending = approvals_pending()
    counts = {key: _count(rows) for key, rows in desk.items()}
    counts["approvals_own"] = _count(pending.filter(participant=user))
    acting = approvals_acting_for_q(user)
    if acting is not None:
        counts["acting"] = _count(pending.exclude(participant=user).filter(acting))
    row = User.objects.filter(pk=user.pk).annotate(**counts).values(*counts).get()
    acting_count = row.pop("acting", 0)
    return DeskCounts(**row, approvals=row["approvals_own"] + acting_count)


def inbox_counter(user: User) -> int:
    """The "Today" badge: the number of the person's own items on "Today".

    Items of the people ``user`` acts for show on the page, not here; nor
    does "Overdue", whose items are in the other sections already.
    """
    counts = desk_counts(user)
    return counts.desk + counts.approvals_own


def approval_count_for_user(user: User) -> int:
    """The "To approve and sign" badge, substitutions included."""
    return desk_counts(user).approvals
