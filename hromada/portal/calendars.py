"""iCalendar (RFC 5545) feeds of the portal's events (STANDARDS §5.1).

Written by hand, a few dozen lines: CRLF line ends, lines folded at 75
octets without splitting a UTF-8 sequence, TEXT values escaped, one
``VTIMEZONE`` for ``Europe/Kyiv``, and UIDs that never change.
"""

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from hromada.portal import metadata, selectors

if TYPE_CHECKING:
    from hromada.portal.models import EventPage, EventsCalendarPage

CONTENT_TYPE: Final = "text/calendar; charset=utf-8"
TZID: Final = "Europe/Kyiv"
REFRESH: Final = "PT1H"
STATUS: Final = {
    "confirmed": "CONFIRMED",
    "tentative": "TENTATIVE",
    "rescheduled": "CONFIRMED",
    "cancelled": "CANCELLED",
}
# EET/EEST since 1996: the last Sundays of March and October.
VTIMEZONE: Final = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19701025T040000",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "TZNAME:EET",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0300",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "TZNAME:EEST",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
)


def domain() -> str:
    """The portal's host name, for PRODID and UIDs."""
    return urlsplit(settings.HROMADA_SITE_URL).hostname or "localhost"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and new
    lines escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """``line`` folded into pieces of at most 75 octets (§3.1), never
    splitting a character."""
    pieces: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def utc_stamp(moment: datetime) -> str:
    """``20261127T080000Z``."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local_stamp(moment: datetime) -> str:
    """``20261127T100000`` in Kyiv time, for ``TZID=Europe/Kyiv``."""
    return timezone.localtime(moment).strftime("%Y%m%dT%H%M%S")


def event_uid(event: "EventPage") -> str:
    """``portal-event-41@host``: a page's id never changes, whatever moves."""
    return f"portal-event-{event.pk}@{domain()}"


def vevent(event: "EventPage", *, stamp: datetime) -> list[str]:
    """The lines of one ``VEVENT``."""
    sequence = getattr(event, "ical_sequence", None)
    location = ", ".join(part for part in (event.place, event.address) if part)
    url = metadata.absolute_url(event.url or "/")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event_uid(event)}",
        f"DTSTAMP:{utc_stamp(stamp)}",
        f"SEQUENCE:{sequence.sequence if sequence else 0}",
        f"DTSTART;TZID={TZID}:{local_stamp(event.starts_at)}",
        f"DTEND;TZID={TZID}:{local_stamp(event.ends_at)}",
        f"SUMMARY:{escape_text(event.title)}",
        f"DESCRIPTION:{escape_text(event.summary + chr(10) + url)}",
        f"LOCATION:{escape_text(location)}",
        f"URL:{url}",
        f"STATUS:{STATUS[event.status]}",
    ]
    if event.latitude is not None and event.longitude is not None:
        lines.append(f"GEO:{event.latitude};{event.longitude}")
    if event.first_published_at:
        lines.append(f"CREATED:{utc_stamp(event.first_published_at)}")
    if event.last_published_at:
        lines.append(f"LAST-MODIFIED:{utc_stamp(event.last_published_at)}")
    if event.organizer is not None:
        lines.append(f"CATEGORIES:{escape_text(event.organizer.name)}")
    return [*lines, "END:VEVENT"]


def calendar_text(*, name: str, events: Iterable["EventPage"]) -> str:
    """A whole ``VCALENDAR`` with ``events``."""
    stamp = timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Hromada//{domain()}//UK",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        *VTIMEZONE,
    ]
    for event in events:
        lines += vevent(event, stamp=stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def ics_response(text: str, *, filename: str = "") -> HttpResponse:
    """``text`` as ``text/calendar``; a single event comes as an attachment."""
    response = HttpResponse(text.encode(), content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def calendar_response(
    *, request: HttpRequest, calendar: "EventsCalendarPage"
) -> HttpResponse:
    """One calendar page's events."""
    name = f"{settings.HROMADA_CITY['name']}: {calendar.title}"
    events = selectors.event_list_for_feed(calendar=calendar)
    return ics_response(calendar_text(name=name, events=events))
