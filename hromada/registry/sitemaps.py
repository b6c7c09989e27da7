"""The acts' section of ``/sitemap.xml`` (STANDARDS §5.3).

Every public act's permanent address with the last change of its card;
internal acts never appear. Django splits the section into files of at
most 50,000 addresses (``?p=2`` …), which the sitemap index lists.
"""

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from hromada.registry.models import ActAccess, LegalAct


class ActSitemap(Sitemap):
    """Public acts, oldest first so that the files' contents stay stable."""

    limit = 50_000

    def items(self) -> QuerySet[LegalAct]:
        """The public acts, only the columns an address needs."""
        return (
            LegalAct.objects.filter(access=ActAccess.PUBLIC)
            .only("slug", "updated_at")
            .order_by("id")
        )

    def location(self, item: LegalAct) -> str:
        """The act's permanent address."""
        return item.get_absolute_url()

    def lastmod(self, item: LegalAct) -> datetime:
        """The last change of the act's card."""
        return item.updated_at
