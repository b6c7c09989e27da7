"""POSTing a citizen's update (mySociety's servicerequestupdates, STANDARDS
§1.10; checklist item 31): taken once per client id, the applicant's word
closes or reopens an answered appeal, anything else is a comment that no
public read shows."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.api.models import Open311Update
from hromada.api.tests.open311 import shapes
from hromada.api.tests.open311.conftest import BASE, errors_of, file_appeal
from hromada.api.tests.open311.post_support import post, request_id_of, token_of
from hromada.appeals.models import (
    AppealEvent,
    AppealEventKind,
    AppealOutcome,
    AppealStatus,
)
from hromada.appeals.services import answers, execution
from hromada.appeals.tests.factories import (
    RoutingRuleFactory,
    accepted_register,
    enterprise,
)
from hromada.core.models import AuditEvent
from hromada.documents.models import Resolution
from hromada.notifications.models import Notification

pytestmark = pytest.mark.django_db

URL = BASE + "servicerequestupdates"
APPLICANT = "olena@test.example"


@pytest.fixture
def lights(lamp):
    unit = enterprise("КП «Міськсвітло»")
    RoutingRuleFactory(category=lamp, unit=unit.unit)
    return unit


@pytest.fixture
def answered(lamp, lights):
    """A public appeal answered through the EDMS, as the city answers."""
    appeal = execution.appeal_assign(
        appeal=file_appeal(lamp), actor=lights.dispatcher, executor=lights.executor
    )
    answers.answer_submit(
        appeal=appeal,
        actor=lights.executor,
        text="Лампу замінено 12.05.",
        outcome=AppealOutcome.SATISFIED,
    )
    return answers.answer_accept(appeal=appeal, actor=lights.director)


def update(appeal, key, **fields):
    return {
        "api_key": key,
        "service_request_id": str(appeal.public_id),
        "update_id": "fms-1001",
        "updated_datetime": timezone.now().isoformat(),
        "status": "OPEN",
        "description": "Ліхтар знову не світить після дощу.",
        **fields,
    }


def update_id_of(response, fmt="json"):
    if fmt == "json":
        data = response.json()
        assert [set(item) for item in data] == [{"update_id"}]
        return data[0]["update_id"]
    text = response.content.decode()
    assert "<service_request_updates><request_update><update_id>" in text
    return shapes.parsed_xml(text)[0]["update_id"]


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_item_31_the_same_client_update_id_is_taken_once(http, lamp, open311_key, fmt):
    # given
    appeal = file_appeal(lamp)
    sent = update(appeal, open311_key, email="neighbour@test.example")

    # when: the client sends it, then retries
    first = http.post(f"{URL}.{fmt}", sent)
    again = http.post(f"{URL}.{fmt}", sent)

    # then: one comment, the same Hromada id twice
    assert first.status_code == again.status_code == 200
    comments = AppealEvent.objects.filter(appeal=appeal, kind=AppealEventKind.REMARKED)
    assert comments.count() == 1
    assert update_id_of(first, fmt) == update_id_of(again, fmt)
    assert update_id_of(first, fmt) == str(comments.get().public_id)
    assert Open311Update.objects.count() == 1
    # a new id of the same client is a new update
    http.post(f"{URL}.{fmt}", {**sent, "update_id": "fms-1002"})
    assert comments.count() == 2


def test_a_client_relays_an_update_to_the_request_its_token_names(
    http, lamp, form, open311_key
):
    # given: a request the client filed; the token is not the request's id
    token = token_of(post(http, form))
    sent = {
        "api_key": open311_key,
        "service_request_id": token,
        "update_id": "fms-2001",
        "updated_datetime": timezone.now().isoformat(),
        "status": "OPEN",
        "description": "Опора 12-345 ще й нахилилася.",
        "email": APPLICANT,
    }
    too_early = http.post(f"{URL}.json", sent)
    [appeal] = accepted_register()

    # when: the client resolves the token and relays the update
    public_id = request_id_of(http, token)
    response = http.post(f"{URL}.json", {**sent, "service_request_id": public_id})

    # then
    assert too_early.status_code == 404
    assert public_id == str(appeal.public_id)
    assert response.status_code == 200, response.content
    event = AppealEvent.objects.get(appeal=appeal, kind=AppealEventKind.COMMENTED)
    assert (event.text, update_id_of(response)) == (
        "Опора 12-345 ще й нахилилася.",
        str(event.public_id),
    )
    assert Open311Update.objects.get().appeal == appeal


def test_a_comment_reaches_the_officials_and_no_public_read(
    http, client, lamp, lights, open311_key
):
    # given: an appeal on an executor's desk
    appeal = execution.appeal_assign(
        appeal=file_appeal(lamp), actor=lights.dispatcher, executor=lights.executor
    )
    words = "Опора 12-345 хитається, дзвоніть 0671234567"

    # when
    response = http.post(
        f"{URL}.json",
        update(appeal, open311_key, description=words, email=APPLICANT),
    )

    # then: the applicant's comment on the staff timeline; the officials told
    assert response.status_code == 200, response.content
    event = AppealEvent.objects.get(appeal=appeal, kind=AppealEventKind.COMMENTED)
    assert event.text == words
    told = Notification.objects.filter(template="appeals/commented")
    assert {n.recipient_id for n in told} == {
        lights.executor.pk,
        lights.director.pk,
    }
    assert AuditEvent.objects.filter(action="api.open311_update_submit").exists()
    # and: nowhere public
    reads = [
        client.get(f"/appeals/{appeal.public_id}/"),
        http.get(f"{BASE}requests/{appeal.public_id}.json", {"extensions": "true"}),
        http.get(
            f"{URL}.json",
            {
                "api_key": open311_key,
                "start_date": (timezone.now() - timedelta(hours=1)).isoformat(),
                "end_date": (timezone.now() + timedelta(minutes=1)).isoformat(),
            },
        ),
    ]
    for read in reads:
        assert read.status_code == 200
        assert "0671234567" not in read.content.decode()
        assert str(event.public_id) not in read.content.decode()


def test_the_applicant_says_not_resolved_and_the_appeal_reopens(
    http, answered, lights, open311_key
):
    # when
    response = http.post(
        f"{URL}.xml", update(answered, open311_key, email=APPLICANT.upper())
    )

    # then: back on the executor's desk under a new resolution
    assert response.status_code == 200, response.content
    answered.refresh_from_db()
    assert answered.status == AppealStatus.IN_PROGRESS
    assert answered.reopened_count == 1
    assert answered.rating is None
    assert answered.rating_comment == "Ліхтар знову не світить після дощу."
    reopened = AppealEvent.objects.get(appeal=answered, kind=AppealEventKind.REOPENED)
    assert update_id_of(response, "xml") == str(reopened.public_id)
    assert Resolution.objects.filter(document=answered.document).count() == 2
    assert Notification.objects.filter(
        template="appeals/reopened", recipient=lights.executor
    ).exists()


def test_the_applicant_says_fixed_and_the_appeal_closes(http, answered, open311_key):
    response = http.post(
        f"{URL}.json",
        update(answered, open311_key, email=APPLICANT, status="fixed"),
    )

    assert response.status_code == 200, response.content
    answered.refresh_from_db()
    assert answered.status == AppealStatus.CLOSED
    closed = AppealEvent.objects.get(appeal=answered, kind=AppealEventKind.CLOSED)
    assert update_id_of(response) == str(closed.public_id)


def test_someone_elses_reopen_is_only_a_comment(http, answered, open311_key):
    response = http.post(
        f"{URL}.json", update(answered, open311_key, email="other@test.example")
    )

    assert response.status_code == 200
    answered.refresh_from_db()
    assert answered.status == AppealStatus.ANSWERED
    assert AppealEvent.objects.filter(
        appeal=answered, kind=AppealEventKind.REMARKED
    ).exists()


def test_a_reopen_past_the_window_is_refused_and_changes_nothing(
    http, answered, open311_key
):
    type(answered).objects.filter(pk=answered.pk).update(
        answered_at=timezone.now() - timedelta(days=31)
    )
    before = AppealEvent.objects.count()

    response = http.post(f"{URL}.json", update(answered, open311_key, email=APPLICANT))

    assert response.status_code == 400
    assert "30" in errors_of(response)[0][1]
    answered.refresh_from_db()
    assert answered.status == AppealStatus.ANSWERED
    assert AppealEvent.objects.count() == before
    assert not Open311Update.objects.exists()


def test_a_confidential_request_is_found_by_its_applicant_only(http, lamp, open311_key):
    appeal = file_appeal(lamp, is_public=False)

    stranger = http.post(
        f"{URL}.json", update(appeal, open311_key, email="other@test.example")
    )
    applicant = http.post(f"{URL}.json", update(appeal, open311_key, email=APPLICANT))

    assert stranger.status_code == 404
    assert applicant.status_code == 200


@pytest.mark.parametrize(
    ("fields", "status", "says"),
    [
        ({"service_request_id": ""}, 400, "service_request_id"),
        ({"update_id": ""}, 400, "update_id"),
        ({"updated_datetime": ""}, 400, "updated_datetime"),
        ({"status": ""}, 400, "status"),
        ({"status": "BROKEN"}, 400, "status"),
        ({"update_id": "no spaces allowed"}, 400, "update_id"),
        ({"updated_datetime": "yesterday"}, 400, "updated_datetime"),
        ({"description": "<script>alert(1)</script>"}, 400, "HTML"),
        ({"description": ""}, 400, "description"),
        ({"media_url": "ftp://x.example/a.jpg"}, 400, "media_url"),
        ({"service_request_id": "00000000-0000-0000-0000-000000000000"}, 404, ""),
        ({"api_key": "o311_forged"}, 403, "api_key"),
    ],
)
def test_bad_updates_are_refused_and_change_nothing(
    http, lamp, open311_key, fields, status, says
):
    appeal = file_appeal(lamp)
    before = AppealEvent.objects.count()

    response = http.post(f"{URL}.json", {**update(appeal, open311_key), **fields})

    assert response.status_code == status, response.content
    assert says in " ".join(text for _code, text in errors_of(response))
    assert AppealEvent.objects.count() == before
    assert not Open311Update.objects.exists()


def test_photo_links_are_kept_with_the_comment(http, lamp, open311_key):
    appeal = file_appeal(lamp)

    http.post(
        f"{URL}.json",
        update(appeal, open311_key, media_url="https://fms.example/p/1.jpg"),
    )

    event = AppealEvent.objects.get(appeal=appeal, kind=AppealEventKind.REMARKED)
    assert event.text.endswith("Фото: https://fms.example/p/1.jpg")
