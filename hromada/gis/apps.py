from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GisConfig(AppConfig):
    name = "hromada.gis"
    verbose_name = _("Map and addresses")
