"""The Open311 documents Hromada serves, built from what selectors read.

Field order follows the specification's examples; XML clients such as
FixMyStreet read by name, but people read the order. Every id is a string
matching ``^[A-Za-z0-9_-]{1,64}$`` (STANDARDS §1.2): a category's code, an
appeal's or an event's public UUID, an accepted appeal's as its token.
Nothing personal is ever read here: the public selectors do not load the
applicant (§1.12), and the token's selector leaves the input kept for
registration unread.
"""

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Final

from django.conf import settings
from django.utils import timezone, translation

from hromada.api.open311 import statuses
from hromada.api.open311.render import Document, Group, Value
from hromada.api.open311.selectors import RequestExtras, Service
from hromada.appeals import privacy
from hromada.appeals.models import (
    Appeal,
    AppealEvent,
    AppealIntake,
    Category,
    CategoryQuestion,
    QuestionKind,
)
from hromada.core.deadlines.working_hours import office_periods
from hromada.gis.models import Address

# Every service accepts at once and registers a moment later: a POST
# answers with a token, which resolves to the id once registered (§1.6).
SERVICE_TYPE: Final = "batch"
# What a POST's ``service_notice`` tells the citizen, in Ukrainian as
# ``status_notes``: no number yet, registration follows in a moment.
ACCEPTED_NOTICE: Final = (
    "Звернення прийнято й буде зареєстровано за кілька хвилин; "
    "тоді з'являться його номер і строк розгляду."
)
LIST_KINDS: Final = frozenset({QuestionKind.SINGLE, QuestionKind.MULTI})
FREE_TEXT_KINDS: Final = frozenset({QuestionKind.STRING, QuestionKind.TEXT})


def w3c(moment: datetime | None) -> str | None:
    """A moment in the council's zone, to the second, with its offset."""
    if moment is None:
        return None
    return timezone.localtime(moment).isoformat(timespec="seconds")


def due_moment(day: date) -> datetime:
    """The end of the last office period of the due day: the statutory
    deadline as a moment (``expected_datetime``)."""
    _start, end = office_periods()[-1]
    return datetime.combine(day, end, tzinfo=timezone.get_current_timezone())


def service_list_document(services: Sequence[Service]) -> Document:
    """``services/service``: a bare array in JSON."""
    return Document(
        root="services",
        body=Group("service", [_service(service) for service in services]),
    )


def _service(service: Service) -> Mapping[str, Value]:
    category = service.category
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description.strip() or None,
        "metadata": service.has_questions,
        "type": SERVICE_TYPE,
        # The catalogue keeps no synonyms, and no category is private
        # (the applicant chooses), so no FixMyStreet control word applies.
        "keywords": None,
        "group": service.group or None,
    }


def service_definition_document(category: Category) -> Document:
    """``service_definition`` with its attributes: a JSON object."""
    questions = list(category.questions.all())
    questions.sort(key=lambda question: (question.position, question.pk))
    attributes = [
        _attribute(question, order=number)
        for number, question in enumerate(questions, start=1)
    ]
    return Document(
        root="service_definition",
        body={
            "service_code": category.code,
            "attributes": Group("attribute", attributes),
        },
    )


def _attribute(question: CategoryQuestion, *, order: int) -> Mapping[str, Value]:
    # ``order`` is the place in the list, not the stored position, which
    # may repeat or be 0: Open311 wants positive, unique orders.
    attribute: dict[str, Value] = {
        "variable": True,
        "code": question.code,
        "datatype": question.kind,
        "required": question.required,
        "datatype_description": question.help_text.strip() or None,
        "order": order,
        "description": question.label,
    }
    if question.kind in LIST_KINDS:
        values = [
            {"key": str(choice.get("key", "")), "name": str(choice.get("name", ""))}
            for choice in question.choices or []
        ]
        attribute["values"] = Group("value", values)
    return attribute


def request_list_document(
    appeals: Sequence[Appeal], *, extras: RequestExtras | None = None
) -> Document:
    """``service_requests/request``: a bare array in JSON."""
    return Document(
        root="service_requests",
        body=Group("request", [_request(appeal, extras) for appeal in appeals]),
    )


def _request(appeal: Appeal, extras: RequestExtras | None) -> Mapping[str, Value]:
    point = privacy.public_point(appeal.lon, appeal.lat)
    street = _street(appeal.address) if appeal.address is not None else None
    item: dict[str, Value] = {
        "service_request_id": str(appeal.public_id),
        "status": statuses.request_status(appeal),
        "status_notes": statuses.status_notes(appeal),
        "service_name": appeal.category.name,
        "service_code": appeal.category.code,
        "description": appeal.public_description,
        "agency_responsible": appeal.unit.name if appeal.unit is not None else None,
        "service_notice": None,
        "requested_datetime": w3c(appeal.registered_at),
        "updated_datetime": w3c(_updated_at(appeal)),
        "expected_datetime": w3c(due_moment(appeal.due_on)),
        # The street only: a building number or the free text the
        # applicant typed may be their home (STANDARDS §0.2.7), and the
        # registry id of the building would say as much.
        "address": privacy.public_place("", street) or None,
        "address_id": None,
        "zipcode": None,
        "lat": point[1] if point else None,
        "long": point[0] if point else None,
        "media_url": None,
    }
    if extras is not None:
        item["attributes"] = Group("attribute", _answers(appeal, extras))
        item["notes"] = Group(
            "note", [_note(event, appeal) for event in extras.events.get(appeal.pk, [])]
        )
    return item


