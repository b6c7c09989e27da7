"""Cabinet menu entries of registration cards; ``apps.py`` calls this."""

from django.utils.translation import gettext_lazy as _

from hromada.accounts import permissions as account_permissions
from hromada.ui import navigation as ui_navigation


def register_cards_menu() -> None:
    """Add "Documents" (the card list) and the registry of correspondents."""
    ui_navigation.cabinet_menu_register(
        key="documents",
        label=_("Documents"),
        url_name="documents:document_list",
        order=20,
        visible=account_permissions.is_staff_member,
    )
    ui_navigation.cabinet_menu_register(
        key="documents_correspondents",
        label=_("Correspondents"),
        url_name="documents:correspondent_list",
        order=25,
        visible=account_permissions.is_staff_member,
    )
