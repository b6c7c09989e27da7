"""Open311 errors: ``errors/error`` with ``code`` and ``description``.

The HTTP status is only ever 400, 403 or 404 (STANDARDS §1.8); the body's
``code`` may say more (429 for too many requests, 405 for a method the
path does not take, 500 for a failure of the server, which the spec asks
to answer as a "general service error", 400).

Descriptions are API text for the people who run the client: they are
written as English msgids and translated like every message of the
platform, so a client gets them in the language of its request
(Ukrainian by default, English with ``Accept-Language: en``) together with
the messages of the appeals service, which come out in the same language.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from hromada.api.open311.render import Document, Group, Value

HTTP_STATUSES: Final = frozenset({400, 403, 404})


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """One ``error`` element."""

    code: int
    description: str


class Open311Error(Exception):
    """A refusal in Open311's shape; views answer it, never raise further."""

    def __init__(
        self,
        status: int,
        *errors: ErrorItem,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        if status not in HTTP_STATUSES:
            raise ValueError(f"Open311 answers 400, 403 or 404, not {status}")
        if not errors:
            raise ValueError("An Open311 error needs at least one error element")
        super().__init__(errors[0].description)
        self.status = status
        self.errors: Sequence[ErrorItem] = errors
        self.headers: Mapping[str, str] = dict(headers or {})

    @classmethod
    def one(
        cls,
        status: int,
        description: str,
        *,
        code: int = 0,
        headers: Mapping[str, str] | None = None,
    ) -> "Open311Error":
        """A refusal with one error whose code is ``code`` or the status."""
        item = ErrorItem(code=code or status, description=description)
        return cls(status, item, headers=headers)


def error_document(error: Open311Error) -> Document:
    """The ``errors`` document of a refusal."""
    members: list[Value] = [
        {"code": item.code, "description": item.description} for item in error.errors
    ]
    return Document(root="errors", body=Group("error", members))
