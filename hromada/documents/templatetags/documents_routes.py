"""The approval route panel for a card's page."""

from typing import Any

from django import template
from django.http import HttpRequest

from hromada.documents import permissions
from hromada.documents.models import Document, RouteStatus
from hromada.documents.selectors import routes as selectors

register = template.Library()


@register.inclusion_tag("documents/_document_route.html", takes_context=True)
def document_route_panel(
    context: template.Context, document: Document, request: HttpRequest
) -> dict[str, Any]:
    """Steps, participants and decisions of the card's latest route."""
    user = request.user
    route = selectors.route_for_document(document=document)
    is_running = route is not None and route.status == RouteStatus.RUNNING
    on_start_page = request.resolver_match is not None and (
        request.resolver_match.view_name == "documents:route_start"
    )
    can_start = not is_running and permissions.can_start_route(user, document)
    return {
        "document": document,
        "route": route,
        "can_cancel": is_running and permissions.can_cancel_route(user, route),
        "show_start_link": can_start and not on_start_page,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
