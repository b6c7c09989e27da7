"""Access rules of the documents room, one module per area.

``visibility`` decides who sees a card; the area modules add the rules for
acting on cards, files, tasks, routes and the archive.
"""

from hromada.documents.permissions.archive import (
    can_file_into_case,
    can_manage_nomenclature,
    can_view_archive,
    is_archive_staff,
    is_general_department_head,
)
from hromada.documents.permissions.cards import (
    can_cancel,
    can_create_document,
    can_dispatch,
    can_edit_draft,
    can_grant_access,
    can_intake,
    can_link,
    can_number,
    can_reply,
    is_creator,
    is_draft_card,
)
from hromada.documents.permissions.control import (
    can_acknowledge,
    can_approve_resolution,
    can_decide_deadline_change,
    can_enter_for_head,
    can_remove_from_control,
    can_report,
    can_request_deadline_change,
    can_resolve,
    can_review_report,
    can_view_discipline,
    is_head,
)
from hromada.documents.permissions.files import (
    can_add_file,
    can_sign_version,
    has_active_sign_task,
    is_signatory,
)
from hromada.documents.permissions.routes import (
    can_cancel_route,
    can_decide,
    can_manage_route_templates,
    can_start_route,
    task_scope,
)
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
    "can_acknowledge",
    "can_add_file",
    "can_approve_resolution",
    "can_cancel",
    "can_cancel_route",
    "can_create_document",
    "can_decide",
    "can_decide_deadline_change",
    "can_dispatch",
    "can_edit_draft",
    "can_enter_for_head",
    "can_file_into_case",
    "can_grant_access",
    "can_intake",
    "can_link",
    "can_manage_nomenclature",
    "can_manage_route_templates",
    "can_number",
    "can_register",
    "can_remove_from_control",
    "can_reply",
    "can_report",
    "can_request_deadline_change",
    "can_resolve",
    "can_review_report",
    "can_sign_version",
    "can_start_route",
    "can_view",
    "can_view_archive",
    "can_view_discipline",
    "has_active_sign_task",
    "is_archive_staff",
    "is_creator",
    "is_draft_card",
    "is_general_department_head",
    "is_head",
    "is_registrar",
    "is_restricted",
    "is_signatory",
    "task_scope",
    "visible_documents_q",
]
