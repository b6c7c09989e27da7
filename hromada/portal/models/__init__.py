"""Pages of the public portal (Wagtail) and the rows they need."""

from hromada.portal.models.base import PortalPage, PortalPageForm, free_slug
from hromada.portal.models.bodies import BodiesIndexPage, BodyPage
from hromada.portal.models.events import (
    EventPage,
    EventsCalendarPage,
    EventSequence,
    EventStatus,
)
from hromada.portal.models.news import (
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
)
from hromada.portal.models.pages import (
    AccessibilityStatementPage,
    BroadcastPage,
    BroadcastsPage,
    ComplianceStatus,
    ContactsPage,
    FormSample,
    FormsSamplesPage,
    HomePage,
    StandardPage,
)
from hromada.portal.models.sections import PortalSection

__all__ = [
    "AccessibilityStatementPage",
    "BodiesIndexPage",
    "BodyPage",
    "BroadcastPage",
    "BroadcastsPage",
    "ComplianceStatus",
    "ContactsPage",
    "EventPage",
    "EventSequence",
    "EventStatus",
    "EventsCalendarPage",
    "FormSample",
    "FormsSamplesPage",
    "HomePage",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PortalPage",
    "PortalPageForm",
    "PortalSection",
    "StandardPage",
    "free_slug",
]
