"""Reads of the portal room: live public pages only, ready to render."""

from collections.abc import Sequence
from datetime import datetime

from django.db.models import QuerySet
from wagtail.models import Page, PageViewRestriction

from hromada.portal.models import (
    BodiesIndexPage,
    BodyPage,
    BroadcastPage,
    EventPage,
    EventsCalendarPage,
    HomePage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
)

# Depth of the pages right below the site's home page (root 1, home 2).
SECTION_DEPTH = 3


def news_list(
    *, index: NewsIndexPage | None = None, category_slug: str = "", tag: str = ""
) -> QuerySet[NewsPage]:
    """Published public news, newest first, pictures and units joined.

    A news index right below the home page shows the whole site's news;
    one deeper (a unit's) shows its own. ``None`` gives the whole site's.
    """
    news = NewsPage.objects.live().public()
    if index is not None and index.depth > SECTION_DEPTH:
        news = news.child_of(index)
    if category_slug:
        news = news.filter(categories__slug=category_slug)
    if tag:
        news = news.filter(tags__name=tag)
    found: QuerySet[NewsPage] = news.select_related("image", "org_unit").order_by(
        "-first_published_at", "-pk"
    )
    return found


def news_list_for_unit(*, org_unit_id: int) -> QuerySet[NewsPage]:
    """Published public news of one unit of the council, newest first."""
    found: QuerySet[NewsPage] = (
        NewsPage.objects.live()
        .public()
        .filter(org_unit_id=org_unit_id)
        .order_by("-first_published_at", "-pk")
    )
    return found


def news_index_main() -> NewsIndexPage | None:
    """The site's news index (right below the home page), if published."""
    found: NewsIndexPage | None = (
        NewsIndexPage.objects.live()
        .public()
        .filter(depth=SECTION_DEPTH)
        .order_by("path")
        .first()
    )
    return found


def news_category_list() -> QuerySet[NewsCategory]:
    """Every news category, in their order."""
    found: QuerySet[NewsCategory] = NewsCategory.objects.order_by("sort_order", "name")
    return found


def news_category_get(*, slug: str) -> NewsCategory | None:
    """The category with ``slug``, or ``None``."""
    found: NewsCategory | None = NewsCategory.objects.filter(slug=slug).first()
    return found


def event_list(*, calendar: EventsCalendarPage | None = None) -> QuerySet[EventPage]:
    """Published public events, soonest first; a calendar's own, or all."""
    events: QuerySet[EventPage] = EventPage.objects.live().public()
    if calendar is not None:
        events = events.child_of(calendar)  # type: ignore[attr-defined]
    return events.order_by("starts_at", "pk")


def event_list_between(
    *, start: datetime, end: datetime, calendar: EventsCalendarPage | None = None
) -> QuerySet[EventPage]:
    """Events that overlap ``[start, end)``, soonest first."""
    found: QuerySet[EventPage] = event_list(calendar=calendar).filter(
        starts_at__lt=end, ends_at__gte=start
    )
    return found


def event_list_upcoming(
    *, now: datetime, calendar: EventsCalendarPage | None = None
) -> QuerySet[EventPage]:
    """Events not over yet at ``now``, cancelled ones included (marked)."""
    found: QuerySet[EventPage] = event_list(calendar=calendar).filter(ends_at__gte=now)
    return found


def event_list_for_feed(
    *, calendar: EventsCalendarPage | None = None
) -> QuerySet[EventPage]:
    """Every published event of a calendar (or all) with its sequence."""
    found: QuerySet[EventPage] = event_list(calendar=calendar).select_related(
        "ical_sequence", "organizer"
    )
    return found


def calendar_get_by_slug(*, slug: str) -> EventsCalendarPage | None:
    """The published public calendar with ``slug`` (the first, if several)."""
    found: EventsCalendarPage | None = (
        EventsCalendarPage.objects.live()
        .public()
        .filter(slug=slug)
        .order_by("path")
        .first()
    )
    return found


def event_get_by_slug(*, slug: str) -> EventPage | None:
    """The published public event with ``slug``, or ``None``."""
    found: EventPage | None = (
        EventPage.objects.live()
        .public()
        .filter(slug=slug)
        .select_related("ical_sequence", "organizer")
        .order_by("pk")
        .first()
    )
    return found


def event_slug_taken(*, slug: str, exclude_id: int | None) -> bool:
    """Whether another event has ``slug``: an event's ``.ics`` address holds
    only its slug."""
    found: bool = EventPage.objects.filter(slug=slug).exclude(pk=exclude_id).exists()
    return found


def body_page_by_unit() -> dict[int, BodyPage]:
    """Published public pages of units, by unit id."""
    pages = (
        BodyPage.objects.live()
        .public()
        .only("pk", "title", "url_path", "org_unit_id", "path", "depth")
    )
    return {page.org_unit_id: page for page in pages}


def broadcast_list(*, index: Page) -> QuerySet[BroadcastPage]:
    """Published recordings below ``index``, newest first."""
    found: QuerySet[BroadcastPage] = (
        BroadcastPage.objects.live()
        .public()
        .child_of(index)
        .order_by("-held_on", "-pk")
    )
    return found


def home_page() -> HomePage | None:
    """The first published home page (the default site's)."""
    found: HomePage | None = HomePage.objects.live().order_by("path").first()
    return found


def page_links(*, page_ids: Sequence[str]) -> dict[str, tuple[str, type[Page]]]:
    """The address and the page type of each live public page among
    ``page_ids``, by id as text; one query (content types are cached)."""
    ids = [int(page_id) for page_id in page_ids if page_id.isdigit()]
    pages = Page.objects.live().public().filter(pk__in=ids)
    return {
        str(page.pk): (page.url, page.specific_class or Page)
        for page in pages
        if page.url
    }


def page_is_public(*, page: Page) -> bool:
    """Whether everyone may read ``page``: live, and no restriction on it
    or above it."""
    if not page.live:
        return False
    restricted = PageViewRestriction.objects.filter(
        page__in=Page.objects.ancestor_of(page, inclusive=True)
    )
    found: bool = not restricted.exists()
    return found


def page_list_public() -> QuerySet[Page]:
    """Every live public page, for rebuilding the search index."""
    found: QuerySet[Page] = Page.objects.live().public().filter(depth__gt=1).specific()
    return found


def news_feed_etag(*, category_slug: str = "") -> str:
    """A tag that changes whenever the feed's items do: the newest
    publication time, the number of items and the category."""
    from django.db.models import Count, Max

    news = NewsPage.objects.live().public()
    if category_slug:
        news = news.filter(categories__slug=category_slug)
    summary = news.aggregate(latest=Max("last_published_at"), count=Count("pk"))
    latest = summary["latest"].isoformat() if summary["latest"] else "-"
    return f'"news-{category_slug}-{summary["count"]}-{latest}"'


def body_index_page() -> BodiesIndexPage:
    """The bodies index (the skeleton makes one)."""
    found: BodiesIndexPage = BodiesIndexPage.objects.order_by("path").get()
    return found
