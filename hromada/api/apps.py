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
