from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "hromada.analytics"
    verbose_name = _("Analytics")

    def ready(self) -> None:
        from hromada.analytics import datasets, permissions
        from hromada.ui import navigation as ui_navigation

        datasets.datasets_register()

        ui_navigation.portal_menu_register(
            key="appeal_stats",
            label=_("Statistics"),
            url_name="analytics:appeal_stats",
            order=25,
        )
        ui_navigation.cabinet_menu_register(
            key="analytics",
            label=_("Analytics"),
            url_name="analytics_cabinet:appeal_stats",
            order=80,
            visible=permissions.can_view_appeal_analytics,
        )
