from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "hromada.appeals"
    verbose_name = _("Appeals")

    def ready(self) -> None:
        from hromada.ui import navigation as ui_navigation

        ui_navigation.portal_menu_register(
            key="appeals", label=_("Appeals"), url_name="appeals:appeal_list", order=20
        )
        ui_navigation.my_menu_register(
            key="appeals", label=_("My appeals"), url_name="appeals_my:my_appeal_list"
        )
