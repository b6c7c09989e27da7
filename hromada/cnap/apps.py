from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CnapConfig(AppConfig):
    name = "hromada.cnap"
    verbose_name = _("Administrative services")

    def ready(self) -> None:
        from hromada.cnap import permissions
        from hromada.cnap.datasets import SERVICES_DATASET
        from hromada.core import datasets
        from hromada.ui import navigation as ui_navigation

        ui_navigation.portal_menu_register(
            key="services",
            label=_("Services"),
            url_name="cnap:service_list",
            order=22,
        )
        ui_navigation.cabinet_menu_register(
            key="cnap",
            label=_("Administrative services"),
            url_name="cnap_cabinet:service_list",
            order=50,
            visible=permissions.can_keep_services,
        )
        datasets.dataset_producer_register(SERVICES_DATASET)
