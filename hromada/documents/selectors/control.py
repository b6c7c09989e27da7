"""Reads of control of execution, one name for the three modules below.

``control_tasks`` holds the scoped lists of resolutions, tasks and reports;
``control_inbox`` the "Today" page; ``counters`` its badge;
``control_reports`` the control journal and the discipline report. Callers
import this module.
"""

from hromada.documents.selectors.control_inbox import (
    APPROVING_KINDS,
    SECTION_LIMIT,
    SIGNING_KINDS,
    DeskItem,
    DeskSubject,
    Inbox,
    inbox_for_user,
)
from hromada.documents.selectors.control_reports import (
    COUNTS,
    DisciplineReport,
    DisciplineRow,
    JournalStatus,
    control_journal,
    discipline_report,
)
from hromada.documents.selectors.control_tasks import (
    AT_RISK_WORKING_DAYS,
    CONTROLLED_ROLES,
    OPEN_STATUSES,
    Urgency,
    deadline_change_list_for_task,
    document_list_visible,
    reply_document_list_for_task,
    report_file_list,
    report_list_for_task,
    report_list_for_user,
    report_list_with_files,
    resolution_list_for_document,
    resolution_list_for_user,
    task_held_since,
    task_list_for_document,
    task_list_for_resolution,
    task_list_for_user,
    task_list_with_desk,
    urgency_of,
)
from hromada.documents.selectors.counters import inbox_counter

__all__ = [
    "APPROVING_KINDS",
    "AT_RISK_WORKING_DAYS",
    "CONTROLLED_ROLES",
    "COUNTS",
    "OPEN_STATUSES",
    "SECTION_LIMIT",
    "SIGNING_KINDS",
    "DeskItem",
    "DeskSubject",
    "DisciplineReport",
    "DisciplineRow",
    "Inbox",
    "JournalStatus",
    "Urgency",
    "control_journal",
    "deadline_change_list_for_task",
    "discipline_report",
    "document_list_visible",
    "inbox_counter",
    "inbox_for_user",
    "reply_document_list_for_task",
    "report_file_list",
    "report_list_for_task",
    "report_list_for_user",
    "report_list_with_files",
    "resolution_list_for_document",
    "resolution_list_for_user",
    "task_held_since",
    "task_list_for_document",
    "task_list_for_resolution",
    "task_list_for_user",
    "task_list_with_desk",
    "urgency_of",
]
