from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "hromada.opendata"
    verbose_name = _("Open data")

    def ready(self) -> None:
        from hromada.opendata import permissions
        from hromada.ui import navigation as ui_navigation

        ui_navigation.portal_menu_register(
            key="opendata",
            label=_("Open data"),
            url_name="opendata:dataset_list",
            order=60,
        )
        ui_navigation.cabinet_menu_register(
            key="opendata_catalogue",
            label=_("Open data"),
            url_name="opendata_cabinet:dataset_list",
            order=55,
            visible=permissions.can_keep_catalogue,
        )
