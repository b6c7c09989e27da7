"""Panels of a card's page: its links, its access list, its case file."""

from dataclasses import dataclass
from typing import Any, Final

from django import template
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hromada.documents import permissions
from hromada.documents.models import (
    AccessLevel,
    Document,
    DocumentLink,
    DocumentStatus,
    LinkKind,
)
from hromada.documents.selectors import cards as selectors
from hromada.documents.views.relations import DocumentFileForm
from hromada.ui.http import CabinetRequest

register = template.Library()

# How a link reads from its target's side ("answered by document 3/01-13").
INVERSE_LABELS: Final[dict[str, Promise]] = {
    LinkKind.REPLY_TO: _("Answered by document"),
    LinkKind.REPEAT_OF: _("Repeated by document"),
    LinkKind.DUPLICATE_OF: _("Duplicated by document"),
    LinkKind.AMENDS: _("Amended by document"),
    LinkKind.CANCELS: _("Cancelled by document"),
    LinkKind.RELATED: _("Related to"),
}
RESTRICTED_LEVELS: Final = (AccessLevel.DSK, AccessLevel.RESTRICTED)
FILED_STATUSES: Final = (DocumentStatus.REGISTERED, DocumentStatus.DISPATCHED)


@dataclass(frozen=True, kw_only=True, slots=True)
class LinkRow:
    """One link as the card shows it: how it relates, and to which card."""

    link: DocumentLink
    label: str
    other: Document


def link_rows(*, document: Document, links: list[DocumentLink]) -> list[LinkRow]:
    """Each link read from ``document``'s side."""
    return [
        LinkRow(link=link, label=str(LinkKind(link.kind).label), other=link.target)
        if link.source_id == document.pk
        else LinkRow(link=link, label=str(INVERSE_LABELS[link.kind]), other=link.source)
        for link in links
    ]


@register.inclusion_tag("documents/_document_links.html", takes_context=True)
def document_links_panel(
    context: template.Context, document: Document, request: CabinetRequest
) -> dict[str, Any]:
    """The card's links both ways, with "add" and "remove" for its viewers."""
    user = request.user
    links = list(selectors.document_links_for_user(document=document, user=user))
    return {
        "document": document,
        "rows": link_rows(document=document, links=links),
        # Listed links join two cards the user sees, so the rule for one
        # link (can_remove_link) is the rule for this card.
        "can_link": permissions.can_link(user, document),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("documents/_document_access.html", takes_context=True)
def document_access_panel(
    context: template.Context, document: Document, request: CabinetRequest
) -> dict[str, Any]:
    """Who was let into a ДСК or restricted card; for its managers only."""
    user = request.user
    shown = document.access_level in RESTRICTED_LEVELS and permissions.can_grant_access(
        user, document
    )
    grants = selectors.document_access_grants(document=document) if shown else []
    return {"document": document, "shown": shown, "grants": grants}


@register.inclusion_tag("documents/_document_filing.html", takes_context=True)
def document_filing_panel(
    context: template.Context, document: Document, request: CabinetRequest
) -> dict[str, Any]:
    """Filing a registered card into an open case of its year, or moving it."""
    shown = document.status in FILED_STATUSES and permissions.can_file_into_case(
        request.user
    )
    form = context.get("filing_form") if shown else None
    if shown and form is None:
        form = DocumentFileForm(document=document)
    return {
        "document": document,
        "shown": shown,
        "form": form,
        "csrf_token": context.get("csrf_token"),
    }
