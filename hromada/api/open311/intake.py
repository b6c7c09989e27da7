"""``POST requests``: a client's form turned into an appeal (STANDARDS §1.5).

The appeal is accepted while the client waits and registered a moment
later, so every service is ``batch``: the answer carries a token, never
an id, and ``tokens/{token}`` gives the request's id once it is
registered (§1.6).

Decisions taken once, here:

- ``api_key`` is a form field; missing, unknown or revoked is 403. A
  browser's ``Origin`` must be one the key allows (§0.2.5), else 403.
- The place is ``lat`` with ``long``, ``address_string``, or
  ``address_id`` (a registry address's public id, or FixMyStreet's
  ``#NOTPINPOINTED#``: the place is unknown and staff see so). One
  coordinate alone, or no place at all, is 400.
- ``description`` is optional and at most 4,000 characters (the filing
  service allows 5,000: the rest is kept for the photo links below); the
  first line, cut at 100 characters, is the appeal's title, the category
  name when there is no description. HTML is refused by the filing
  service, not stripped.
- ``media_url`` (repeatable) cannot be fetched inside a request, so each
  link is appended to the description for staff to open, as many as the
  filing service's limit of links leaves room for; the answer's notice
  counts the rest. Photo files come as multipart file parts under any
  field name (``media``, FixMyStreet's ``photo1``…).
- ``private=true`` (Hromada's extension) files a confidential appeal
  (DOMAIN.md APL-18); the default is public, as reports relayed by an
  Open311 client are public on the client's own site.
- ``device_id`` (or ``deviceid``), ``account_id`` and ``jurisdiction_id``
  are accepted and never stored or echoed; the device id only keys the
  per-person rate limit.
"""

from typing import Final

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _

from hromada.api import services as api_services
from hromada.api.models import Open311Client
from hromada.api.open311 import documents, params, selectors, services
from hromada.api.open311.endpoints import Answer
from hromada.api.open311.errors import ErrorItem, Open311Error
from hromada.api.open311.params import bad_request
from hromada.appeals.models import AppealKind, Category, CategoryQuestion, QuestionKind
from hromada.appeals.services import filing_input
from hromada.core.errors import ApplicationError, RateLimitedError
from hromada.gis.models import Address

DESCRIPTION_MAX: Final = 4000
TITLE_MAX: Final = 100
MEDIA_URL_MAX: Final = 300
NOT_PINPOINTED: Final = "#NOTPINPOINTED#"
# What staff read as the place of a report whose place is unknown.
NOT_PINPOINTED_TEXT: Final = "Місце не позначено на мапі"
# The longest values the appeal's columns hold.
LENGTHS: Final = {
    "first_name": 150,
    "last_name": 150,
    "email": 254,
    "phone": 20,
    "address_string": 300,
}
# The filing service names fields its own way; clients know Open311's.
PARAMETERS: Final = {
    "family_name": "last_name",
    "given_name": "first_name",
    "title": "description",
    "category": "service_code",
    "files": "media",
    "comment": "description",
}


def request_create(request: HttpRequest) -> Answer:
    """Accept the POSTed request; the answer carries its token (the id
    comes through ``tokens/{token}`` once the appeal is registered)."""
    form = request.POST
    client = client_required(params.text(form, "api_key"))
    origin = origin_allowed(request, client)
    api_services.hashed_key_touch(key=client)
    data, links_dropped = _appeal_input(request, _category(form))
    try:
        accepted = services.open311_request_submit(
            client=client, data=data, requester=_requester(form)
        )
    except ApplicationError as error:
        raise refusal(error) from None
    return Answer(
        document=documents.post_answer_document(accepted, links_dropped=links_dropped),
        allow_origin=origin,
    )


def _appeal_input(
    request: HttpRequest, category: Category
) -> tuple[filing_input.AppealInput, int]:
    """The appeal the form states, and how many photo links found no room;
    what the API itself refuses is refused here, the rest by the filing
    service."""
    form = request.POST
    _lengths_check(form)
    description, links_dropped = _description(form, category)
    lon, lat = _point(form)
    address, address_text = _address(form, has_point=lon is not None)
    data = filing_input.AppealInput(
        kind=AppealKind.STATEMENT,
        category=category,
        title=_title(form, category),
        description=description,
        applicant=filing_input.ApplicantInput(
            family_name=params.text(form, "last_name"),
            given_name=params.text(form, "first_name"),
            email=params.text(form, "email"),
            phone=params.text(form, "phone"),
        ),
        is_public=not params.boolean(form, "private"),
        answers=_answers(form, category),
        address=address,
        address_text=address_text,
        lon=lon,
        lat=lat,
        files=_files(request),
    )
    return data, links_dropped


def client_required(key: str) -> Open311Client:
    """The client whose ``api_key`` this is; missing, unknown or revoked
    is 403 (STANDARDS §1.8)."""
    client = selectors.open311_client_get_active(key=key)
    if client is None:
        raise Open311Error.one(
            403,
            _("A valid api_key is required; the council issues keys.")
            if key
            else _("api_key is required."),
        )
    return client


def origin_allowed(request: HttpRequest, client: Open311Client) -> str:
    """The browser's ``Origin`` when the key allows it; "" for a server
    (no ``Origin``); a refusal for any other origin."""
    origin = request.headers.get("Origin", "")
    if not origin:
        return ""
    if services.origin_normalise(origin) in client.allowed_origins:
        return origin
    raise Open311Error.one(
        403,
        _("This api_key may not be used from a page at %(origin)s.")
        % {"origin": origin},
    )


