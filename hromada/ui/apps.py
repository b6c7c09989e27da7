from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UiConfig(AppConfig):
    name = "hromada.ui"
    verbose_name = _("User interface")

    def ready(self) -> None:
        from hromada.ui.navigation import portal_menu_register

        portal_menu_register(
            key="home", label=pgettext_lazy("main menu", "Home"), url="/", order=0
        )
