from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class SearchConfig(AppConfig):
    name = "hromada.search"
    verbose_name = pgettext_lazy("room", "Search")
