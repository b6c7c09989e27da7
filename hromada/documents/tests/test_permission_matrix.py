"""The permission matrix (``permission_matrix.py``) through the rules and pages.

Each cell is checked twice: the permission functions and selectors answer
it directly, and the cabinet page of the action answers it over HTTP. The
API endpoints answer the same matrix in ``hromada/api``'s tests.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from hromada.accounts.models import User
from hromada.core.models import AuditEvent
from hromada.documents import permissions
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalTask,
    Document,
    DocumentStatus,
    FileVersion,
    Resolution,
    Task,
    TaskReport,
)
from hromada.documents.selectors import cards as card_selectors
from hromada.documents.selectors import files as file_selectors
from hromada.documents.selectors import routes as route_selectors
from hromada.documents.tests.factories_matrix import (
    ACTORS,
    ANONYMOUS,
    APPROVER,
    BASIS,
    CITIZEN,
    CLOSED_LEVELS,
    COLLEAGUE,
    CONTROLLER,
    LEVELS,
    Case,
    World,
    user_of,
    world_built,
)
from hromada.documents.tests.permission_matrix import (
    ACTIONS,
    GATE,
    HIDDEN,
    NO,
    OK,
    outcome,
)

pytestmark = pytest.mark.django_db
RESTRICTED_READ = "documents.restricted_read"


def _cells(actions):
    return [
        pytest.param(action, actor, level, id=f"{action}|{level}|{actor}")
        for action in actions
        for level in LEVELS
        for actor in ACTORS
    ]


def _rows():
    return [
        pytest.param(actor, level, id=f"{level}|{actor}")
        for level in LEVELS
        for actor in ACTORS
    ]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("matrix-media")
    with django_db_blocker.unblock(), world_built(media) as built:
        yield built


@pytest.fixture(autouse=True)
def _media_in_tmp():
    """The world's files stay where ``world`` stored them, for every test."""


def _get(model, public_id):
    return model.objects.get(public_id=public_id)


# The permission functions -------------------------------------------------


def _targets(case: Case) -> dict[str, object]:
    card = _get(Document, case.card)
    draft = _get(Document, case.draft)
    return {
        "view": card,
        "list": card,
        "download": card,
        "resolve": card,
        "report": card,
        "decide": _get(ApprovalTask, case.approval),
        "register": draft,
        "dispatch": _get(Document, case.outgoing),
        "cancel": card,
        "edit": draft,
    }


def _allowed(user, case: Case, targets: dict[str, object]) -> dict[str, bool]:
    card = targets["view"]
    version = _get(FileVersion, case.version)
    listed = card_selectors.document_list_for_user(user=user, query=case.number)
    return {
        "view": permissions.can_view(user, card),
        "list": listed.filter(pk=card.pk).exists(),
        "download": file_selectors.file_version_list_for_user(user=user)
        .filter(pk=version.pk)
        .exists(),
        "resolve": permissions.can_resolve(user, card),
        "report": permissions.can_report(user, _get(Task, case.task)),
        "decide": permissions.can_decide(user, targets["decide"]),
        "register": permissions.can_register(user, targets["register"]),
        "dispatch": permissions.can_dispatch(user, targets["dispatch"]),
        "cancel": permissions.can_cancel(user, card),
        "edit": permissions.can_edit_draft(user, targets["edit"]),
    }


def _sees(user, targets: dict[str, object]) -> dict[str, bool]:
    approvals = route_selectors.approval_list_for_user(user=user)
    return {
        action: approvals.filter(pk=target.pk).exists()
        if action == "decide"
        else permissions.can_view(user, target)
        for action, target in targets.items()
    }


@pytest.mark.parametrize(("actor", "level"), _rows())
def test_permission_functions_follow_the_matrix(world, actor, level):
    # given
    user = AnonymousUser() if actor == ANONYMOUS else user_of(world, actor)
    case = world.cases[level]
    targets = _targets(case)

    # when
    allowed = _allowed(user, case, targets)
    sees = _sees(user, targets)

    # then: a row of the matrix, and "404" exactly where the object is hidden
    cells = {action: outcome(action, actor, level) for action in ACTIONS}
    assert allowed == {action: cell == OK for action, cell in cells.items()}
    assert sees == {action: cell in (OK, NO) for action, cell in cells.items()}


# The cabinet pages --------------------------------------------------------


