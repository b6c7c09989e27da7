"""Template contexts of the portal's pages, built from the selectors.

Wagtail renders a page through its model's ``get_context``; these functions
are that step for each page type, kept out of the models as views are.
"""

import calendar
from datetime import date, datetime, time, timedelta
from itertools import groupby
from typing import TYPE_CHECKING, Any, Final

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit, OrgUnitKind
from hromada.portal import selectors

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from hromada.portal.models import (
        BodiesIndexPage,
        BodyPage,
        BroadcastsPage,
        ContactsPage,
        EventsCalendarPage,
        HomePage,
        NewsIndexPage,
    )

NEWS_PER_PAGE: Final = 10
EVENTS_PER_PAGE: Final = 10
HOME_NEWS: Final = 4
HOME_EVENTS: Final = 5
UNIT_NEWS: Final = 5
# The order of the bodies page: the council first, the starosta districts last.
PUBLIC_KINDS: Final = (
    OrgUnitKind.COUNCIL,
    OrgUnitKind.LEADERSHIP,
    OrgUnitKind.EXECUTIVE_COMMITTEE,
    OrgUnitKind.DEPARTMENT,
    OrgUnitKind.SECTOR,
    OrgUnitKind.CNAP,
    OrgUnitKind.ENTERPRISE,
    OrgUnitKind.STAROSTA_DISTRICT,
)
# The public services of other rooms the home page points to; each shows
# only once its room serves the address.
QUICK_LINKS: Final[tuple[tuple[str, "StrOrPromise", "StrOrPromise"], ...]] = (
    (
        "/appeals/",
        _("Appeals"),
        _("Report a problem in the city, write to the council, follow the answer."),
    ),
    (
        "/acts/",
        _("Legal acts"),
        _("Decisions of the council and its executive committee, the mayor's orders."),
    ),
    (
        "/services/",
        _("Administrative services"),
        _("What each service needs, where and how to apply."),
    ),
    (
        "/petitions/",
        _("Petitions"),
        _("Sign an electronic petition or start one."),
    ),
    ("/map/", _("City map"), _("Where things are in the city.")),
)
CMS_CATCH_ALL: Final = "wagtail_serve"


def quick_links() -> list[dict[str, Any]]:
    """The other rooms' public services that answer today."""
    return [
        {"href": href, "label": label, "description": description}
        for href, label, description in QUICK_LINKS
        if _served_by_a_room(href)
    ]


def _served_by_a_room(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.url_name != CMS_CATCH_ALL


def home(*, request: HttpRequest, home: "HomePage") -> dict[str, Any]:
    """Latest news, coming events and the services."""
    now = timezone.now()
    return {
        "latest_news": list(selectors.news_list()[:HOME_NEWS]),
        "upcoming_events": list(selectors.event_list_upcoming(now=now)[:HOME_EVENTS]),
        "news_index": selectors.news_index_main(),
        "quick_links": quick_links(),
        "feeds": news_feeds(category=None),
    }


def news_feeds(*, category: str | None) -> dict[str, str]:
    """Addresses of the news feeds, all or one category's."""
    if category:
        return {
            "rss": reverse("portal:news_category_rss", args=[category]),
            "atom": reverse("portal:news_category_atom", args=[category]),
        }
    return {"rss": reverse("portal:news_rss"), "atom": reverse("portal:news_atom")}


def news_index(*, request: HttpRequest, index: "NewsIndexPage") -> dict[str, Any]:
    """One page of news, filtered by category or tag."""
    category = selectors.news_category_get(slug=request.GET.get("category", ""))
    tag = request.GET.get("tag", "")[:100]
    news = selectors.news_list(
        index=index, category_slug=category.slug if category else "", tag=tag
    )
    page = _page_of(request, news, NEWS_PER_PAGE)
    return {
        "news_page": page,
        "categories": list(selectors.news_category_list()),
        "category": category,
        "tag": tag,
        "feeds": news_feeds(category=category.slug if category else None),
    }


def _page_of(request: HttpRequest, rows: Any, per_page: int) -> PaginatorPage[Any]:
    return Paginator(rows, per_page).get_page(request.GET.get("page"))


def events_calendar(
    *, request: HttpRequest, calendar: "EventsCalendarPage"
) -> dict[str, Any]:
    """The month view, or the list of coming events (``?view=list``)."""
    feed_path = reverse("portal:calendar_ics", args=[calendar.slug])
    common = {
        "ics_url": feed_path,
        "webcal_url": "webcal:" + _absolute(feed_path).split(":", 1)[1],
        "view": "list" if request.GET.get("view") == "list" else "month",
    }
    if common["view"] == "list":
        upcoming = selectors.event_list_upcoming(now=timezone.now(), calendar=calendar)
        return {**common, "events_page": _page_of(request, upcoming, EVENTS_PER_PAGE)}
    return {**common, **month_view(calendar=calendar, month=request.GET.get("month"))}


def _absolute(path: str) -> str:
    from hromada.portal import metadata

    return metadata.absolute_url(path)


def month_start(value: str | None) -> date:
    """The first day of ``YYYY-MM``, or of this month for anything else."""
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in (value or "").split("-", 1))
        return date(year, month, 1) if 1900 < year < 2200 else today.replace(day=1)
    except ValueError:
        return today.replace(day=1)


