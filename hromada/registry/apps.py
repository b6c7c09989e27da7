from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "hromada.registry"
    verbose_name = _("Registry of legal acts")

    def ready(self) -> None:
        from hromada.core import datasets
        from hromada.registry import permissions
        from hromada.registry.datasets import ACTS_DATASET
        from hromada.ui import navigation as ui_navigation

        ui_navigation.portal_menu_register(
            key="acts",
            label=_("Legal acts"),
            url_name="registry:act_search",
            order=30,
        )
        ui_navigation.cabinet_menu_register(
            key="registry",
            label=_("Registry of acts"),
            url_name="registry_cabinet:act_list",
            order=45,
            visible=permissions.can_keep_registry,
        )
        datasets.dataset_producer_register(ACTS_DATASET)