def _url(name: str, public_id) -> str:
    return reverse(f"documents:{name}", args=[public_id])


def _view(client: Client, world: World, case: Case) -> HttpResponse:
    return client.get(_url("document_detail", case.card))


def _download(client: Client, world: World, case: Case) -> HttpResponse:
    return client.get(_url("file_download", case.version))


RESOLUTION_TEXT = "Розглянути на нараді"


def _resolve(client: Client, world: World, case: Case) -> HttpResponse:
    executor = user_of(world, COLLEAGUE)
    return client.post(
        _url("resolution_create", case.card),
        {"text": RESOLUTION_TEXT, "responsible": executor.public_id},
    )


def _report(client: Client, world: World, case: Case) -> HttpResponse:
    return client.post(_url("task_report", case.task), {"text": "Виконано"})


def _decide(client: Client, world: World, case: Case) -> HttpResponse:
    sha256 = _get(FileVersion, case.version).sha256
    return client.post(
        _url("route_decide", case.approval),
        {"decision": ApprovalDecision.APPROVED, "seen_sha256": sha256},
    )


def _register(client: Client, world: World, case: Case) -> HttpResponse:
    return client.post(
        _url("document_register", case.draft), {"journal": world.incoming_journal}
    )


def _dispatch(client: Client, world: World, case: Case) -> HttpResponse:
    return client.post(_url("document_dispatch", case.outgoing), {"channel": "post"})


def _cancel(client: Client, world: World, case: Case) -> HttpResponse:
    return client.post(
        _url("document_cancel", case.card), {"reason": "Зареєстровано помилково"}
    )


def _edit(client: Client, world: World, case: Case) -> HttpResponse:
    draft = _get(Document, case.draft)
    return client.post(
        _url("document_edit", case.draft),
        {
            "summary": f"{draft.summary} (виправлено)",
            "channel": draft.channel,
            "access_level": draft.access_level,
            "access_basis": BASIS if draft.access_level in CLOSED_LEVELS else "",
            "correspondent": draft.correspondent.public_id,
            "addressee_units": [world.addressed_unit],
        },
    )


@dataclass(frozen=True, kw_only=True)
class Page:
    """The cabinet endpoint of one action and how it answers.

    ``refused`` is the status of a visible card whose action is refused: a
    form page shows the service's refusal (200 or 400), the draft editor
    hides itself (404). ``happened`` tells whether the write landed;
    ``audit`` is the audit action of a success.
    """

    request: Callable[[Client, World, Case], HttpResponse]
    done: int = 302
    refused: int = 400
    happened: Callable[[Case], bool] | None = None
    audit: str = ""


PAGES = {
    "view": Page(request=_view, done=200, audit=RESTRICTED_READ),
    "download": Page(request=_download, done=200, audit="documents.file_download"),
    "resolve": Page(
        request=_resolve,
        refused=200,
        happened=lambda case: Resolution.objects.filter(
            document__public_id=case.card, text=RESOLUTION_TEXT
        ).exists(),
        audit="documents.resolution_create",
    ),
    "report": Page(
        request=_report,
        refused=200,
        happened=lambda case: TaskReport.objects.filter(
            task__public_id=case.task
        ).exists(),
        audit="documents.task_report_submit",
    ),
    "decide": Page(
        request=_decide,
        happened=lambda case: (
            _get(ApprovalTask, case.approval).decision == ApprovalDecision.APPROVED
        ),
        audit="documents.route_decide",
    ),
    "register": Page(
        request=_register,
        happened=lambda case: (
            _get(Document, case.draft).status == DocumentStatus.REGISTERED
        ),
        audit="documents.register",
    ),
    "dispatch": Page(
        request=_dispatch,
        happened=lambda case: (
            _get(Document, case.outgoing).status == DocumentStatus.DISPATCHED
        ),
        audit="documents.dispatch",
    ),
    "cancel": Page(
        request=_cancel,
        happened=lambda case: (
            _get(Document, case.card).status == DocumentStatus.CANCELLED
        ),
        audit="documents.cancel",
    ),
    "edit": Page(
        request=_edit,
        refused=404,
        happened=lambda case: _get(Document, case.draft).summary.endswith(
            "(виправлено)"
        ),
        audit="documents.draft_update",
    ),
}
READS = frozenset({"view", "download"})


