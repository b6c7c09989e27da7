"""The Open311 GeoReport v2 endpoints (STANDARDS §1.1).

Each view reads its parameters, asks a selector and returns an ``Answer``;
``open311_endpoint`` renders it and turns every refusal into an Open311
``errors`` body.
"""

from datetime import datetime

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.api import services as api_services
from hromada.api.open311 import documents, intake, params, selectors, updates
from hromada.api.open311 import statuses as open311_statuses
from hromada.api.open311.endpoints import EPOCH, Answer, open311_endpoint
from hromada.api.open311.errors import Open311Error
from hromada.api.open311.params import PAGE_SIZE_MAX, bad_request
from hromada.api.open311.render import Format
from hromada.api.open311.selectors import RequestExtras, RequestFilter
from hromada.appeals.models import Appeal


def endpoint_url() -> str:
    """The endpoint as discovery publishes it: the site's address and the
    base path, without a trailing slash (STANDARDS §1.1)."""
    path = reverse("open311:discovery", kwargs={"fmt": "xml"}).rsplit("/", 1)[0]
    return settings.HROMADA_SITE_URL.rstrip("/") + path


@open311_endpoint("GET")
def discovery(request: HttpRequest, fmt: Format) -> Answer:
    changeset = selectors.service_changeset() or EPOCH
    contact = settings.HROMADA_OPEN311_CONTACT
    key_service = _(
        "A system administrator of the council issues keys for applications "
        "that file requests; ask through the contact: %(contact)s"
    ) % {"contact": contact}
    document = documents.discovery_document(
        changeset=changeset,
        url=endpoint_url(),
        contact=contact,
        key_service=key_service,
    )
    return Answer(document=document, last_modified=changeset)


@open311_endpoint("GET")
def service_list(request: HttpRequest, fmt: Format) -> Answer:
    document = documents.service_list_document(selectors.service_list())
    return Answer(document=document, last_modified=selectors.service_changeset())


@open311_endpoint("GET")
def service_definition(request: HttpRequest, fmt: Format, code: str) -> Answer:
    """A service's attributes; a service without any has no definition
    (STANDARDS §1.4): 404, as for an unknown code."""
    category = selectors.service_get(code=code)
    questions = list(category.questions.all()) if category is not None else []
    if category is None or not questions:
        raise Open311Error.one(
            404, _("Service %(code)s has no definition.") % {"code": code}
        )
    changed = max([category.updated_at, *(q.updated_at for q in questions)])
    return Answer(
        document=documents.service_definition_document(category),
        last_modified=changed,
    )


@open311_endpoint("GET", "POST")
def request_list(request: HttpRequest, fmt: Format) -> Answer:
    """``GET`` searches public requests (STANDARDS §1.7); ``POST`` accepts
    one and answers with its token (§1.5, §1.6)."""
    if request.method == "POST":
        return intake.request_create(request)
    appeals = selectors.request_list(filters=_request_filter(request.GET))
    return _requests_answer(
        appeals, extensions=params.boolean(request.GET, "extensions")
    )


@open311_endpoint("GET")
def request_detail(request: HttpRequest, fmt: Format, public_id: str) -> Answer:
    """One public request, as a list of one; any other id is 404."""
    appeal = selectors.request_get(public_id=public_id)
    if appeal is None:
        raise Open311Error.one(
            404, _("There is no request %(id)s.") % {"id": public_id}
        )
    return _requests_answer(
        [appeal], extensions=params.boolean(request.GET, "extensions")
    )


@open311_endpoint("GET")
def token_detail(request: HttpRequest, fmt: Format, token: str) -> Answer:
    """What a POST's token stands for (STANDARDS §1.6): the token alone
    while the appeal waits for registration, then the request's id with
    it. Only tokens handed out by Open311 resolve; any other is 404.

    The id is given even for a confidential request (which ``requests``
    never shows): the token is the filing client's, and the client needs
    the id to relay the applicant's updates.
    """
    accepted = selectors.token_get(token=token)
    if accepted is None:
        raise Open311Error.one(
            404, _("There is no token %(token)s.") % {"token": token}
        )
    return Answer(
        document=documents.token_answer_document(accepted),
        last_modified=accepted.updated_at,
    )


@open311_endpoint("GET", "POST")
def update_list(request: HttpRequest, fmt: Format) -> Answer:
    """mySociety's feed of updates (STANDARDS §1.10): for key holders,
    both dates or neither, oldest first; ``POST`` takes a citizen's update."""
    if request.method == "POST":
        return updates.update_create(request)
    query = request.GET
    client = intake.client_required(params.text(query, "api_key"))
    api_services.hashed_key_touch(key=client)
    window = params.window(query, now=timezone.now(), both_or_neither=True)
    steps = selectors.update_list(window=window, page=params.page(query))
    changed = [
        moment
        for event, appeal in steps
        for moment in (event.updated_at, appeal.updated_at)
    ]
    return Answer(
        document=documents.update_list_document(steps),
        last_modified=max(changed, default=None),
    )


def _request_filter(query: QueryDict) -> RequestFilter:
    """``service_request_id`` overrides every other parameter, which is
    then not even read (STANDARDS §1.7)."""
    ids = params.comma_list(query, "service_request_id")
    if len(ids) > PAGE_SIZE_MAX:
        raise bad_request(
            _("service_request_id takes %(count)d ids at most.")
            % {"count": PAGE_SIZE_MAX}
        )
    if ids:
        return RequestFilter(ids=ids)
    wanted = frozenset(params.comma_list(query, "status"))
    if not wanted <= open311_statuses.STATUSES:
        raise bad_request(_("status takes open, closed or open,closed."))
    return RequestFilter(
        codes=params.comma_list(query, "service_code"),
        statuses=wanted,
        window=params.window(query, now=timezone.now(), both_or_neither=False),
        page=params.page(query),
    )


def _requests_answer(appeals: list[Appeal], *, extensions: bool) -> Answer:
    extras: RequestExtras | None = None
    changed: list[datetime] = [appeal.updated_at for appeal in appeals]
    if extensions:
        extras = selectors.request_extras(appeals=appeals)
        changed += [e.updated_at for events in extras.events.values() for e in events]
    return Answer(
        document=documents.request_list_document(appeals, extras=extras),
        last_modified=max(changed, default=None),
    )
