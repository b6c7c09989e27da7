"""The files panel of a card: ``{% document_files_panel document user %}``."""

from typing import Any

from django import template

from hromada.accounts.models import User
from hromada.documents import permissions
from hromada.documents.models import Document
from hromada.documents.selectors import files as selectors
from hromada.documents.views.files import FileAddForm

register = template.Library()


@register.inclusion_tag("documents/_file_panel.html", takes_context=True)
def document_files_panel(
    context: template.Context, document: Document, user: User
) -> dict[str, Any]:
    """The card's files with their versions and, if allowed, an upload form."""
    return {
        "document": document,
        "files": list(selectors.document_file_list(document=document)),
        "can_add": permissions.can_add_file(user, document),
        "form": FileAddForm(),
        "csrf_token": context.get("csrf_token"),
    }
