"""RSS 2.0 and Atom 1.0 feeds of adopted acts (STANDARDS §5.2).

An item's id is the act's permanent address, which never changes when the
act is corrected; its date is the act's date, and Atom's ``updated`` is
the last change of its card. At most 50 items, newest first.
"""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import gettext_lazy as _

from hromada.registry.models import LegalAct
from hromada.registry.selectors import acts as act_selectors

FEED_ITEMS = 50
SUMMARY_WORDS = 60


class ActsRssFeed(Feed):
    """The newest adopted public acts, as RSS 2.0."""

    feed_type: type[SyndicationFeed] = Rss201rev2Feed
    # The acts are in Ukrainian whatever the reader's language.
    language = "uk"
    title = _("Legal acts of the city")
    description = _("Decisions of the council and its executive committee, orders.")

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> None:
        """No object: the feed is of every act; keep the request for ids."""
        self.request = request

    def link(self) -> str:
        """The registry's search page."""
        return "/acts/"

    def items(self) -> list[LegalAct]:
        """The newest adopted public acts."""
        return act_selectors.act_list_latest_public(limit=FEED_ITEMS)

    def item_title(self, item: LegalAct) -> str:
        """«Рішення ради № 12 від 14.03.2025: Про …»."""
        return _("%(kind)s № %(number)s of %(date)s: %(title)s") % {
            "kind": item.get_kind_display(),
            "number": item.number,
            "date": item.adopted_on.strftime("%d.%m.%Y"),
            "title": item.title,
        }

    def item_description(self, item: LegalAct) -> str:
        """The first words of the act's current text."""
        words = item.current_text.split()  # type: ignore[attr-defined]
        summary = " ".join(words[:SUMMARY_WORDS])
        return summary + (" …" if len(words) > SUMMARY_WORDS else "")

    def item_link(self, item: LegalAct) -> str:
        """The act's permanent address."""
        return item.get_absolute_url()

    def item_guid(self, item: LegalAct) -> str:
        """The act's permanent address, made absolute: it never changes."""
        return self.request.build_absolute_uri(item.get_absolute_url())

    item_guid_is_permalink = True

    def item_pubdate(self, item: LegalAct) -> datetime:
        """The act's date, at the start of the day in the city."""
        return datetime.combine(item.adopted_on, time(), ZoneInfo(settings.TIME_ZONE))

    def item_updateddate(self, item: LegalAct) -> datetime:
        """The last change of the act's card."""
        return item.updated_at

    def item_categories(self, item: LegalAct) -> list[str]:
        """The act's kind."""
        return [str(item.get_kind_display())]


class ActsAtomFeed(ActsRssFeed):
    """The same acts as Atom 1.0."""

    feed_type = Atom1Feed
    subtitle = ActsRssFeed.description

    def author_name(self) -> str:
        """The council, as the publisher of every entry."""
        return str(settings.HROMADA_CITY["name"])
