"""Personal data never reaches a public response or the logs (issue 4).

The test files appeals with unique planted values — names, e-mail, phone,
home address, and a confidential appeal's title and place — takes them
through their life (assigned, answered with a salutation, joined,
commented by the applicant), then crawls every page a visitor can reach
from the portal (following links and images), adds the machine interfaces
(the map, Open311 in both formats), and searches every body for the
planted values.
"""

import logging
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import AppealOutcome
from hromada.appeals.services import answers, comments, execution, following
from hromada.appeals.tests.factories import (
    CITY_LAT,
    CITY_LON,
    CategoryFactory,
    RoutingRuleFactory,
    appeal_file,
    appeals_journal,
    applicant_input,
    enterprise,
)

pytestmark = pytest.mark.django_db

PLANTED = {
    "surname": "Зюзюкевич",
    "given": "Євлампія",
    "patronymic": "Фортунатівна",
    "email": "planted-person@test.example",
    "phone": "+380671239876",
    "phone_local": "0671239876",
    "home": "провулок Потаємний, 99",
    "secret_title": "Таємна-скарга-на-сусіда",
    "secret_place": "Закритий-двір-77",
}
# Where visitors do not go: the crawler stays out.
PRIVATE = ("/accounts/", "/cabinet/", "/my/", "/admin/", "/cms/", "/i18n/")
LINK = re.compile(r'(?:href|src)="([^"#]+)"')
PAGES_MAX = 300


def _applicant(**overrides):
    return applicant_input(
        family_name=PLANTED["surname"],
        given_name=PLANTED["given"],
        patronymic=PLANTED["patronymic"],
        email=PLANTED["email"],
        phone=PLANTED["phone"],
        postal_address=PLANTED["home"],
        **overrides,
    )


@pytest.fixture
def history():
    appeals_journal()
    lights = enterprise()
    category = CategoryFactory(code="lighting_fault", name="Вуличне освітлення")
    RoutingRuleFactory(category=category, unit=lights.unit)
    public = appeal_file(
        category=category,
        applicant=_applicant(),
        title=f"{PLANTED['surname']} просить полагодити ліхтар",
        description=(
            f"Я, {PLANTED['surname']} {PLANTED['given']}, живу: {PLANTED['home']}. "
            f"Дзвоніть {PLANTED['phone_local']} або пишіть {PLANTED['email']}."
        ),
    )
    execution.appeal_assign(
        appeal=public, actor=lights.dispatcher, executor=lights.executor
    )
    answers.answer_submit(
        appeal=public,
        actor=lights.executor,
        text=f"Шановна {PLANTED['given']} {PLANTED['patronymic']}! Лампу замінено.",
        outcome=AppealOutcome.SATISFIED,
    )
    answers.answer_accept(appeal=public, actor=lights.director)
    open_one = appeal_file(
        category=category, applicant=_applicant(), lon=CITY_LON + 0.001, lat=CITY_LAT
    )
    following.appeal_follow(appeal=open_one, actor=UserFactory(roles=[Role.CITIZEN]))
    comments.appeal_comment_add(
        appeal=open_one,
        text=f"Це {PLANTED['surname']}, мій телефон {PLANTED['phone_local']}.",
        actor=None,
        via="test",
        by_applicant=True,
    )
    appeal_file(
        category=category,
        applicant=_applicant(),
        is_public=False,
        title=PLANTED["secret_title"],
        description=f"Місце: {PLANTED['secret_place']}",
        address_text=PLANTED["secret_place"],
    )
    return public


def _machine_paths() -> list[str]:
    box = f"{CITY_LON - 0.05},{CITY_LAT - 0.05},{CITY_LON + 0.05},{CITY_LAT + 0.05}"
    return [
        f"/appeals/map.json?bbox={box}&zoom=14",
        f"/appeals/map.json?bbox={box}&zoom=18",
        "/open311/v2/discovery.json",
        "/open311/v2/services.json",
        "/open311/v2/services.xml",
        "/open311/v2/requests.json",
        "/open311/v2/requests.xml",
        "/open311/v2/requests.json?extensions=true",
        "/open311/v2/requests.xml?extensions=true",
    ]


def _crawl(client: Client, starts: list[str]) -> dict[str, str]:
    """Every public response reachable from ``starts``: path → body."""
    seen: dict[str, str] = {}
    queue = list(starts)
    while queue and len(seen) < PAGES_MAX:
        path = queue.pop(0)
        if path in seen or path.startswith(PRIVATE) or path.startswith("/static/"):
            continue
        response = client.get(path)
        body = response.content.decode(errors="replace")
        seen[path] = body
        if "html" not in response.get("Content-Type", ""):
            continue
        for link in LINK.findall(body):
            target = urlsplit(
                urljoin("http://testserver" + path, link.replace("&amp;", "&"))
            )
            if target.netloc == "testserver":
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return seen


def test_no_public_response_and_no_log_line_holds_personal_data(
    client, history, caplog
):
    caplog.set_level(logging.DEBUG)
    detail = f"/appeals/{history.public_id}/"

    bodies = _crawl(client, ["/", "/appeals/", detail, *_machine_paths()])

    # the crawl did reach the appeal's page, its answer and the machines
    assert detail in bodies
    assert "Лампу замінено." in bodies[detail]
    assert any(path.startswith("/open311/") for path in bodies)
    assert len(bodies) > 10
    for path, body in bodies.items():
        for name, value in PLANTED.items():
            assert value not in body, f"{name} on {path}"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for name, value in PLANTED.items():
        if name not in ("secret_title", "secret_place"):
            assert value not in logged, f"{name} in the logs"
