"""``POST servicerequestupdates``: a citizen's update a client relays
(mySociety's extension, STANDARDS §1.10; checklist item 31).

Decisions taken once, here:

- ``api_key``, ``service_request_id``, ``update_id`` (the client's id, up
  to 64 letters, digits, ``-`` and ``_``), ``updated_datetime`` (a W3C
  datetime) and ``status`` are required; ``description`` is what the
  citizen wrote. The time the update is taken is Hromada's own:
  ``updated_datetime`` is checked, not trusted.
- The request is a public one, or a confidential one when ``email`` is its
  applicant's; any other id is 404, as for ``GET requests/{id}``.
- What the update does is the service's decision
  (``services.open311_update_submit``): the applicant's ``CLOSED``/``FIXED``
  or ``OPEN``/``REOPEN`` on an answered appeal closes or reopens it;
  anything else is a comment for the officials, shown on no public page.
- ``media_url`` links are appended to the text for staff to open, within
  the filing service's limit of links; ``first_name``, ``last_name`` and
  ``phone`` are accepted and not stored (the applicant's data are those
  of the appeal).
- The same ``update_id`` for the same request answers the first time's
  id again and changes nothing.
"""

import re
from typing import Final

from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _

from hromada.api import services as api_services
from hromada.api.open311 import documents, intake, params, selectors, services
from hromada.api.open311.endpoints import Answer
from hromada.api.open311.errors import Open311Error
from hromada.api.open311.params import ID_PATTERN, bad_request
from hromada.api.open311.statuses import (
    EXTENDED_CLOSED,
    EXTENDED_OPEN,
    FIXED,
    IN_PROGRESS,
    REOPEN,
)
from hromada.appeals.services.filing_input import LINKS_MAX
from hromada.core.errors import ApplicationError

# The statuses a client may send with an update (upper case, any case taken).
UPDATE_STATUSES: Final = frozenset(
    {EXTENDED_OPEN, EXTENDED_CLOSED, FIXED, REOPEN, IN_PROGRESS}
)
REQUIRED: Final = (
    "service_request_id",
    "update_id",
    "updated_datetime",
    "status",
)


def update_create(request: HttpRequest) -> Answer:
    """Take the POSTed update; the answer carries Hromada's id of it."""
    form = request.POST
    client = intake.client_required(params.text(form, "api_key"))
    origin = intake.origin_allowed(request, client)
    api_services.hashed_key_touch(key=client)
    _required(form)
    status = _status(form)
    client_update_id = _client_update_id(form)
    email = params.text(form, "email")
    public_id = params.text(form, "service_request_id")
    appeal = selectors.request_for_update(public_id=public_id, email=email)
    if appeal is None:
        raise Open311Error.one(
            404, _("There is no request %(id)s.") % {"id": public_id}
        )
    try:
        event = services.open311_update_submit(
            client=client,
            appeal=appeal,
            client_update_id=client_update_id,
            status=status,
            description=_description(form),
            email=email,
        )
    except ApplicationError as error:
        raise intake.refusal(error) from None
    return Answer(document=documents.update_answer_document(event), allow_origin=origin)


def _required(form: QueryDict) -> None:
    missing = [name for name in REQUIRED if not params.text(form, name)]
    if missing:
        raise bad_request(
            _("Required: %(names)s.") % {"names": ", ".join(missing)},
        )
    # Checked for its shape; the time Hromada takes the update is its own.
    params.w3c_datetime(form, "updated_datetime")


def _status(form: QueryDict) -> str:
    status = params.text(form, "status").upper()
    if status not in UPDATE_STATUSES:
        raise bad_request(
            _("status takes one of %(statuses)s.")
            % {"statuses": ", ".join(sorted(UPDATE_STATUSES))}
        )
    return status


def _client_update_id(form: QueryDict) -> str:
    value = params.text(form, "update_id")
    if not re.fullmatch(ID_PATTERN, value):
        raise bad_request(
            _(
                "update_id takes up to 64 Latin letters, digits, hyphens and "
                "underscores."
            )
        )
    return value


def _description(form: QueryDict) -> str:
    """The citizen's text with the photo links that fit appended."""
    links = intake.media_urls(form)[:LINKS_MAX]
    return intake.with_photo_links(params.text(form, "description"), links).strip()