def month_view(*, calendar: "EventsCalendarPage", month: str | None) -> dict[str, Any]:
    """A grid of the month's weeks and its events, day by day."""
    first = month_start(month)
    following = (first + timedelta(days=31)).replace(day=1)
    previous = (first - timedelta(days=1)).replace(day=1)
    start = timezone.make_aware(datetime.combine(first, time.min))
    end = timezone.make_aware(datetime.combine(following, time.min))
    events = list(selectors.event_list_between(start=start, end=end, calendar=calendar))
    days = _events_by_day(events, first=first, following=following)
    weeks = [
        [
            {
                "day": day,
                "in_month": day.month == first.month,
                "count": len(days.get(day, [])),
            }
            for day in week
        ]
        for week in _calendar_weeks(first)
    ]
    return {
        "month": first,
        "weeks": weeks,
        "days": sorted(days.items()),
        "previous_month": previous.strftime("%Y-%m"),
        "next_month": following.strftime("%Y-%m"),
        "today": timezone.localdate(),
    }


def _calendar_weeks(first: date) -> list[list[date]]:
    return calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)


def _events_by_day(
    events: list[Any], *, first: date, following: date
) -> dict[date, list[Any]]:
    """Each event on every day of the month it lasts through (Kyiv time)."""
    days: dict[date, list[Any]] = {}
    for event in events:
        day = max(timezone.localtime(event.starts_at).date(), first)
        last = min(
            timezone.localtime(event.ends_at).date(), following - timedelta(days=1)
        )
        while day <= last:
            days.setdefault(day, []).append(event)
            day += timedelta(days=1)
    return days


def bodies_index(*, index: "BodiesIndexPage") -> dict[str, Any]:
    """The public units by kind, each with its page if it has one."""
    units = sorted(
        org_selectors.org_unit_list_active().filter(kind__in=PUBLIC_KINDS),
        key=lambda unit: (PUBLIC_KINDS.index(OrgUnitKind(unit.kind)), unit.sort_order),
    )
    pages = selectors.body_page_by_unit()
    groups = [
        (OrgUnitKind(kind).label, [(unit, pages.get(unit.pk)) for unit in items])
        for kind, items in groupby(units, key=lambda unit: unit.kind)
    ]
    return {"groups": groups}


def body(*, page: "BodyPage") -> dict[str, Any]:
    """The unit's contacts, heads, sub-units and latest news."""
    unit = page.org_unit
    pages = selectors.body_page_by_unit()
    children = org_selectors.org_unit_list_active().filter(parent=unit)
    return {
        "unit": unit,
        "officials": officials(unit=unit),
        "sub_units": [(child, pages.get(child.pk)) for child in children],
        "unit_news": list(
            selectors.news_list_for_unit(org_unit_id=unit.pk)[:UNIT_NEWS]
        ),
    }


def officials(*, unit: OrgUnit) -> list[tuple[str, str]]:
    """(post, name) of the people who lead the unit: every post of the
    leadership, the head of any other unit. Officials only; no contacts."""
    if unit.kind == OrgUnitKind.LEADERSHIP:
        employees = org_selectors.employee_list_current(org_unit=unit)
        return [
            (employee.position.title, employee.user.get_full_name())
            for employee in employees
        ]
    head = org_selectors.org_unit_head(org_unit_id=unit.pk)
    return [("", head.get_full_name())] if head is not None else []


def contacts(*, page: "ContactsPage") -> dict[str, Any]:
    """The unit whose contacts the page shows."""
    return {"unit": page.org_unit}


def broadcasts(*, request: HttpRequest, index: "BroadcastsPage") -> dict[str, Any]:
    """One page of recordings, newest first."""
    return {
        "broadcasts_page": _page_of(request, selectors.broadcast_list(index=index), 10)
    }
