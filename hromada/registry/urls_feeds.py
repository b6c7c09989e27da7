"""Feeds of the registry, under /feeds/ (STANDARDS §5.2)."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import condition

from hromada.registry.feeds import ActsAtomFeed, ActsRssFeed
from hromada.registry.selectors import acts as act_selectors


def _public(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Open to everyone; a feed reader that sends back the ETag it got gets
    304 while nothing changed (STANDARDS §5.2, checklist 4)."""

    def etag(request: HttpRequest) -> str:
        return act_selectors.act_feed_etag()

    return login_not_required(condition(etag_func=etag)(view))


app_name = "registry_feeds"
urlpatterns = [
    path("acts.rss", _public(ActsRssFeed()), name="acts_rss"),
    path("acts.atom", _public(ActsAtomFeed()), name="acts_atom"),
]
