"""POST requests: the extensions and limits (STANDARDS §1.5, §1.11;
checklist item 33), media, privacy, rate, CORS."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import MULTIPART_CONTENT
from django.utils import timezone

from hromada.api.models import Open311Client
from hromada.api.open311 import services
from hromada.api.tests.open311.conftest import BASE, errors_of
from hromada.api.tests.open311.post_support import (
    PNG,
    post,
    request_id_of,
    token_of,
)
from hromada.appeals.models import (
    AppealAttachment,
    AppealIntake,
)
from hromada.appeals.tests.factories import accepted_register

pytestmark = pytest.mark.django_db


def test_item_33_deviceid_is_taken_as_device_id_for_the_rate_limit(
    http, lamp, form, django_capture_on_commit_callbacks
):
    # given: five reports from one device, each from another address
    for number in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            response = post(
                http, {**form, "deviceid": "dev-1", "email": f"p{number}@t.example"}
            )
        assert response.status_code == 200

    # when
    with django_capture_on_commit_callbacks(execute=True):
        same_device = post(
            http, {**form, "device_id": "dev-1", "email": "p9@t.example"}
        )
        other_device = post(
            http, {**form, "deviceid": "dev-2", "email": "p9@t.example"}
        )

    # then: the filing service's five in ten minutes, per person
    assert same_device.status_code == 400
    assert [code for code, _text in errors_of(same_device)] == ["429"]
    assert other_device.status_code == 200
    assert AppealIntake.objects.count() == 6


def test_item_33_address_id_not_pinpointed_is_accepted(http, lamp, form):
    # given
    del form["lat"], form["long"]
    form["address_id"] = "#NOTPINPOINTED#"

    # when
    response = post(http, form)

    # then
    assert response.status_code == 200
    [appeal] = accepted_register()
    assert (appeal.address, appeal.address_text, appeal.lon) == (
        None,
        "Місце не позначено на мапі",
        None,
    )


def test_not_pinpointed_with_an_address_string_keeps_the_string(http, lamp, form):
    del form["lat"], form["long"]
    form["address_id"] = "#NOTPINPOINTED#"
    form["address_string"] = "Садова, 5"

    post(http, form)

    [appeal] = accepted_register()
    assert appeal.address_text == "Садова, 5"


def test_ignored_parameters_are_accepted(http, lamp, form):
    form.update(account_id="acc-1", device_id="dev-1", jurisdiction_id="rada.example")

    response = post(http, form)

    assert response.status_code == 200


def test_the_filing_services_refusals_come_one_error_a_field(http, lamp, form):
    for name in ("first_name", "last_name", "email"):
        del form[name]

    response = post(http, form)

    assert response.status_code == 400
    assert errors_of(response) == [
        ("400", "last_name: Fill in this field."),
        ("400", "first_name: Fill in this field."),
        ("400", "email: Fill in this field."),
    ]


def test_html_in_the_description_is_refused_not_stripped(http, lamp, form):
    form["description"] = "Не світить <script>alert(1)</script>"

    response = post(http, form)

    assert errors_of(response) == [
        (
            "400",
            "description: Write plain text: HTML tags and scripts are not accepted.",
        ),
    ]


def test_a_phone_longer_than_the_record_takes_is_400(http, lamp, form):
    form["phone"] = "+380 50 123 45 67 ext. 123"

    response = post(http, form)

    assert errors_of(response) == [("400", "phone may be 20 characters at most.")]


def test_without_a_description_the_category_name_is_the_text(http, pothole, form):
    form.update(service_code="ROAD-POTHOLE", description="")
    del form["attribute[HOW_MANY]"], form["attribute[POLE_NO]"]

    post(http, form)

    [appeal] = accepted_register()
    assert (appeal.title, appeal.description) == (
        "Вибоїна на дорозі",
        "Вибоїна на дорозі",
    )


def test_media_urls_are_kept_as_links_within_the_limit(http, lamp, form):
    # given: a description with one link and three photo links
    form["description"] = "Див. https://fms.example/report/7"
    form["media_url"] = [
        "https://fms.example/photo/1.jpeg",
        "https://fms.example/photo/2.jpeg",
        "https://fms.example/photo/3.jpeg",
    ]

    # when
    response = post(http, form)

    # then: two fit under the limit of three links
    [appeal] = accepted_register()
    assert appeal.description == (
        "Див. https://fms.example/report/7\n\n"
        "Фото: https://fms.example/photo/1.jpeg\n"
        "Фото: https://fms.example/photo/2.jpeg"
    )
    assert response.json()[0]["service_notice"].endswith(
        " Не збережено посилань на фото: 1."
    )


def test_a_media_url_that_is_not_a_web_address_is_400(http, lamp, form):
    form["media_url"] = "javascript:alert(1)"

    response = post(http, form)

    assert errors_of(response) == [
        ("400", "media_url must be an http or https address.")
    ]


def test_photos_come_as_file_parts(http, lamp, form):
    # given
    data = {
        **form,
        "media": SimpleUploadedFile("lamp.png", PNG, content_type="image/png"),
        "photo2": SimpleUploadedFile("pole.png", PNG, content_type="image/png"),
    }

    # when
    response = http.post(BASE + "requests.xml", data, content_type=MULTIPART_CONTENT)

    # then: the files are linked to the appeal when it is registered
    assert response.status_code == 200
    [appeal] = accepted_register()
    attachments = (
        AppealAttachment.objects.filter(appeal=appeal)
        .select_related("stored_file")
        .order_by("pk")
    )
    assert [(a.stored_file.original_name, a.is_image) for a in attachments] == [
        ("lamp.png", True),
        ("pole.png", True),
    ]


def test_private_true_files_a_confidential_appeal(http, lamp, form):
    # given
    token = token_of(post(http, {**form, "private": "true"}))

    # when
    [appeal] = accepted_register()

    # then
    assert appeal.is_public is False
    public_id = request_id_of(http, token)
    assert public_id == str(appeal.public_id)
    assert http.get(f"{BASE}requests/{public_id}.json").status_code == 404


def test_private_takes_only_true_or_false(http, lamp, form):
    response = post(http, {**form, "private": "yes"})

    assert errors_of(response) == [("400", "private must be true or false.")]


def test_a_runaway_client_meets_its_ceiling(
    http, lamp, form, monkeypatch, django_capture_on_commit_callbacks
):
    # given
    from hromada.core import ratelimit

    monkeypatch.setattr(
        services,
        "CLIENT_RATES",
        (ratelimit.RateLimit(scope="open311.requests", limit=2, window_seconds=60),),
    )
    for number in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            response = post(http, {**form, "device_id": f"d{number}"})
        assert response.status_code == 200

    # when
    response = post(http, {**form, "device_id": "d9"})

    # then
    assert response.status_code == 400
    assert [code for code, _text in errors_of(response)] == ["429"]
    assert AppealIntake.objects.count() == 2


def test_a_browser_origin_must_be_one_the_key_allows(http, lamp, form, admin):
    # given
    _client, key = services.open311_client_issue(
        actor=admin, name="Мапа громади", allowed_origins=["https://map.example.org"]
    )
    form["api_key"] = key

    # when
    allowed = post(http, form, HTTP_ORIGIN="https://map.example.org")
    other = post(http, form, HTTP_ORIGIN="https://evil.example")

    # then
    assert allowed.status_code == 200
    assert allowed["Access-Control-Allow-Origin"] == "https://map.example.org"
    assert "Origin" in allowed["Vary"]
    assert other.status_code == 403
    assert "Access-Control-Allow-Origin" not in other
    assert AppealIntake.objects.count() == 1


def test_a_server_without_an_origin_gets_no_cors_header(http, lamp, form):
    response = post(http, form)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_the_key_is_stamped_at_most_once_a_minute(http, lamp, form):
    # given
    post(http, form)
    client = Open311Client.objects.get()
    first = client.last_used_at

    # when
    post(http, {**form, "device_id": "other"})

    # then
    client.refresh_from_db()
    assert client.last_used_at == first
    assert first <= timezone.now()
