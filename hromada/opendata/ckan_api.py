"""The CKAN Action API's plumbing: parameters in, envelopes out (STANDARDS
§3.2, §3.3).

Parameters come from the query string (a repeated name is a list), a JSON
body (what ``ckanapi`` sends for every action), a form, or CKAN's legacy
form of one field whose name is the whole JSON object.
"""

import json
from collections.abc import Mapping
from typing import Final

from django.http import HttpRequest, HttpResponse, QueryDict

JSON_TYPE: Final = "application/json;charset=utf-8"
FORM_TYPES: Final = frozenset(
    {"multipart/form-data", "application/x-www-form-urlencoded"}
)
TRUE_WORDS: Final = frozenset({"true", "yes", "t", "y", "1", "on"})


class BadRequest(Exception):
    """A request CKAN answers with a bare JSON string and HTTP 400."""


class ActionError(Exception):
    """A refusal in CKAN's envelope: ``error.__type`` and a message."""

    status = 500
    error_type = "Internal Server Error"
    prefix = "Internal error"

    def __init__(
        self, message: str = "", *, fields: Mapping[str, list[str]] | None = None
    ):
        super().__init__(message)
        self.message = message
        self.fields = dict(fields or {})

    def error(self) -> dict[str, object]:
        """The ``error`` object of the envelope."""
        error: dict[str, object] = {"__type": self.error_type, **self.fields}
        if self.message or not self.fields:
            # ckanapi splits the message on its first ": ".
            error["message"] = f"{self.prefix}: {self.message}"
        return error


class NotFound(ActionError):
    """An unknown, unpublished or hidden object."""

    status = 404
    error_type = "Not Found Error"
    prefix = "Not found"


class NotAuthorized(ActionError):
    """A write action, or a private object."""

    status = 403
    error_type = "Authorization Error"
    prefix = "Access denied"


class ValidationFailed(ActionError):
    """A bad or missing parameter: field names map to messages."""

    status = 409
    error_type = "Validation Error"
    prefix = "Validation error"


class SearchQueryFailed(ActionError):
    """A ``q``, ``fq`` or ``sort`` outside the subset Hromada parses."""

    status = 400
    error_type = "Search Query Error"
    prefix = "Search Query is invalid"


def _plain(data: QueryDict) -> dict[str, object]:
    return {
        key: values[0] if len(values) == 1 else values for key, values in data.lists()
    }


def _json_object(text: str | bytes) -> dict[str, object]:
    try:
        value = json.loads(text)
    except (UnicodeDecodeError, ValueError) as error:
        raise BadRequest(f"Bad request - JSON Error: {error}") from None
    if not isinstance(value, dict):
        raise BadRequest(
            "Bad request - JSON Error: Request data JSON decoded to "
            f"{value!r} but a dictionary was required"
        )
    return value


def _body(request: HttpRequest) -> dict[str, object]:
    if request.content_type in FORM_TYPES:
        form = _plain(request.POST)
        if len(form) == 1:
            ((key, value),) = form.items()
            if value in ("", "1") and key.lstrip().startswith("{"):
                return _json_object(key)
        return form
    if not request.body.strip():
        return {}
    return _json_object(request.body)


def request_params(request: HttpRequest) -> "Params":
    """The action's parameters from the query string and, on POST, the body."""
    params = _plain(request.GET)
    if request.method == "POST":
        params.update(_body(request))
    return Params(params)


class Params:
    """An action's parameters, read with CKAN's validators."""

    def __init__(self, values: Mapping[str, object]) -> None:
        self.values = dict(values)

    def text(self, name: str, default: str = "") -> str:
        """A string; a list gives its first item."""
        value = self.values.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        return default if value is None else str(value)

    def required(self, name: str) -> str:
        """A string that must be given."""
        value = self.text(name).strip()
        if not value:
            raise ValidationFailed(fields={name: ["Missing value"]})
        return value

    def integer(self, name: str, default: int) -> int:
        """A whole number, negative or not."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValidationFailed(fields={name: ["Invalid integer"]})
        try:
            return int(value)
        except ValueError:
            raise ValidationFailed(fields={name: ["Invalid integer"]}) from None

    def natural(self, name: str, default: int) -> int:
        """A whole number of at least 0."""
        number = self.integer(name, default)
        if number < 0:
            raise ValidationFailed(fields={name: ["Must be a natural number"]})
        return number

    def optional_natural(self, name: str) -> int | None:
        """A natural number, or ``None`` when not given."""
        if self.values.get(name) in (None, ""):
            return None
        return self.natural(name, 0)

    def boolean(self, name: str, default: bool) -> bool:
        """CKAN's boolean: true, yes, t, y, 1 or on."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in TRUE_WORDS

    def strings(self, name: str) -> list[str]:
        """A list: repeated, a JSON list in one value, or one value."""
        value = self.values.get(name)
        if value is None or value == "":
            return []
        if isinstance(value, list):
            return [str(item) for item in value]
        text = str(value)
        if text.lstrip().startswith("["):
            try:
                items = json.loads(text)
            except ValueError:
                raise ValidationFailed(fields={name: ["Invalid list"]}) from None
            if isinstance(items, list):
                return [str(item) for item in items]
        return [text]


def json_response(value: object, *, status: int = 200) -> HttpResponse:
    """``value`` as UTF-8 JSON, with the type CKAN's clients expect."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(body.encode("utf-8"), status=status, content_type=JSON_TYPE)
