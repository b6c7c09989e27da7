"""The mobile cabinet's entry in the cabinet menu; ``apps.py`` calls this."""

from django.utils.translation import gettext_lazy as _

from hromada.accounts import permissions as account_permissions
from hromada.ui import navigation as ui_navigation


def register_mobile_menu() -> None:
    """Add "Mobile cabinet"; no counter, as "Today" already counts."""
    ui_navigation.cabinet_menu_register(
        key="documents_mobile",
        label=_("Mobile cabinet"),
        url_name="documents:mobile_inbox",
        order=15,
        visible=account_permissions.is_staff_member,
    )
