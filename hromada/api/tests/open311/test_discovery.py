"""Discovery (STANDARDS §1.3; checklist items 1–3)."""

import pytest

from hromada.api.tests.open311 import shapes
from hromada.api.tests.open311.conftest import BASE

pytestmark = pytest.mark.django_db

BASE_SPEC = "http://wiki.open311.org/GeoReport_v2"
MYSOCIETY_SPEC = (
    "https://github.com/mysociety/fixmystreet/wiki/"
    "Open311-FMS---Proposed-differences-to-Open311"
)
EXTENSIONS_SPEC = "http://wiki.open311.org/GeoReport_v2/Extensions/"


def test_item_1_discovery_answers_in_xml_and_json_with_the_four_fields(http, lamp):
    # when
    xml = http.get(BASE + "discovery.xml")
    json_ = http.get(BASE + "discovery.json")

    # then
    assert (xml.status_code, json_.status_code) == (200, 200)
    data = json_.json()
    assert isinstance(data, dict)
    assert set(data) == {"changeset", "contact", "key_service", "endpoints"}
    shapes.discovery(data)
    shapes.same_content(xml, json_)


def test_item_2_every_endpoint_names_its_specification_url_type_and_formats(
    http, lamp, settings
):
    # given
    settings.HROMADA_SITE_URL = "https://rada.example.gov.ua/"

    # when
    data = http.get(BASE + "discovery.json").json()

    # then
    url = "https://rada.example.gov.ua/open311/v2"
    assert [
        (e["specification"], e["url"], e["type"], e["formats"])
        for e in data["endpoints"]
    ] == [
        (spec, url, "production", ["text/xml", "application/json"])
        for spec in (
            BASE_SPEC,
            MYSOCIETY_SPEC,
            EXTENSIONS_SPEC,
            url + "/discovery.html#hromada",
        )
    ]
    assert {e["changeset"] for e in data["endpoints"]} == {data["changeset"]}


def test_item_3_the_discovery_url_with_services_xml_is_a_working_url(
    http, lamp, settings
):
    # given
    settings.HROMADA_SITE_URL = "https://rada.example.gov.ua"
    url = http.get(BASE + "discovery.json").json()["endpoints"][0]["url"]

    # when
    response = http.get(
        url.removeprefix("https://rada.example.gov.ua") + "/services.xml"
    )

    # then
    assert response.status_code == 200
    assert shapes.parsed_xml(response.content.decode())[0]["service_code"] == (
        "STREETLIGHT-OUT"
    )


def test_the_changeset_moves_when_the_catalogue_changes(http, lamp):
    # given
    before = http.get(BASE + "discovery.json").json()["changeset"]

    # when: a question is reworded a moment later
    from django.utils import timezone

    from hromada.appeals.models import CategoryQuestion

    later = timezone.now() + timezone.timedelta(minutes=5)
    CategoryQuestion.objects.filter(code="POLE_NO").update(
        label="Номер опори (на табличці)", updated_at=later
    )

    # then
    after = http.get(BASE + "discovery.json").json()["changeset"]
    assert after > before
    assert after == timezone.localtime(later).isoformat(timespec="seconds")


def test_discovery_names_the_contact_from_the_settings(http, lamp, settings):
    settings.HROMADA_OPEN311_CONTACT = "open311@rada.example.gov.ua, +380 44 000 00 00"

    data = http.get(BASE + "discovery.json").json()

    assert data["contact"] == "open311@rada.example.gov.ua, +380 44 000 00 00"
    assert data["key_service"] == (
        "A system administrator of the council issues keys for applications "
        "that file requests; ask through the contact: "
        "open311@rada.example.gov.ua, +380 44 000 00 00"
    )


def test_the_html_rendering_describes_hromadas_additions(lamp, settings):
    from django.test import Client

    settings.HROMADA_SITE_URL = "https://rada.example.gov.ua"

    response = Client().get(BASE + "discovery.html")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="hromada"' in page
    assert "https://rada.example.gov.ua/open311/v2" in page
    assert 'lang="uk"' in page
    assert "private=true" in page
    assert (
        "Кожна послуга — batch: POST приймає звернення й відповідає токеном, "
        "а не service_request_id. Звернення реєструється за мить після "
        "прийняття, зазвичай протягом хвилини. Доти tokens/{token} відповідає "
        "лише токеном"
    ) in page
    assert "realtime" not in page
