"""The sections of ``/sitemap.xml`` (STANDARDS §5.3): the portal's pages and
the other rooms' public registers, each in its own file."""

from typing import Final

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from hromada.cnap.sitemaps import ServiceSitemap
from hromada.registry.sitemaps import ActSitemap

SECTIONS: Final[dict[str, type[Sitemap]]] = {
    "pages": PageSitemap,
    "acts": ActSitemap,
    "services": ServiceSitemap,
}
