"""Menus that rooms fill in: the portal's main navigation and the cabinet's.

Rooms register their entries once, in ``AppConfig.ready``::

    from hromada.ui import navigation as ui_navigation

    ui_navigation.cabinet_menu_register(
        key="appeals",
        label=_("Appeals"),
        url_name="appeals:appeal_list",
        order=20,
        visible=permissions.can_work_on_appeals,
        counter=selectors.appeal_count_new_for_user,
    )

``visible`` and ``counter`` take the signed-in user. A counter runs only
when a page shows the menu, once per request, and must cost one query at
most; 0 shows no badge.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import reverse

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise
else:
    StrOrPromise = Any

UserPredicate = Callable[[Any], bool]
UserCounter = Callable[[Any], int]


@dataclass(frozen=True, kw_only=True, slots=True)
class MenuEntry:
    """One registered menu entry; ``url`` wins over ``url_name`` if given."""

    key: str
    label: "StrOrPromise"
    url_name: str = ""
    url: str = ""
    order: int = 100
    visible: UserPredicate | None = None
    counter: UserCounter | None = None

    def href(self) -> str:
        """The entry's address."""
        return self.url or reverse(self.url_name)


@dataclass(frozen=True, kw_only=True, slots=True)
class MenuItem:
    """A menu entry as one user sees it on one page."""

    key: str
    label: "StrOrPromise"
    href: str
    counter: int = 0
    aria_current: str = ""

    @property
    def counter_text(self) -> str:
        """The counter as the badge shows it: "99+" past 99, as counters
        may stop counting at 100 (documents' do)."""
        return "99+" if self.counter > 99 else str(self.counter)

    @property
    def is_current(self) -> bool:
        """Whether the page shown is this item or lies under it."""
        return bool(self.aria_current)


_cabinet_menu: dict[str, MenuEntry] = {}
_portal_menu: dict[str, MenuEntry] = {}
_my_menu: dict[str, MenuEntry] = {}


def cabinet_menu_register(
    *,
    key: str,
    label: "StrOrPromise",
    url_name: str,
    order: int = 100,
    visible: UserPredicate | None = None,
    counter: UserCounter | None = None,
) -> None:
    """Add a room to the cabinet's navigation and front page.

    Registering a key again replaces its entry, so ``ready()`` may run twice.
    ``visible=None`` shows the entry to everyone who may use the cabinet.
    """
    _cabinet_menu[key] = MenuEntry(
        key=key,
        label=label,
        url_name=url_name,
        order=order,
        visible=visible,
        counter=counter,
    )


def portal_menu_register(
    *,
    key: str,
    label: "StrOrPromise",
    url_name: str = "",
    url: str = "",
    order: int = 100,
) -> None:
    """Add a public page to the portal's main navigation.

    Register only pages that exist: give ``url_name``, or ``url`` for an
    address with no name (such as the home page, "/").
    """
    if bool(url_name) == bool(url):
        raise ValueError("Give exactly one of url_name and url.")
    _portal_menu[key] = MenuEntry(
        key=key, label=label, url_name=url_name, url=url, order=order
    )


def my_menu_register(
    *, key: str, label: "StrOrPromise", url_name: str, order: int = 100
) -> None:
    """Add a section to the citizen's cabinet at ``/my/`` ("My appeals").

    Rooms above ``accounts`` own these pages; ``accounts`` lists them
    without knowing the rooms.
    """
    _my_menu[key] = MenuEntry(key=key, label=label, url_name=url_name, order=order)


def menu_unregister(key: str) -> None:
    """Remove an entry from every menu (for tests)."""
    _cabinet_menu.pop(key, None)
    _portal_menu.pop(key, None)
    _my_menu.pop(key, None)


def cabinet_menu_entries() -> list[MenuEntry]:
    """Every registered cabinet entry, in menu order."""
    return sorted(_cabinet_menu.values(), key=lambda entry: (entry.order, entry.key))


def portal_menu_entries() -> list[MenuEntry]:
    """Every registered portal entry, in menu order."""
    return sorted(_portal_menu.values(), key=lambda entry: (entry.order, entry.key))


def my_menu(*, path: str = "") -> list[MenuItem]:
    """The sections of the citizen's cabinet, in menu order."""
    entries = sorted(_my_menu.values(), key=lambda entry: (entry.order, entry.key))
    return _items(entries, path, counted_for=None)


def cabinet_menu_for_user(user: Any, *, path: str = "") -> list[MenuItem]:
    """The entries ``user`` may see, with their counters, on page ``path``."""
    entries = [
        entry
        for entry in cabinet_menu_entries()
        if entry.visible is None or entry.visible(user)
    ]
    return _items(entries, path, counted_for=user)


def portal_menu(*, path: str = "") -> list[MenuItem]:
    """The portal's main navigation for page ``path``."""
    return _items(portal_menu_entries(), path, counted_for=None)


def _items(entries: list[MenuEntry], path: str, *, counted_for: Any) -> list[MenuItem]:
    hrefs = [entry.href() for entry in entries]
    current = _current_href(hrefs, path)
    return [
        MenuItem(
            key=entry.key,
            label=entry.label,
            href=href,
            counter=_count(entry, counted_for),
            aria_current=_aria_current(href, current, path),
        )
        for entry, href in zip(entries, hrefs, strict=True)
    ]


def _count(entry: MenuEntry, user: Any) -> int:
    if entry.counter is None or user is None:
        return 0
    return entry.counter(user)


def _is_section(href: str, path: str) -> bool:
    return href.endswith("/") and href != "/" and path.startswith(href)


def _aria_current(href: str, current: str | None, path: str) -> str:
    if href != current:
        return ""
    return "page" if href == path else "true"


def _current_href(hrefs: list[str], path: str) -> str | None:
    """The longest address ``path`` is on or under; "/" counts only itself."""
    matches = [href for href in hrefs if path == href or _is_section(href, path)]
    return max(matches, key=len, default=None)
