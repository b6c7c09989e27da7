"""The resolutions and tasks panel for a card's page."""

from typing import Any

from django import template
from django.http import HttpRequest

from hromada.documents.models import Document, ResolutionStatus, TaskStatus
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
        resolution.panel_tasks = [t for t in tasks if t.resolution_id == resolution.pk]  # type: ignore[attr-defined]
        resolution.can_approve = (  # type: ignore[attr-defined]
            resolution.status == ResolutionStatus.DRAFT
            and bool(permissions.can_approve_resolution(user, resolution))
        )
    return {
        "tasks_panel": True,
        "document": document,
        "resolutions": resolutions,
        "open_statuses": (TaskStatus.ASSIGNED, TaskStatus.REPORTED),
        "can_resolve": document.status == "registered"
        and bool(permissions.can_resolve(user, document)),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
