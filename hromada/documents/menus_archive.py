"""The archive's entry in the cabinet menu; ``ready()`` calls the register."""

from django.utils.translation import gettext_lazy as _

from hromada.documents import permissions
from hromada.ui import navigation as ui_navigation


def register_archive_menu() -> None:
    """Add "Nomenclature and archive" for records keepers and registrars."""
    ui_navigation.cabinet_menu_register(
        key="documents_archive",
        label=_("Nomenclature and archive"),
        url_name="documents:nomenclature_list",
        order=60,
        visible=permissions.can_view_archive,
    )
