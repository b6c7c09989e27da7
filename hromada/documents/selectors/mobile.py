"""Reads of the mobile cabinet: whom a head can name, what a card shows."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import QuerySet

from hromada.accounts.models import User
from hromada.documents.models import (
    ApprovalTask,
    DocumentFile,
    FileRole,
    FileVersion,
    Task,
)
from hromada.documents.permissions import control as control_permissions
from hromada.documents.permissions import visibility
from hromada.documents.selectors import files as file_selectors
from hromada.org import selectors as org_selectors

# A phone shows this many pages inline; the full preview page has the rest.
PREVIEW_PAGE_LIMIT = 10


@dataclass(frozen=True, kw_only=True, slots=True)
class PagePreview:
    """The pages of one version a phone shows, and how many there are."""

    version: FileVersion
    pages: range
    total: int

    @property
    def is_cut(self) -> bool:
        """Whether the version has more pages than are shown."""
        return self.total > len(self.pages)


def executor_list_for_head(*, user: User) -> QuerySet[User]:
    """Current staff of the units ``user`` heads (and below), by name.

    Leadership and the office with no unit of their own choose from all
    staff, as on the full resolution form.
    """
    units = org_selectors.org_unit_ids_headed_by(user=user)
    staff = org_selectors.employee_list_current()
    if units or not (
        control_permissions.is_leadership(user) or visibility.is_registrar(user)
    ):
        unit_ids = org_selectors.org_unit_descendant_ids(unit_ids=units)
        staff = staff.filter(position__org_unit_id__in=unit_ids)
    return User.objects.filter(pk__in=staff.values("user_id")).order_by(
        "last_name", "first_name", "pk"
    )


def main_version(files: list[DocumentFile]) -> FileVersion | None:
    """The latest version of the card's first main file (else first file).

    ``files`` come from ``files.document_file_list``, versions prefetched
    newest first, so this reads nothing more.
    """
    ordered = sorted(files, key=lambda f: f.role != FileRole.MAIN)
    for document_file in ordered:
        versions = list(document_file.versions.all())
        if versions:
            return versions[0]
    return None


def page_preview(version: FileVersion | None) -> PagePreview | None:
    """The pages of ``version`` to show inline, or None without previews."""
    if version is None:
        return None
    total = version.page_count or 0
    if total == 0 and version.stored_file.content_type in file_selectors.IMAGE_TYPES:
        total = 1
    if total == 0:
        return None
    shown = min(total, PREVIEW_PAGE_LIMIT)
    return PagePreview(version=version, pages=range(1, shown + 1), total=total)


def tasks_by_resolution(tasks: QuerySet[Task]) -> dict[int, list[Task]]:
    """A card's tasks grouped by resolution id, in the queryset's order."""
    grouped: dict[int, list[Task]] = {}
    for task in tasks:
        grouped.setdefault(task.resolution_id, []).append(task)
    return grouped


def approval_decided_exists(*, user: User, public_id: UUID) -> bool:
    """Whether ``user`` has already decided the approval task ``public_id``.

    Tells a repeated submit apart from someone else's task, which stays 404.
    """
    return ApprovalTask.objects.filter(public_id=public_id, decided_by=user).exists()
