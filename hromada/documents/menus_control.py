"""Cabinet menu entries of control of execution; ``apps.py`` calls this."""

from django.utils.translation import gettext_lazy as _

from hromada.accounts import permissions as account_permissions
from hromada.documents.selectors import counters
from hromada.ui import navigation as ui_navigation


def register_control_menu() -> None:
    """Add "Today" (with its badge) and "Control of execution" to the menu."""
    ui_navigation.cabinet_menu_register(
        key="documents_inbox",
        label=_("Today"),
        url_name="documents:inbox",
        order=10,
        visible=account_permissions.is_staff_member,
        counter=counters.inbox_counter,
    )
    ui_navigation.cabinet_menu_register(
        key="documents_control",
        label=_("Control of execution"),
        url_name="documents:control_journal",
        order=30,
        visible=account_permissions.is_staff_member,
    )
