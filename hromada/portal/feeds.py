"""RSS 2.0 and Atom 1.0 feeds of the news (STANDARDS §5.2).

Item ids are the pages' ``translation_key`` UUIDs, so an edited or moved
article keeps its id; 50 items at most, newest first.
"""

from datetime import datetime
from typing import Any, Final

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _

from hromada.portal import metadata, selectors
from hromada.portal.models import NewsCategory, NewsPage

MAX_ITEMS: Final = 50


class NewsRssFeed(Feed):
    """The news of the whole portal, or of one category, as RSS 2.0."""

    feed_type: type[feedgenerator.SyndicationFeed] = feedgenerator.Rss201rev2Feed
    language = "uk"
    route_name = "news_rss"

    def get_object(
        self, request: HttpRequest, category: str = "", **kwargs: Any
    ) -> NewsCategory | None:
        if not category:
            return None
        found = selectors.news_category_get(slug=category)
        if found is None:
            raise Http404
        return found

    def title(self, obj: NewsCategory | None) -> str:
        city = settings.HROMADA_CITY["name"]
        if obj is None:
            return _("%(city)s: news") % {"city": city}
        return _("%(city)s: news, %(category)s") % {"city": city, "category": obj.name}

    def description(self, obj: NewsCategory | None) -> str:
        return _("News of the city council and its executive bodies.")

    def link(self, obj: NewsCategory | None) -> str:
        index = selectors.news_index_main()
        path = index.url if index is not None and index.url else "/"
        if obj is not None:
            path += f"?category={obj.slug}"
        return metadata.absolute_url(path)

    def feed_url(self, obj: NewsCategory | None) -> str:
        if obj is None:
            return metadata.absolute_url(reverse(f"portal:{self.route_name}"))
        name = self.route_name.replace("news_", "news_category_")
        return metadata.absolute_url(reverse(f"portal:{name}", args=[obj.slug]))

    def feed_guid(self, obj: NewsCategory | None) -> str:
        return self.feed_url(obj)

    def author_name(self) -> str:
        return str(settings.HROMADA_CITY["name"])

    def items(self, obj: NewsCategory | None) -> list[NewsPage]:
        slug = obj.slug if obj is not None else ""
        news = selectors.news_list(category_slug=slug).prefetch_related("categories")
        return list(news[:MAX_ITEMS])

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.lead

    def item_link(self, item: NewsPage) -> str:
        return metadata.absolute_url(item.url or "/")

    def item_guid(self, item: NewsPage) -> str:
        return f"urn:uuid:{item.translation_key}"

    def item_guid_is_permalink(self, item: NewsPage) -> bool:
        return False

    def item_pubdate(self, item: NewsPage) -> datetime | None:
        return _kyiv(item.first_published_at)

    def item_updateddate(self, item: NewsPage) -> datetime | None:
        return _kyiv(item.last_published_at or item.first_published_at)

    def item_categories(self, item: NewsPage) -> list[str]:
        return [category.name for category in item.categories.all()]


def _kyiv(moment: datetime | None) -> datetime | None:
    """Dates in Kyiv time, with its offset, as the council writes them."""
    return timezone.localtime(moment) if moment is not None else None


class NewsAtomFeed(NewsRssFeed):
    """The same news as Atom 1.0."""

    feed_type = feedgenerator.Atom1Feed
    route_name = "news_atom"

    def subtitle(self, obj: NewsCategory | None) -> str:
        return self.description(obj)
