"""Template context every page needs: the city, its menus and the user's."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from hromada.accounts import permissions as accounts_permissions
from hromada.ui import navigation

_CABINET_MENU_CACHE = "_hromada_cabinet_menu"


def city(request: HttpRequest) -> dict[str, object]:
    """The city as configured, in the current language, and the menus.

    The menus and the cabinet check are lazy: nothing is computed, and no
    query runs, unless a template uses them.
    """
    return {
        **city_settings(),
        "portal_navigation": SimpleLazyObject(
            lambda: navigation.portal_menu(path=request.path)
        ),
        "cabinet_navigation": SimpleLazyObject(lambda: cabinet_menu(request)),
        "my_navigation": SimpleLazyObject(
            lambda: navigation.my_menu(path=request.path)
        ),
        "user_can_use_cabinet": SimpleLazyObject(lambda: _can_use_cabinet(request)),
    }


def city_settings() -> dict[str, object]:
    """``city`` and ``demo_mode`` from settings alone: safe on a 500 page."""
    config = settings.HROMADA_CITY
    name = config["name_en"] if get_language() == "en" else config["name"]
    return {
        "city": {**config, "display_name": name},
        "demo_mode": settings.HROMADA_DEMO,
    }


def cabinet_menu(request: HttpRequest) -> list[navigation.MenuItem]:
    """The cabinet menu of the request's user, computed once per request."""
    cached: list[navigation.MenuItem] | None = getattr(
        request, _CABINET_MENU_CACHE, None
    )
    if cached is None:
        cached = []
        if _can_use_cabinet(request):
            cached = navigation.cabinet_menu_for_user(request.user, path=request.path)
        setattr(request, _CABINET_MENU_CACHE, cached)
    return cached


def _can_use_cabinet(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return user is not None and bool(accounts_permissions.can_use_cabinet(user))
