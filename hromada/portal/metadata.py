"""Open Graph and schema.org descriptions of public pages (STANDARDS §5.5).

Every page gets one JSON-LD block whose ``@graph`` holds its main entity and
its breadcrumb trail, and the Open Graph properties with absolute URLs.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urljoin

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from wagtail.images.views.serve import generate_image_url
from wagtail.models import Page

from hromada.org.models import OrgUnit

if TYPE_CHECKING:
    from hromada.portal.models import BroadcastPage, EventPage, NewsPage, PortalPage

SCHEMA: Final = "https://schema.org"
DEFAULT_IMAGE: Final = "portal/img/og-default.png"
SHARE_FILTER: Final = "fill-1200x630"
# Characters that could end a <script> block or start markup inside it.
_SCRIPT_ESCAPES: Final = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
EVENT_STATUS: Final = {
    "confirmed": "EventScheduled",
    "tentative": "EventScheduled",
    "rescheduled": "EventRescheduled",
    "cancelled": "EventCancelled",
}


@dataclass(frozen=True, kw_only=True, slots=True)
class PageMeta:
    """What the page's ``<head>`` says about it, and its breadcrumbs."""

    title: str
    description: str
    canonical: str
    og_type: str
    image: str
    image_alt: str
    json_ld: SafeString
    breadcrumbs: tuple[tuple[str, str], ...]


def absolute_url(path: str) -> str:
    """``path`` on the portal's public address."""
    return urljoin(settings.HROMADA_SITE_URL, path)


def iso(moment: datetime) -> str:
    """A moment in Kyiv time with its offset: ``2026-11-27T10:00:00+02:00``."""
    return timezone.localtime(moment).isoformat()


def page_metadata(*, page: "PortalPage", request: HttpRequest) -> PageMeta:
    """The head of ``page``: Open Graph, canonical address, JSON-LD."""
    canonical = absolute_url(page.url or "/")
    image = page.image_for_sharing()
    trail = _trail(page)
    entity = {**page.schema_entity(request), "url": canonical}
    graph = [entity, _breadcrumb_list(trail)] if len(trail) > 1 else [entity]
    return PageMeta(
        title=page.seo_title or page.title,
        description=_description(page),
        canonical=canonical,
        og_type=page.og_type,
        image=share_image_url(image),
        image_alt=_image_alt(page, image),
        json_ld=json_ld({"@context": SCHEMA, "@graph": graph}),
        breadcrumbs=tuple(trail),
    )


def json_ld(data: dict[str, Any]) -> SafeString:
    """``data`` as JSON that is safe inside ``<script>``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Safe: the three characters that could close the script are escaped.
    return mark_safe(text.translate(_SCRIPT_ESCAPES))


def share_image_url(image: Any) -> str:
    """The absolute address of a 1200×630 picture for social networks."""
    if image is None:
        return absolute_url(static(DEFAULT_IMAGE))
    return absolute_url(generate_image_url(image, SHARE_FILTER))


def _image_alt(page: "PortalPage", image: Any) -> str:
    if image is None:
        return settings.HROMADA_CITY["name"]
    return getattr(page, "image_alt", "") or page.title


def _description(page: "PortalPage") -> str:
    text = page.search_description or strip_tags(page.search_text())
    return Truncator(" ".join(text.split())).chars(200)


def _trail(page: Page) -> list[tuple[str, str]]:
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gte=2)
    return [(crumb.title, crumb.url or "/") for crumb in ancestors]


def _breadcrumb_list(trail: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute_url(url),
            }
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def organization(*, org_unit: OrgUnit | None, request: HttpRequest) -> dict[str, Any]:
    """A ``GovernmentOrganization``: the unit's contacts, or the city."""
    city = settings.HROMADA_CITY
    entity: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "name": org_unit.name if org_unit is not None else city["name"],
        "logo": absolute_url(static(city["coat_of_arms"])),
        "areaServed": {"@type": "City", "name": city["short_name"]},
    }
    if org_unit is None:
        return entity
    contacts = {
        "telephone": org_unit.phone,
        "email": org_unit.email,
        "identifier": org_unit.edrpou,
    }
    entity.update({key: value for key, value in contacts.items() if value})
    if org_unit.address:
        entity["address"] = _postal_address(org_unit.address)
    return entity


def _postal_address(street: str) -> dict[str, str]:
    return {"@type": "PostalAddress", "streetAddress": street, "addressCountry": "UA"}


def _publisher() -> dict[str, Any]:
    city = settings.HROMADA_CITY
    return {
        "@type": "GovernmentOrganization",
        "name": city["name"],
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(static(city["coat_of_arms"])),
        },
    }


def news_article(*, page: "NewsPage", request: HttpRequest) -> dict[str, Any]:
    """A ``NewsArticle``: headline, dates with offsets, picture, publisher."""
    published = page.first_published_at or timezone.now()
    return {
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.lead,
        "datePublished": iso(published),
        "dateModified": iso(page.last_published_at or published),
        "image": [share_image_url(page.image)],
        "publisher": _publisher(),
        "inLanguage": "uk",
    }


def event(*, page: "EventPage", request: HttpRequest) -> dict[str, Any]:
    """An ``Event``: dates with offsets, status, place and organiser."""
    place: dict[str, Any] = {"@type": "Place", "name": page.place}
    if page.address:
        place["address"] = _postal_address(page.address)
    if page.latitude is not None and page.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    organizer = page.organizer.name if page.organizer else settings.HROMADA_CITY["name"]
    return {
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "startDate": iso(page.starts_at),
        "endDate": iso(page.ends_at),
        "eventStatus": f"{SCHEMA}/{EVENT_STATUS[page.status]}",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": place,
        "organizer": {"@type": "GovernmentOrganization", "name": organizer},
        "inLanguage": "uk",
    }


def video(*, page: "BroadcastPage", request: HttpRequest) -> dict[str, Any]:
    """A ``VideoObject`` of a session's recording with its transcript."""
    entity: dict[str, Any] = {
        "@type": "VideoObject",
        "name": page.title,
        "description": page.summary,
        "uploadDate": page.held_on.isoformat(),
        "thumbnailUrl": share_image_url(None),
        "embedUrl": page.video_url,
        "transcript": Truncator(strip_tags(page.text_alternative)).chars(5000),
        "inLanguage": "uk",
    }
    if page.duration_minutes:
        entity["duration"] = f"PT{page.duration_minutes}M"
    return entity
