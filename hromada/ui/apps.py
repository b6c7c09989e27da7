from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UiConfig(AppConfig):
    name = "hromada.ui"
    verbose_name = _("User interface")

    def ready(self) -> None:
        from hromada.org import permissions as org_permissions
        from hromada.ui.navigation import cabinet_menu_register, portal_menu_register

        portal_menu_register(
            key="home", label=pgettext_lazy("main menu", "Home"), url="/", order=0
        )
        # Rooms below ui (org) and beside it (notifications, gis) cannot
        # import this registry, so their entries are registered here by URL
        # name.
        cabinet_menu_register(
            key="directory",
            label=_("Staff directory"),
            url_name="org:directory",
            order=900,
            visible=org_permissions.can_view_directory,
        )
        cabinet_menu_register(
            key="map_data",
            label=_("Map data"),
            url_name="gis_cabinet:district_list",
            order=800,
            visible=_keeps_map_data,
        )
        cabinet_menu_register(
            key="captured_mail",
            label=_("Sent e-mails (demo)"),
            url_name="notifications:captured_mail_list",
            order=950,
            visible=_demo_mode,
        )


def _demo_mode(user: object) -> bool:
    return bool(settings.HROMADA_DEMO)


def _keeps_map_data(user: Any) -> bool:
    # The rule of hromada.gis.permissions.can_edit_map_data, which ui may not
    # import (gis sits beside it); a gis test holds the two to each other.
    from hromada.accounts import permissions as accounts_permissions
    from hromada.accounts.roles import Role

    return bool(accounts_permissions.can_use_cabinet(user)) and (
        accounts_permissions.has_role(user, Role.GIS_EDITOR)
        or bool(accounts_permissions.is_system_administrator(user))
    )
