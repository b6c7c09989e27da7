"""Public views of the portal beside its Wagtail pages: the site search,
feeds, calendars, the sitemap, robots.txt, and the editor's sign-in."""

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_GET
from wagtail import views as wagtail_views

from hromada.core.errors import ValidationError
from hromada.portal import calendars, metadata, selectors
from hromada.portal import search as site_search
from hromada.portal.feeds import NewsAtomFeed, NewsRssFeed

MAX_QUERY_LENGTH = 200


@login_not_required
def page_serve(request: HttpRequest, path: str) -> HttpResponse:
    """A Wagtail page, for everyone: Wagtail's own view, open to visitors
    who have not signed in (its view restrictions still apply)."""
    return wagtail_views.serve(request, path)


@login_not_required
@require_GET
def site_search_view(request: HttpRequest) -> HttpResponse:
    """The site search; a plain GET form, so it works without JavaScript."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    context: dict[str, Any] = {"query": query, "error": "", "results": None}
    if query:
        page_number = _page_number(request)
        try:
            results = site_search.site_search(query=query, page_number=page_number)
        except ValidationError as error:
            context["error"] = error.message
        else:
            paginator = Paginator(range(results.total), site_search.PER_PAGE)
            context["results"] = results
            context["pages"] = paginator.get_page(page_number)
    return render(request, "portal/search_results.html", context)


def _page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "1")
    return max(1, int(value[:6])) if value.isdigit() else 1


def _news_etag(request: HttpRequest, category: str = "") -> str:
    return selectors.news_feed_etag(category_slug=category)


news_rss = login_not_required(condition(etag_func=_news_etag)(NewsRssFeed()))
news_atom = login_not_required(condition(etag_func=_news_etag)(NewsAtomFeed()))


@login_not_required
@require_GET
def events_ics(request: HttpRequest) -> HttpResponse:
    """Every event of the portal to subscribe to: ``/calendars/events.ics``."""
    name = _("%(city)s: events") % {"city": settings.HROMADA_CITY["name"]}
    events = selectors.event_list_for_feed()
    return calendars.ics_response(calendars.calendar_text(name=name, events=events))


@login_not_required
@require_GET
def calendar_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """The events of one calendar page (``/calendars/events/<slug>.ics``)."""
    calendar = selectors.calendar_get_by_slug(slug=slug)
    if calendar is None:
        raise Http404
    return calendars.calendar_response(request=request, calendar=calendar)


@login_not_required
@require_GET
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """One event, to add to one's calendar (``/events/<slug>.ics``)."""
    event = selectors.event_get_by_slug(slug=slug)
    if event is None:
        raise Http404
    text = calendars.calendar_text(name=event.title, events=[event])
    return calendars.ics_response(text, filename=f"{event.slug}.ics")


@login_not_required
@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Where the sitemap is, and what robots should leave alone."""
    lines = [
        "User-agent: *",
        *(
            f"Disallow: {path}"
            for path in (
                "/cabinet/",
                "/my/",
                "/accounts/",
                "/cms/",
                "/admin/",
                "/search/",
            )
        ),
        f"Sitemap: {metadata.absolute_url(reverse('portal:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@login_not_required
def cms_login(request: HttpRequest) -> HttpResponse:
    """The editor's sign-in is the portal's (with two-factor authentication):
    Wagtail's own password form is never offered."""
    if request.user.is_authenticated:
        raise PermissionDenied(_("You do not have access to the content editor."))
    return redirect_to_login(request.GET.get("next") or "/cms/")


@login_not_required
@require_GET
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """``/sitemap.xml``: the index of the sections' sitemaps."""
    from wagtail.contrib.sitemaps import views as sitemap_views

    from hromada.portal import sitemaps

    return sitemap_views.index(
        request, sitemaps.SECTIONS, sitemap_url_name="portal:sitemap_section"
    )


@login_not_required
@require_GET
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """``/sitemap-<section>.xml``: the pages, the acts…"""
    from wagtail.contrib.sitemaps import views as sitemap_views

    from hromada.portal import sitemaps

    return sitemap_views.sitemap(request, sitemaps.SECTIONS, section=section)
