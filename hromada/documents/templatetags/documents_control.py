"""The resolutions and tasks panel for a card's page."""

from functools import cache
from typing import Any

from django import template
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.translation import get_language

from hromada.documents.models import (
    Document,
    ResolutionStatus,
    ResolutionUrgency,
    TaskStatus,
)
from hromada.documents.permissions import control as permissions
from hromada.documents.selectors import control as selectors

register = template.Library()


@register.inclusion_tag("documents/_document_tasks.html", takes_context=True)
def document_tasks_panel(
    context: template.Context, document: Document, request: HttpRequest
) -> dict[str, Any]:
    """The card's resolutions with their tasks, and the "Resolve" link."""
    user = request.user
    resolutions = list(selectors.resolution_list_for_document(document=document))
    tasks = list(selectors.task_list_for_document(document=document))
    for resolution in resolutions:
        # The card itself: its visibility answer is kept on this instance.
        resolution.document = document
        resolution.panel_tasks = [t for t in tasks if t.resolution_id == resolution.pk]  # type: ignore[attr-defined]
        resolution.can_approve = (  # type: ignore[attr-defined]
            resolution.status == ResolutionStatus.DRAFT
            and bool(permissions.can_approve_resolution(user, resolution))
        )
        is_live = resolution.status != ResolutionStatus.CANCELLED
        resolution.can_cancel = is_live and bool(  # type: ignore[attr-defined]
            permissions.can_cancel_resolution(user, resolution)
        )
    may_resolve = bool(permissions.can_resolve_card(user, document))
    return {
        "tasks_panel": True,
        "document": document,
        "resolutions": resolutions,
        "open_statuses": (TaskStatus.ASSIGNED, TaskStatus.REPORTED),
        "can_resolve": may_resolve,
        # While nothing is resolved: «До справи» instead of a resolution.
        "can_close_to_file": may_resolve
        and not any(r.status != ResolutionStatus.CANCELLED for r in resolutions),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }


# Urgency of a task and the resolution's mark as GOV.UK tags: words, never
# colour alone. A tag rather than an include: "Today" and the control journal
# show them on every row, and an include per row cost a third of the page.
_URGENCY_COLOURS = {"overdue": "red", "due_today": "orange", "at_risk": "yellow"}
_MARK_COLOURS = {"immediate": "magenta", "urgent": "purple"}


@register.simple_tag
def desk_tags(urgency: Any = None, mark: Any = None) -> str:
    """GOV.UK tags for the urgency and the mark, if any."""
    return _desk_tags(
        str(urgency) if urgency is not None else "",
        str(mark) if mark is not None else "",
        get_language(),
    )


@cache
def _desk_tags(urgency: str, mark: str, language: str | None) -> str:
    """The tags of one (urgency, mark) in one language: a handful of them
    serve every row of a page, made once per process."""
    tags = []
    if urgency in _URGENCY_COLOURS:
        tags.append((_URGENCY_COLOURS[urgency], selectors.Urgency(urgency).label))
    if mark in _MARK_COLOURS:
        tags.append((_MARK_COLOURS[mark], ResolutionUrgency(mark).label))
    return format_html_join(
        " ",
        '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
        tags,
    )