def _category(form: QueryDict) -> Category:
    code = params.text(form, "service_code")
    if not code:
        raise bad_request(_("service_code is required."))
    category = selectors.service_get(code=code)
    if category is None:
        raise Open311Error.one(404, _("There is no service %(code)s.") % {"code": code})
    return category


def _lengths_check(form: QueryDict) -> None:
    given = [(name, params.text(form, name), limit) for name, limit in LENGTHS.items()]
    # The description is measured as sent, its edges included.
    given.append(("description", form.get("description") or "", DESCRIPTION_MAX))
    errors = [
        ErrorItem(
            code=400,
            description=_("%(name)s may be %(count)d characters at most.")
            % {"name": name, "count": limit},
        )
        for name, value, limit in given
        if len(value) > limit
    ]
    if errors:
        raise Open311Error(400, *errors)


def _description(form: QueryDict, category: Category) -> tuple[str, int]:
    """The text to register and how many photo links found no room."""
    text = (form.get("description") or "").strip() or category.name
    links = media_urls(form)
    room = max(filing_input.LINKS_MAX - len(filing_input.LINK.findall(text)), 0)
    kept = links[:room]
    return with_photo_links(text, kept), len(links) - len(kept)


def with_photo_links(text: str, links: list[str]) -> str:
    """``text`` with the photo links below it, one a line, for staff to
    open (a request inside a request cannot fetch them)."""
    if not links:
        return text
    return text + "\n\n" + "\n".join(f"Фото: {link}" for link in links)


def media_urls(form: QueryDict) -> list[str]:
    links = [link.strip() for link in form.getlist("media_url") if link.strip()]
    check = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            check(link)
        except DjangoValidationError:
            raise bad_request(
                _("media_url must be an http or https address.")
            ) from None
        if len(link) > MEDIA_URL_MAX:
            raise bad_request(
                _("%(name)s may be %(count)d characters at most.")
                % {"name": "media_url", "count": MEDIA_URL_MAX}
            )
    return links


def _title(form: QueryDict, category: Category) -> str:
    lines = (form.get("description") or "").strip().splitlines()
    first = lines[0].strip() if lines else ""
    if not first:
        return category.name
    return first if len(first) <= TITLE_MAX else first[: TITLE_MAX - 1].rstrip() + "…"


def _point(form: QueryDict) -> tuple[float | None, float | None]:
    lat_text, lon_text = params.text(form, "lat"), params.text(form, "long")
    if not lat_text and not lon_text:
        return None, None
    if not (lat_text and lon_text):
        raise bad_request(_("Give both lat and long, or neither."))
    lat, lon = _degrees(lat_text, "lat", 90), _degrees(lon_text, "long", 180)
    return lon, lat


def _degrees(text: str, name: str, limit: float) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not -limit <= value <= limit:
        raise bad_request(
            _("%(name)s must be WGS 84 decimal degrees.") % {"name": name}
        )
    return value


def _address(form: QueryDict, *, has_point: bool) -> tuple[Address | None, str]:
    """The registry address and the place's text; at least one place."""
    text = params.text(form, "address_string")
    address_id = params.text(form, "address_id")
    address = None
    if address_id and address_id != NOT_PINPOINTED:
        address = selectors.address_get(public_id=address_id)
        if address is None:
            raise bad_request(_("address_id names no address of the registry."))
    if not (has_point or text or address_id):
        raise bad_request(
            _("Give the place: lat and long, address_string or address_id.")
        )
    if address_id == NOT_PINPOINTED and not (has_point or text):
        text = NOT_PINPOINTED_TEXT
    return address, text


def _answers(form: QueryDict, category: Category) -> dict[str, object]:
    """The answers by question code; unknown codes and several values for
    a one-value question are refused, each with its own error."""
    questions = {question.code: question for question in category.questions.all()}
    errors: list[str] = []
    answers: dict[str, object] = {}
    for code, sent in params.attributes(form.lists()).items():
        question = questions.get(code)
        if question is None:
            message = _("attribute[%(code)s]: the service has no such attribute.")
            errors.append(message % {"code": code})
        elif question.kind != QuestionKind.MULTI and len(sent.values) > 1:
            errors.append(_("attribute[%(code)s] takes one value.") % {"code": code})
        else:
            answers[code] = _answer(question, sent.values)
    if errors:
        items = (ErrorItem(code=400, description=error) for error in errors)
        raise Open311Error(400, *items)
    return answers


def _answer(question: CategoryQuestion, values: list[str]) -> object:
    if question.kind == QuestionKind.MULTI:
        return values
    return values[0] if values else ""


def _files(request: HttpRequest) -> list[UploadedFile]:
    return [upload for _name, uploads in request.FILES.lists() for upload in uploads]


def _requester(form: QueryDict) -> str:
    device = params.text(form, "device_id") or params.text(form, "deviceid")
    if device:
        return f"device:{device}"
    return f"email:{params.text(form, 'email').lower()}"


def refusal(error: ApplicationError) -> Open311Error:
    """A refusal of the filing service as Open311 errors, one per message,
    each named by its Open311 parameter."""
    if isinstance(error, RateLimitedError):
        return Open311Error.one(400, error.message, code=429)
    # The title is made from the description: the same refusal of both is
    # said once.
    descriptions = dict.fromkeys(
        f"{_parameter(field)}: {message}"
        for field, messages in error.details.items()
        for message in messages
    )
    items = [ErrorItem(code=400, description=text) for text in descriptions]
    return Open311Error(
        400, *(items or [ErrorItem(code=400, description=error.message)])
    )


def _parameter(field: str) -> str:
    if field.startswith("answer_"):
        return f"attribute[{field.removeprefix('answer_')}]"
    return PARAMETERS.get(field, field)
