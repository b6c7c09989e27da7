"""Issue 4's acceptance, its Open311 part: a request POSTed through Open311
is accepted with a token, registered a moment later, and then appears in
the unit's queue in the cabinet and on the public map; its token gives the
request's id, and the client's update with the applicant's word reaches
the executor's page."""

import json
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.api.open311 import services as open311_services
from hromada.appeals.models import Appeal
from hromada.appeals.tests.factories import (
    CITY_LAT,
    CITY_LON,
    CategoryFactory,
    RoutingRuleFactory,
    accepted_register,
    appeals_journal,
    enterprise,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def lights():
    appeals_journal()
    unit = enterprise("КП «Благоустрій»")
    category = CategoryFactory(code="lighting_fault", name="Вуличне освітлення")
    RoutingRuleFactory(category=category, unit=unit.unit)
    return unit


@pytest.fixture
def key():
    admin = UserFactory(roles=[Role.SYSTEM_ADMINISTRATOR])
    _client, text = open311_services.open311_client_issue(
        actor=admin, name="FixMyStreet"
    )
    return text


def post(url: str, fields: dict[str, str]) -> dict:
    """POST a form as a machine client does: no cookies, no token."""
    body = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=body)) as answer:
        return json.loads(answer.read())[0]


def get(url: str) -> dict:
    """GET one Open311 item as a machine client does."""
    with urllib.request.urlopen(url) as answer:
        return json.loads(answer.read())[0]


def test_an_open311_request_reaches_the_queue_and_the_public_map(
    page: Page, live_server, sign_in, axe_violations, lights, key
):
    # when: a client files a report
    filed = post(
        live_server.url + "/open311/v2/requests.json",
        {
            "api_key": key,
            "service_code": "lighting_fault",
            "lat": str(CITY_LAT),
            "long": str(CITY_LON),
            "description": "Не світить ліхтар біля зупинки\nтретю ніч поспіль",
            "email": "reporter@test.example",
            "first_name": "Олена",
            "last_name": "Коваленко",
        },
    )
    token_url = live_server.url + f"/open311/v2/tokens/{filed['token']}.json"
    assert get(token_url) == {"token": filed["token"]}

    # and: the background task registers it (the live server shares the
    # database with this test)
    [registered] = accepted_register()
    resolved = get(token_url)
    assert resolved == {
        "service_request_id": str(registered.public_id),
        "token": filed["token"],
    }
    appeal = Appeal.objects.get(public_id=resolved["service_request_id"])

    # then: the public map shows it, and its page
    page.goto(live_server.url + "/appeals/")
    expect(page.locator(".hromada-cluster--one")).to_have_count(1)
    with page.expect_navigation():
        page.locator(".hromada-cluster--one").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Не світить ліхтар біля зупинки"
    )
    expect(page.get_by_text("Коваленко")).to_have_count(0)
    assert axe_violations() == []

    # and: the enterprise's dispatcher finds it in the unit's queue
    sign_in(lights.dispatcher)
    page.goto(live_server.url + "/cabinet/appeals/")
    expect(page.get_by_role("link", name=appeal.number)).to_be_visible()
    assert axe_violations() == []

    # when: the reporter's comment comes through the client
    post(
        live_server.url + "/open311/v2/servicerequestupdates.json",
        {
            "api_key": key,
            "service_request_id": str(appeal.public_id),
            "update_id": "fms-77",
            "updated_datetime": "2026-11-23T09:00:00+02:00",
            "status": "OPEN",
            "description": "Опора № 12-345, біля зупинки «Школа».",
            "email": "reporter@test.example",
        },
    )

    # then: the staff read it on the appeal's page
    with page.expect_navigation():
        page.get_by_role("link", name=appeal.number).click()
    expect(page.get_by_text("Опора № 12-345, біля зупинки «Школа».")).to_be_visible()
    expect(page.get_by_role("heading", name="Заявник додав коментар")).to_be_visible()
    expect(page.get_by_role("heading", name="Коментар іншої особи")).to_have_count(0)
    assert axe_violations() == []
