"""Access rules of the documents room, one module per area.

``visibility`` decides who sees a card; the area modules add the rules for
acting on cards, files, tasks, routes and the archive.
"""

from hromada.documents.permissions.visibility import (
    COUNCIL_WIDE_ROLES,
    OPEN_LEVELS,
    can_register,
    can_view,
    is_registrar,
    is_restricted,
    visible_documents_q,
)

__all__ = [
    "COUNCIL_WIDE_ROLES",
    "OPEN_LEVELS",
    "can_register",
    "can_view",
    "is_registrar",
    "is_restricted",
    "visible_documents_q",
]
