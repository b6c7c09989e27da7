"""Reads of resolutions, tasks and reports, scoped to what a user may see."""

from datetime import date, datetime

from django.db import models
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from hromada.accounts.models import User
from hromada.core import deadlines
from hromada.core.models import StoredFile
from hromada.documents.models import (
    DeadlineChange,
    Document,
    DocumentLink,
    DocumentStatus,
    LinkKind,
    Resolution,
    Task,
    TaskReport,
    TaskRole,
    TaskStatus,
)
from hromada.documents.permissions import visibility

# Fewer working days than this left before the due date: "at risk".
AT_RISK_WORKING_DAYS = 2
OPEN_STATUSES = (TaskStatus.ASSIGNED, TaskStatus.REPORTED)
CONTROLLED_ROLES = (TaskRole.RESPONSIBLE, TaskRole.CO_EXECUTOR)


class Urgency(models.TextChoices):
    """How close an item is to its due date, as shown on the desk."""

    OVERDUE = "overdue", _("Overdue")
    DUE_TODAY = "due_today", _("Due today")
    AT_RISK = "at_risk", _("At risk")


def urgency_of(
    *, due_on: date | None, today: date, calendar: deadlines.WorkingCalendar
) -> Urgency | None:
    """Overdue, due today, at risk (two working days or fewer) or nothing."""
    if due_on is None:
        return None
    if due_on < today:
        return Urgency.OVERDUE
    if due_on == today:
        return Urgency.DUE_TODAY
    left = deadlines.working_days_between(start=today, end=due_on, calendar=calendar)
    return Urgency.AT_RISK if left <= AT_RISK_WORKING_DAYS else None


def task_held_since(task: Task) -> datetime:
    """Since when the task sits where it is, from ``task_list_with_desk``."""
    reported_at: datetime | None = getattr(task, "last_report_at", None)
    if task.status == TaskStatus.REPORTED and reported_at is not None:
        return reported_at
    returned_at: datetime | None = getattr(task, "last_review_at", None)
    if returned_at is not None and returned_at > task.assigned_at:
        return returned_at
    return task.assigned_at


def task_list_with_desk(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """``tasks`` with the report moments that ``task_held_since`` reads."""
    reports = TaskReport.objects.filter(task=OuterRef("pk"))
    return tasks.annotate(
        last_report_at=Subquery(
            reports.order_by("-created_at").values("created_at")[:1]
        ),
        last_review_at=Subquery(
            reports.filter(reviewed_at__isnull=False)
            .order_by("-reviewed_at")
            .values("reviewed_at")[:1]
        ),
    )


def document_list_visible(*, user: User) -> QuerySet[Document]:
    """Cards ``user`` may see; the resolution form fetches its card here."""
    return Document.objects.filter(visibility.visible_documents_q(user))


def task_list_for_user(*, user: User) -> QuerySet[Task]:
    """Tasks on cards ``user`` may see; views fetch single tasks from here.

    "Its card is visible" is asked of each task (EXISTS), not "its card is
    in the visible cards": SQLite built the whole list of visible cards
    first, checking every card of the history (the control journal took
    4.7 s at 10 % of bench/edms.py's history).
    """
    visible = document_list_visible(user=user).filter(pk=OuterRef("document_id"))
    return (
        task_list_with_desk(Task.objects.filter(Exists(visible)))
        .select_related("document", "resolution", "executor", "controller")
        .order_by("due_on", "pk")
    )


def resolution_list_for_user(*, user: User) -> QuerySet[Resolution]:
    """Resolutions on cards ``user`` may see, cards and authors joined."""
    return Resolution.objects.filter(
        document__in=document_list_visible(user=user)
    ).select_related("document", "author", "parent_task")


def task_list_for_document(*, document: Document) -> QuerySet[Task]:
    """A card's tasks in resolution order, for the tasks panel."""
    return (
        task_list_with_desk(Task.objects.filter(document=document))
        .select_related("resolution", "executor", "controller", "closed_by")
        .order_by("resolution__created_at", "resolution_id", "role", "pk")
    )


def task_list_for_resolution(*, resolution: Resolution) -> QuerySet[Task]:
    """A resolution's tasks, responsible executor first, people joined."""
    return (
        Task.objects.filter(resolution=resolution)
        .select_related("executor")
        .order_by("role", "pk")
    )


def resolution_list_for_document(*, document: Document) -> QuerySet[Resolution]:
    """A card's resolutions, oldest first, authors joined."""
    return (
        Resolution.objects.filter(document=document)
        .select_related(
            "author",
            "entered_by",
            "controller",
            "parent_task",
            "parent_task__resolution",
        )
        .order_by("created_at", "pk")
    )


def report_list_for_task(*, task: Task) -> QuerySet[TaskReport]:
    """A task's reports, oldest first, with their reply card."""
    return (
        TaskReport.objects.filter(task=task)
        .select_related("author", "reviewed_by", "reply_document")
        .order_by("created_at", "pk")
    )


def report_list_with_files(*, task: Task) -> QuerySet[TaskReport]:
    """A task's reports as ``report_list_for_task``, with their files."""
    return report_list_for_task(task=task).prefetch_related("files")


def report_list_for_user(*, user: User) -> QuerySet[TaskReport]:
    """Reports on tasks of cards ``user`` may see, task and card joined."""
    return TaskReport.objects.filter(
        task__document__in=document_list_visible(user=user)
    ).select_related("task", "task__document")


def report_file_list(*, report: TaskReport) -> QuerySet[StoredFile]:
    """The files attached to ``report``; scope the report first."""
    attached = TaskReport.files.through.objects.filter(taskreport=report)
    return StoredFile.objects.filter(pk__in=attached.values("storedfile_id"))


def reply_document_list_for_task(*, task: Task, user: User) -> QuerySet[Document]:
    """Replies to the task's card that ``user`` may see, newest first.

    The choices of a report's reply document: cards linked ``reply_to`` the
    task's card (a reply drafted from it, EDMS-17), not voided.
    """
    replies = DocumentLink.objects.filter(
        target_id=task.document_id, kind=LinkKind.REPLY_TO
    ).values("source_id")
    return (
        document_list_visible(user=user)
        .filter(pk__in=replies)
        .exclude(status=DocumentStatus.CANCELLED)
        .order_by("-created_at", "-pk")
    )


def deadline_change_list_for_task(*, task: Task) -> QuerySet[DeadlineChange]:
    """A task's extension requests, newest first."""
    return DeadlineChange.objects.filter(task=task).select_related(
        "requested_by", "decided_by"
    )
