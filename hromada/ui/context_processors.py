"""Template context every page needs: the city's name and arms."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language


def city(request: HttpRequest) -> dict[str, object]:
    """The city as configured, in the current language."""
    config = settings.HROMADA_CITY
    name = config["name_en"] if get_language() == "en" else config["name"]
    return {
        "city": {**config, "display_name": name},
        "demo_mode": settings.HROMADA_DEMO,
    }
