from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "hromada.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        # Registers the OpenAPI extension of the bearer token with
        # drf-spectacular.
        from hromada.api import schema  # noqa: F401
        from hromada.api.open311 import permissions as open311_permissions
        from hromada.ui import navigation as ui_navigation

        ui_navigation.cabinet_menu_register(
            key="open311_clients",
            label=_("Open311 keys"),
            url_name="api_cabinet:open311_client_list",
            order=970,
            visible=open311_permissions.can_manage_open311_clients,
        )