def _street(address: Address) -> str:
    """The street as the council writes it («вул. Садова»), in its own
    language whatever the client's, like the rest of the request."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(address.street)


def _updated_at(appeal: Appeal) -> datetime:
    """For a closed request the closing time (STANDARDS §1.7), else the
    last change."""
    if statuses.request_status(appeal) == statuses.CLOSED:
        return appeal.closed_at or appeal.answered_at or appeal.updated_at
    return appeal.updated_at


def _answers(appeal: Appeal, extras: RequestExtras) -> list[Mapping[str, Value]]:
    """The answers in the order the service definition asks them; an
    answer to a question removed since has lost its label and is left out."""
    answers = extras.answers.get(appeal.pk, {})
    asked = [
        (question, answers[code])
        for code in answers
        if (question := extras.questions.get((appeal.category_id, code)))
    ]
    asked.sort(key=lambda pair: (pair[0].position, pair[0].pk))
    return [
        {
            "code": question.code,
            "name": question.label,
            "label": question.label,
            "value": _answer_text(question, value),
        }
        for question, value in asked
    ]


def _answer_text(question: CategoryQuestion, value: object) -> str:
    if isinstance(value, list | tuple):
        return ",".join(str(item) for item in value)
    if question.kind in FREE_TEXT_KINDS:
        return privacy.redact(str(value))
    return str(value)


def _note(event: AppealEvent, appeal: Appeal) -> Mapping[str, Value]:
    return {
        "datetime": w3c(event.at),
        "description": statuses.update_description(event, appeal),
        "type": event.kind,
    }


def update_list_document(updates: Sequence[tuple[AppealEvent, Appeal]]) -> Document:
    """``service_request_updates/request_update`` (mySociety's extension,
    STANDARDS §1.10)."""
    return Document(
        root="service_request_updates",
        body=Group(
            "request_update", [_update(event, appeal) for event, appeal in updates]
        ),
    )


def _update(event: AppealEvent, appeal: Appeal) -> Mapping[str, Value]:
    return {
        "update_id": str(event.public_id),
        "service_request_id": str(appeal.public_id),
        "status": statuses.update_status(event, appeal),
        "updated_datetime": w3c(event.at),
        "description": statuses.update_description(event, appeal),
        "media_url": None,
        "external_status_code": event.kind,
    }


def update_answer_document(event: AppealEvent) -> Document:
    """The answer to a POSTed update: Hromada's id of the step it became
    (STANDARDS §1.10)."""
    return Document(
        root="service_request_updates",
        body=Group("request_update", [{"update_id": str(event.public_id)}]),
    )


def post_answer_document(accepted: AppealIntake, *, links_dropped: int = 0) -> Document:
    """The answer to a POST: the token, never an id (the appeal is not
    registered yet, STANDARDS §1.6), and a notice for the citizen."""
    notice = ACCEPTED_NOTICE
    if links_dropped:
        notice += f" Не збережено посилань на фото: {links_dropped}."
    return Document(
        root="service_requests",
        body=Group(
            "request",
            [{"token": str(accepted.public_id), "service_notice": notice}],
        ),
    )


def token_answer_document(accepted: AppealIntake) -> Document:
    """What a token stands for (STANDARDS §1.6): the token alone while the
    appeal waits for registration, then the request's id with it."""
    item: dict[str, Value] = {"token": str(accepted.public_id)}
    if accepted.appeal is not None:
        item = {"service_request_id": str(accepted.appeal.public_id), **item}
    return Document(root="service_requests", body=Group("request", [item]))


SPECIFICATIONS: Final = (
    "http://wiki.open311.org/GeoReport_v2",
    "https://github.com/mysociety/fixmystreet/wiki/"
    "Open311-FMS---Proposed-differences-to-Open311",
    "http://wiki.open311.org/GeoReport_v2/Extensions/",
)
FORMAT_TYPES: Final = ("text/xml", "application/json")


def discovery_document(
    *, changeset: datetime, url: str, contact: str, key_service: str
) -> Document:
    """``discovery``: the standard fields only; each extension is one more
    endpoint with the same url and its own ``specification`` (STANDARDS
    §1.3), the last one Hromada's own, described at ``discovery.html``."""
    specifications = (*SPECIFICATIONS, f"{url}/discovery.html#hromada")
    endpoints = [
        {
            "specification": specification,
            "url": url,
            "changeset": w3c(changeset),
            "type": "production",
            "formats": Group("format", list(FORMAT_TYPES)),
        }
        for specification in specifications
    ]
    return Document(
        root="discovery",
        body={
            "changeset": w3c(changeset),
            "contact": contact,
            "key_service": key_service,
            "endpoints": Group("endpoint", endpoints),
        },
    )
