"""Public URLs served by the portal room; Wagtail's pages come after them
(``urls_wagtail``), and three of its pages keep their old names here."""

from django.urls import path

from hromada.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.page_serve, {"path": ""}, name="home"),
    path("bodies/", views.page_serve, {"path": "bodies/"}, name="bodies"),
    path(
        "accessibility/",
        views.page_serve,
        {"path": "accessibility/"},
        name="accessibility",
    ),
    path("search/", views.site_search_view, name="search"),
    path("feeds/news.rss", views.news_rss, name="news_rss"),
    path("feeds/news.atom", views.news_atom, name="news_atom"),
    path(
        "feeds/news/<slug:category>.rss",
        views.news_rss,
        name="news_category_rss",
    ),
    path(
        "feeds/news/<slug:category>.atom",
        views.news_atom,
        name="news_category_atom",
    ),
    path("calendars/events.ics", views.events_ics, name="events_ics"),
    path("calendars/events/<slug:slug>.ics", views.calendar_ics, name="calendar_ics"),
    path("events/<slug:slug>.ics", views.event_ics, name="event_ics"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots"),
]
