from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "hromada.portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from hromada.ui import navigation as ui_navigation

        ui_navigation.portal_menu_register(
            key="bodies",
            label=_("Executive bodies"),
            url_name="portal:bodies",
            order=90,
        )
