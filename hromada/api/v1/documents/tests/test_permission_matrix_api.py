"""The EDMS permission matrix through the API, with Bearer tokens.

The matrix and its world live in the documents room's tests
(``permission_matrix.py``, ``factories_matrix.py``); this module asks the
same cells of the endpoints for cards, files, tasks and approvals. Staff
call with a token from the token service; the citizen has no token (one is
never issued to them) and calls with a session.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from rest_framework.response import Response
from rest_framework.test import APIClient

from hromada.api import services as api_services
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalTask,
    Document,
    DocumentStatus,
    FileVersion,
    TaskReport,
)
from hromada.documents.tests.factories_matrix import (
    ACTORS,
    ANONYMOUS,
    CITIZEN,
    CLOSED_LEVELS,
    LEVELS,
    PEOPLE,
    Case,
    World,
    user_of,
    world_built,
)
from hromada.documents.tests.permission_matrix import GATE, HIDDEN, NO, OK, outcome

pytestmark = pytest.mark.django_db
API = "/api/v1"
RESTRICTED_READ = "documents.restricted_read"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The matrix's world and a Bearer token for everyone on the staff."""
    media = tmp_path_factory.mktemp("matrix-media")
    with django_db_blocker.unblock(), world_built(media) as built:
        tokens = {
            actor: api_services.api_token_create(
                user=user_of(built, actor), actor=None, name="Матриця доступу"
            )[1]
            for actor in PEOPLE
            if actor != CITIZEN
        }
        yield built, tokens


@pytest.fixture(autouse=True)
def _media_in_tmp():
    """The world's files stay where ``world`` stored them, for every test."""


def _get(model, public_id):
    return model.objects.get(public_id=public_id)


def _detail(client: APIClient, world: World, case: Case) -> Response:
    return client.get(f"{API}/documents/{case.card}/")


def _files(client: APIClient, world: World, case: Case) -> Response:
    return client.get(f"{API}/documents/{case.card}/files/")


def _report(client: APIClient, world: World, case: Case) -> Response:
    return client.post(
        f"{API}/tasks/{case.task}/report/", {"text": "Виконано"}, format="json"
    )


def _decide(client: APIClient, world: World, case: Case) -> Response:
    sha256 = _get(FileVersion, case.version).sha256
    return client.post(
        f"{API}/approvals/{case.approval}/decide/",
        {"decision": ApprovalDecision.APPROVED, "seen_sha256": sha256},
        format="json",
    )


def _register(client: APIClient, world: World, case: Case) -> Response:
    return client.post(
        f"{API}/documents/{case.draft}/register/",
        {"journal": str(world.incoming_journal)},
        format="json",
    )


@dataclass(frozen=True, kw_only=True)
class Endpoint:
    """The API endpoint of one action: how to call it, what it changes."""

    request: Callable[[APIClient, World, Case], Response]
    happened: Callable[[Case], bool] | None = None
    audit: str = ""


ENDPOINTS = {
    "view": Endpoint(request=_detail, audit=RESTRICTED_READ),
    "download": Endpoint(request=_files),
    "report": Endpoint(
        request=_report,
        happened=lambda case: TaskReport.objects.filter(
            task__public_id=case.task
        ).exists(),
        audit="documents.task_report_submit",
    ),
    "decide": Endpoint(
        request=_decide,
        happened=lambda case: (
            _get(ApprovalTask, case.approval).decision == ApprovalDecision.APPROVED
        ),
        audit="documents.route_decide",
    ),
    "register": Endpoint(
        request=_register,
        happened=lambda case: (
            _get(Document, case.draft).status == DocumentStatus.REGISTERED
        ),
        audit="documents.register",
    ),
}


def _cells(actions):
    return [
        pytest.param(
            action,
            actor,
            level,
            id=f"{action}|{level}|{actor}",
        )
        for action in actions
        for level in LEVELS
        for actor in ACTORS
    ]


def _calling(world, tokens, actor: str) -> tuple[APIClient, int | None]:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    if actor == ANONYMOUS:
        return client, None
    user = user_of(world, actor)
    if actor == CITIZEN:
        client.force_login(user)
    else:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens[actor]}")
    return client, user.pk


def _answer(cell: str, actor: str, done: int = 200) -> tuple[int, str | None]:
    """(status, error code) of a cell."""
    if cell == GATE:
        if actor == CITIZEN:
            return 403, "permission_denied"
        return 401, "not_authenticated"
    return {
        OK: (done, None),
        NO: (403, "permission_denied"),
        HIDDEN: (404, "not_found"),
    }[cell]


def _last_audit_pk() -> int:
    return AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _audit_since(pk: int) -> list[tuple[str, int | None]]:
    events = AuditEvent.objects.filter(pk__gt=pk).order_by("pk")
    return list(events.values_list("action", "actor_id"))


@pytest.mark.parametrize(("action", "actor", "level"), _cells(ENDPOINTS))
def test_endpoint_follows_the_matrix(world, action, actor, level):
    # given
    built, tokens = world
    endpoint = ENDPOINTS[action]
    case = built.cases[level]
    cell = outcome(action, actor, level)
    client, user_id = _calling(built, tokens, actor)
    since = _last_audit_pk()

    # when
    response = endpoint.request(client, built, case)

    # then
    status, code = _answer(cell, actor)
    assert response.status_code == status
    if code is not None:
        assert response.json()["code"] == code
    if endpoint.happened is not None:
        assert endpoint.happened(case) is (cell == OK)
    trail = _audit_since(since)
    if action == "view":
        # Every staff read of a ДСК or restricted card leaves its record.
        audited = cell == OK and level in CLOSED_LEVELS
        assert trail == ([(RESTRICTED_READ, user_id)] if audited else [])
    elif endpoint.audit and cell == OK:
        assert (endpoint.audit, user_id) in trail
    elif endpoint.audit:
        assert trail == []


@pytest.mark.parametrize(
    ("actor", "level"),
    [
        pytest.param(actor, level, id=f"{level}|{actor}")
        for level in LEVELS
        for actor in ACTORS
    ],
)
def test_card_list_and_search_follow_the_matrix(world, actor, level):
    # given
    built, tokens = world
    case = built.cases[level]
    cell = outcome("list", actor, level)
    client, _user_id = _calling(built, tokens, actor)

    # when
    response = client.get(f"{API}/documents/", {"q": case.number})

    # then
    if cell == GATE:
        assert response.status_code == _answer(cell, actor)[0]
        return
    assert response.status_code == 200
    listed = [row["id"] for row in response.json()["results"]]
    assert listed == ([str(case.card)] if cell == OK else [])
