from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "hromada.documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        # Models are ready only now; these modules import them.
        from hromada.documents.events import file_version_added
        from hromada.documents.menus_archive import register_archive_menu
        from hromada.documents.menus_cards import register_cards_menu
        from hromada.documents.menus_control import register_control_menu
        from hromada.documents.menus_mobile import register_mobile_menu
        from hromada.documents.menus_routes import register_routes_menu
        from hromada.documents.receivers_routes import on_file_version_added

        file_version_added.connect(on_file_version_added)
        register_control_menu()
        register_routes_menu()
        register_cards_menu()
        register_archive_menu()
        register_mobile_menu()
