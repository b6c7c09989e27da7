"""The services' section of ``/sitemap.xml`` (STANDARDS §5.3).

Every public information card's address with the last change of the card;
a draft or an archived card never appears.
"""

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from hromada.cnap import selectors
from hromada.cnap.models import AdministrativeService


class ServiceSitemap(Sitemap):
    """Public cards, oldest first so that the file's contents stay stable."""

    limit = 50_000

    def items(self) -> QuerySet[AdministrativeService]:
        """The public cards, only the columns an address needs."""
        return (
            selectors.service_list_public()
            .select_related(None)
            .only("slug", "updated_at")
            .order_by("id")
        )

    def location(self, item: AdministrativeService) -> str:
        """The card's public address."""
        return item.get_absolute_url()

    def lastmod(self, item: AdministrativeService) -> datetime:
        """The last change of the card."""
        return item.updated_at
