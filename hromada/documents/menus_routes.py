"""The routes area's entries in the cabinet menu."""

from django.utils.translation import gettext_lazy as _

from hromada.ui import navigation as ui_navigation


def register_routes_menu() -> None:
    """Add "To approve and sign" with its counter, and "Route templates"."""
    # Imported here: the lead calls this from AppConfig.ready().
    from hromada.documents import permissions
    from hromada.documents.selectors import counters

    ui_navigation.cabinet_menu_register(
        key="documents_approvals",
        label=_("To approve and sign"),
        url_name="documents:approval_list",
        order=20,
        counter=counters.approval_count_for_user,
    )
    ui_navigation.cabinet_menu_register(
        key="documents_route_templates",
        label=_("Route templates"),
        url_name="documents:route_template_list",
        order=70,
        visible=permissions.can_see_route_template_menu,
    )