def _signed_in(client: Client, world: World, actor: str) -> User | None:
    if actor == ANONYMOUS:
        return None
    user = user_of(world, actor)
    client.force_login(user)
    return user


def _last_audit_pk() -> int:
    return AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _audit_since(pk: int) -> list[tuple[str, int | None]]:
    events = AuditEvent.objects.filter(pk__gt=pk).order_by("pk")
    return list(events.values_list("action", "actor_id"))


def _status(page: Page, cell: str, actor: str) -> int:
    if cell == GATE:
        return 403 if actor == CITIZEN else 302
    return {OK: page.done, NO: page.refused, HIDDEN: 404}[cell]


@pytest.mark.parametrize(("action", "actor", "level"), _cells(PAGES))
def test_cabinet_page_follows_the_matrix(client, world, action, actor, level):
    # given
    page = PAGES[action]
    case = world.cases[level]
    cell = outcome(action, actor, level)
    user = _signed_in(client, world, actor)
    since = _last_audit_pk()

    # when
    response = page.request(client, world, case)

    # then
    assert response.status_code == _status(page, cell, actor)
    if cell == GATE and actor == ANONYMOUS:
        assert response.url.startswith(reverse("account_login"))
    if response.streaming:  # reading it to the end also closes the file
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    if page.happened is not None:
        assert page.happened(case) is (cell == OK)
    trail = _audit_since(since)
    if action in READS:
        # Every staff read of a ДСК or restricted card leaves its record.
        audited = cell == OK and level in CLOSED_LEVELS
        assert trail == ([(page.audit, user.pk)] if audited else [])
    elif cell == OK:
        assert (page.audit, user.pk) in trail
    else:
        assert [event for event, _actor in trail if event != RESTRICTED_READ] == []


def test_a_closed_read_is_recorded_against_the_card_and_the_file(client, world):
    # given
    case = world.cases["dsk"]
    user = _signed_in(client, world, CONTROLLER)
    since = _last_audit_pk()

    # when
    client.get(_url("document_detail", case.card))
    download = client.get(_url("file_download", case.version))
    b"".join(download.streaming_content)

    # then
    events = AuditEvent.objects.filter(pk__gt=since).order_by("pk")
    card = _get(Document, case.card)
    version = _get(FileVersion, case.version)
    assert [(e.action, e.actor_id, e.target_id, e.data) for e in events] == [
        (RESTRICTED_READ, user.pk, str(card.pk), {"access_level": "dsk"}),
        (
            "documents.file_download",
            user.pk,
            str(version.pk),
            {
                "document_id": card.pk,
                "access_level": "dsk",
                "sha256": version.sha256,
            },
        ),
    ]


# Every way to read a closed card's content leaves a record.
CONTENT_READS = {
    "card page": lambda case: _url("document_detail", case.card),
    "file download": lambda case: _url("file_download", case.version),
    "file preview": lambda case: _url("file_preview", case.version),
    "page image": lambda case: reverse(
        "documents:file_page_png", args=[case.version, 1]
    ),
    "file on the route": lambda case: _url("route_file", case.approval),
}


@pytest.mark.parametrize(
    ("read", "level"),
    [
        pytest.param(read, level, id=f"{read}|{level}")
        for read in CONTENT_READS
        for level in CLOSED_LEVELS
    ],
)
def test_every_read_of_a_closed_card_is_recorded(client, world, read, level):
    # given: the approver may open the card, its file and the route's file
    case = world.cases[level]
    user = _signed_in(client, world, APPROVER)
    since = _last_audit_pk()

    # when
    response = client.get(CONTENT_READS[read](case))
    if response.streaming:
        b"".join(response.streaming_content)

    # then
    assert response.status_code == 200
    assert [actor for _action, actor in _audit_since(since)] == [user.pk]


@pytest.mark.parametrize(("actor", "level"), _rows())
def test_card_list_and_search_follow_the_matrix(client, world, actor, level):
    # given
    case = world.cases[level]
    cell = outcome("list", actor, level)
    _signed_in(client, world, actor)

    # when
    response = client.get(reverse("documents:document_list"), {"q": case.number})

    # then
    if cell == GATE:
        assert response.status_code == (403 if actor == CITIZEN else 302)
        return
    assert response.status_code == 200
    listed = [document.public_id for document in response.context["page"]]
    assert listed == ([case.card] if cell == OK else [])
