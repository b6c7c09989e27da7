"""The portal's open dataset: the city's events (КМУ №835 lists the plans
of public events among what a council publishes).

Every published public event, past and coming, with its times in Kyiv
time and its place; the point on the map when the editor gave one, so the
catalogue offers GeoJSON too.
"""

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.datasets import (
    ColumnType,
    DatasetColumn,
    DatasetProducer,
    Row,
    UpdateFrequency,
)
from hromada.portal import metadata, selectors
from hromada.portal.models import EventPage

COLUMNS = (
    DatasetColumn("title", _("Event")),
    DatasetColumn("summary", _("Summary")),
    DatasetColumn("starts_at", _("Starts at"), type=ColumnType.DATETIME),
    DatasetColumn("ends_at", _("Ends at"), type=ColumnType.DATETIME),
    DatasetColumn(
        "status",
        pgettext_lazy("event", "Status"),
        _("confirmed, tentative or cancelled (the iCalendar STATUS)."),
    ),
    DatasetColumn("place", _("Place")),
    DatasetColumn("address", _("Address")),
    DatasetColumn("organiser", _("Organiser")),
    DatasetColumn("url", _("Address of the event's page"), type=ColumnType.URL),
)


def _rows() -> Iterator[Row]:
    for event in selectors.event_list().select_related("organizer").iterator():
        yield {
            "title": event.title,
            "summary": event.summary,
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "status": event.status,
            "place": event.place,
            "address": event.address,
            "organiser": event.organizer.name if event.organizer else "",
            "url": metadata.absolute_url(event.url or "/"),
            "geometry": _point(event),
        }


def _point(event: EventPage) -> dict[str, object] | None:
    """The event's place as a GeoJSON point (WGS 84), if the editor set it."""
    if event.latitude is None or event.longitude is None:
        return None
    return {
        "type": "Point",
        "coordinates": [float(event.longitude), float(event.latitude)],
    }


EVENTS_DATASET = DatasetProducer(
    name="podii-hromady",
    owner="portal",
    title=_("Public events of the city"),
    description=_(
        "Sessions, hearings, festivals and other public events the council "
        "publishes in its calendar: what, when (Kyiv time), where and who "
        "organises it, with the address of each event's page. Cancelled "
        "events stay in the list, marked."
    ),
    purpose=_("Informing the residents of the community about public events."),
    legal_basis=_(
        "Law of Ukraine «On access to public information», art. 10-1 and 15; "
        "Cabinet of Ministers resolution №835 of 21.10.2015."
    ),
    columns=COLUMNS,
    rows=_rows,
    frequency=UpdateFrequency.DAILY,
    keywords=("події", "календар", "заходи"),
    is_spatial=True,
)
