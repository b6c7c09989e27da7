"""Fixtures of the Open311 tests: a catalogue, a journal, a client key."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.test import Client

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.tests.factories import (
    CITY_LAT,
    CITY_LON,
    CategoryFactory,
    CategoryQuestionFactory,
    RoutingRuleFactory,
    appeals_journal,
)

BASE = "/open311/v2/"
XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'
ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The rate limiter counts in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def journal(db):
    """Appeals are registered in the journal of appeals: it must exist."""
    return appeals_journal()


@pytest.fixture
def http():
    """A client that sends no cookies and no CSRF token, as machines do."""
    return Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def admin():
    return UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR])


@pytest.fixture
def open311_key(admin):
    from hromada.api.open311 import services

    _client, key = services.open311_client_issue(actor=admin, name="FixMyStreet")
    return key


@pytest.fixture
def group():
    return CategoryFactory.create(code="LIGHTING", name="Освітлення")


@pytest.fixture
def lamp(group):
    """A leaf with two questions: a string and a one-of-a-list."""
    category = CategoryFactory.create(
        code="STREETLIGHT-OUT",
        name="Не світить ліхтар",
        description="Вуличний ліхтар не світить уночі.",
        parent=group,
    )
    CategoryQuestionFactory.create(
        category=category,
        code="POLE_NO",
        label="Номер опори",
        help_text="Номер на опорі, напр. 12-345",
        kind="string",
        position=1,
    )
    CategoryQuestionFactory.create(
        category=category,
        code="HOW_MANY",
        label="Скільки ліхтарів не світить?",
        kind="singlevaluelist",
        required=True,
        choices=[
            {"key": "one", "name": "Один"},
            {"key": "several", "name": "Кілька поспіль"},
        ],
        position=2,
    )
    RoutingRuleFactory.create(category=group, unit__name="КП «Міськсвітло»")
    return category


@pytest.fixture
def pothole(group):
    """A leaf without questions (metadata=false)."""
    roads = CategoryFactory.create(code="ROADS", name="Дороги")
    return CategoryFactory.create(
        code="ROAD-POTHOLE", name="Вибоїна на дорозі", parent=roads
    )


def body(response):
    """The parsed body: JSON as Python, XML as an element."""
    text = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        return json.loads(text)
    assert text.startswith(XML_HEAD)
    return ElementTree.fromstring(text[len(XML_HEAD) :])


def errors_of(response):
    """(code, description) of each error, whatever the format."""
    parsed = body(response)
    if isinstance(parsed, list):
        return [(str(e["code"]), e["description"]) for e in parsed]
    assert parsed.tag == "errors"
    return [(e.findtext("code"), e.findtext("description")) for e in parsed]


def file_appeal(category, **overrides):
    """An appeal filed as the portal files it (the Open311 POST has its
    own tests); a public one at the city's centre unless told."""
    from hromada.appeals.tests.factories import appeal_file

    # The street-light service asks HOW_MANY; others drop the answer.
    overrides.setdefault("answers", {"HOW_MANY": "one"})
    return appeal_file(category=category, **overrides)


def put_in_state(appeal, status, **fields):
    """Move an appeal to ``status`` quickly: the columns the state needs,
    written directly (the execution services have their own tests). An
    answer is published as the answering service publishes it: redacted."""
    from django.utils import timezone

    from hromada.appeals import privacy
    from hromada.appeals.models import Appeal, AppealStatus

    values = {"status": status, "updated_at": timezone.now(), **fields}
    if "answer_text" in fields:
        values["public_answer"] = privacy.redact(fields["answer_text"])
    if status != AppealStatus.REGISTERED and "executor" not in values:
        values["executor"] = UserFactory.create(roles=[Role.EXECUTOR])
    if status in (AppealStatus.ANSWERED, AppealStatus.CLOSED):
        values.setdefault("answered_at", timezone.now())
    Appeal.objects.filter(pk=appeal.pk).update(**values)
    appeal.refresh_from_db()
    return appeal


def add_event(appeal, kind, *, at=None, note=""):
    from django.utils import timezone

    from hromada.appeals.models import AppealEvent

    return AppealEvent.objects.create(
        appeal=appeal, kind=kind, at=at or timezone.now(), note=note
    )


@pytest.fixture
def form(open311_key):
    """A complete request for the street-light service."""
    return {
        "api_key": open311_key,
        "service_code": "STREETLIGHT-OUT",
        "lat": str(CITY_LAT),
        "long": str(CITY_LON),
        "attribute[HOW_MANY]": "several",
        "attribute[POLE_NO]": "12-345",
        "description": "Не світить уся вулиця\nвід будинку 3 до будинку 9",
        "email": "olena@test.example",
        "first_name": "Олена",
        "last_name": "Коваленко",
    }
