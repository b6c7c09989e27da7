"""Reads of the staff's workplaces: queues, one appeal, who may answer it."""

from enum import StrEnum
from uuid import UUID

from django.db.models import Q, QuerySet

from hromada.accounts.models import User
from hromada.appeals import permissions
from hromada.appeals.models import (
    OPEN_STATUSES,
    AnswerStatus,
    Appeal,
    AppealAnswer,
    AppealAttachment,
    AppealStatus,
)
from hromada.org import selectors as org_selectors
from hromada.org.models import Employee


class Queue(StrEnum):
    """The views of the appeals workplace."""

    UNIT = "unit"  # my units' open appeals: to assign, in progress
    MINE = "mine"  # the appeals I answer
    REVIEW = "review"  # answers waiting for me as controller
    UNROUTED = "unrouted"  # what no rule routed (the desk routes it)
    ALL = "all"  # everything I may see


def appeal_queue(*, user: User, queue: Queue) -> QuerySet[Appeal]:
    """One queue of ``user``, privileged first, then by due date (APL-12)."""
    appeals = Appeal.objects.filter(permissions.staff_appeals_q(user))
    if queue == Queue.UNIT:
        appeals = appeals.filter(
            unit_id__in=org_selectors.org_unit_ids_for_user(user=user),
            status__in=OPEN_STATUSES,
        )
    elif queue == Queue.MINE:
        appeals = appeals.filter(executor=user, status=AppealStatus.IN_PROGRESS)
    elif queue == Queue.REVIEW:
        headed = org_selectors.org_unit_ids_headed_by(user=user)
        appeals = appeals.filter(
            Q(controller=user) | Q(unit_id__in=headed),
            status=AppealStatus.IN_PROGRESS,
            answer_drafts__status=AnswerStatus.SUBMITTED,
        )
    elif queue == Queue.UNROUTED:
        appeals = appeals.filter(unit__isnull=True, status=AppealStatus.REGISTERED)
    return appeals.select_related("category", "unit", "executor").order_by(
        "-privileged", "due_on", "pk"
    )


def appeal_get_staff(*, user: User, public_id: UUID) -> Appeal | None:
    """One appeal ``user`` may handle, with what its page shows."""
    return (
        Appeal.objects.filter(permissions.staff_appeals_q(user), public_id=public_id)
        .select_related(
            "applicant",
            "category",
            "unit",
            "district",
            "executor",
            "controller",
            "document",
            "address__street",
            "routing_rule",
            "repeat_of",
            "duplicate_of",
        )
        .prefetch_related("co_signers", "author_categories")
        .first()
    )


def appeal_answers(*, appeal: Appeal) -> QuerySet[AppealAnswer]:
    """Every answer of every cycle, oldest first, with their authors."""
    return appeal.answer_drafts.select_related("author", "reviewed_by").order_by(
        "created_at", "pk"
    )


def appeal_attachments_all(*, appeal: Appeal) -> QuerySet[AppealAttachment]:
    """The applicant's files and the answers' files."""
    return appeal.attachments.select_related("stored_file").order_by("pk")


def executor_choices(*, appeal: Appeal) -> QuerySet[Employee]:
    """Who may be given the appeal: today's employees of its unit."""
    if appeal.unit_id is None:
        return Employee.objects.none()
    return org_selectors.employee_list_current(org_unit=appeal.unit)


def queue_counts(*, user: User) -> dict[Queue, int]:
    """How many appeals wait in each of the user's queues (capped at 100)."""
    return {
        queue: appeal_queue(user=user, queue=queue)[:100].count()
        for queue in (Queue.UNIT, Queue.MINE, Queue.REVIEW, Queue.UNROUTED)
    }
