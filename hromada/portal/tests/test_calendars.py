import re
from datetime import timedelta

import pytest
from icalendar import Calendar

from hromada.portal import calendars, services

pytestmark = pytest.mark.django_db


def _events(text: str) -> list[str]:
    return re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", text, re.S)


def _unfolded(text: str) -> str:
    return text.replace("\r\n ", "")


def test_calendar_feed_follows_rfc_5545(client, make_event):
    # given
    make_event("Сесія, бюджет; земля", place="Зала №1, вул. Центральна\nпід’їзд 2")

    # when
    response = client.get("/calendars/events.ics")

    # then
    text = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hromada//")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert (text.count("VERSION:"), text.count("PRODID:")) == (1, 1)
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Kyiv\r\n" in text
    event = _unfolded(_events(text)[0])
    assert "SUMMARY:Сесія\\, бюджет\\; земля\r\n" in event
    assert "LOCATION:Зала №1\\, вул. Центральна\\nпід’їзд 2\r\n" in event
    for name in ("UID:", "DTSTAMP:", "DTSTART;TZID=Europe/Kyiv:", "SEQUENCE:0"):
        assert name in event


def test_folding_never_splits_a_character():
    line = "SUMMARY:" + "ї" * 100

    folded = calendars.fold(line)

    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert "".join(piece.removeprefix(" ") for piece in pieces) == line


def test_rescheduled_event_keeps_its_uid_and_raises_its_sequence(client, make_event):
    # given
    event = make_event("Сесія міської ради")
    before = _unfolded(client.get(f"/events/{event.slug}.ics").content.decode())

    # when
    services.page_revise(
        page=event,
        changes={
            "starts_at": event.starts_at + timedelta(days=1),
            "ends_at": event.ends_at + timedelta(days=1),
        },
        actor=None,
    )
    after = _unfolded(client.get(f"/events/{event.slug}.ics").content.decode())

    # then
    uid = re.search(r"UID:(.*)\r\n", before).group(1)
    assert (
        uid
        == re.search(r"UID:(.*)\r\n", after).group(1)
        == f"portal-event-{event.pk}@127.0.0.1"
    )
    assert ("SEQUENCE:0" in before, "SEQUENCE:1" in after) == (True, True)


def test_a_change_of_text_only_keeps_the_sequence(client, make_event):
    event = make_event("Сесія міської ради")

    services.page_revise(page=event, changes={"summary": "Інший опис."}, actor=None)

    assert "SEQUENCE:0" in client.get(f"/events/{event.slug}.ics").content.decode()


def test_a_cancelled_event_stays_in_the_feed_as_cancelled(client, make_event):
    event = make_event("Фестиваль")

    services.page_revise(page=event, changes={"status": "cancelled"}, actor=None)

    text = _unfolded(client.get("/calendars/events.ics").content.decode())
    assert "SUMMARY:Фестиваль\r\n" in text
    assert "STATUS:CANCELLED" in text
    assert "SEQUENCE:1" in text


def test_single_event_is_an_attachment(client, make_event):
    event = make_event("Фестиваль")

    response = client.get(f"/events/{event.slug}.ics")

    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    assert len(_events(response.content.decode())) == 1


def test_calendar_page_feed_has_its_own_events(client, calendar, make_event):
    make_event("Фестиваль")

    response = client.get(f"/calendars/events/{calendar.slug}.ics")

    assert "Фестиваль" in _unfolded(response.content.decode())
    assert client.get("/calendars/events/nemaie.ics").status_code == 404


def test_a_calendar_client_imports_the_calendar(client, make_event):
    # given: icalendar, the parser Python calendar clients are built on
    event = make_event("Сесія, бюджет; земля", place="Зала №1\nпід’їзд 2")

    # when
    whole = Calendar.from_ical(client.get("/calendars/events.ics").content)
    single = Calendar.from_ical(client.get(f"/events/{event.slug}.ics").content)

    # then: the same event in both, at the same moment, in Kyiv's time zone
    for calendar in (whole, single):
        (read,) = calendar.walk("VEVENT")
        assert str(read["SUMMARY"]) == "Сесія, бюджет; земля"
        assert str(read["LOCATION"]).startswith("Зала №1\nпід’їзд 2")
        assert read.decoded("DTSTART") == event.starts_at
        assert read.decoded("DTEND") == event.ends_at
        assert str(read.decoded("DTSTART").tzinfo) == "Europe/Kyiv"
        assert str(read["UID"]) == f"portal-event-{event.pk}@127.0.0.1"
    assert [tz["TZID"] for tz in whole.walk("VTIMEZONE")] == ["Europe/Kyiv"]
