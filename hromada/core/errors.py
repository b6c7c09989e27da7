"""The one family of business errors every service raises."""

from collections.abc import Mapping, Sequence


class ApplicationError(Exception):
    """A refusal a user can read: a translated ``message``, a stable ``code``.

    ``details`` maps a field name to its messages for forms and the API.
    """

    default_code = "invalid"
    http_status = 400

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        details: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = str(message)
        self.code = code or self.default_code
        self.details = {
            key: [str(m) for m in value] for key, value in (details or {}).items()
        }

    def as_dict(self) -> dict[str, object]:
        """The API error shape: ``{"code", "message", "details"}``."""
        return {"code": self.code, "message": self.message, "details": self.details}


class PermissionDeniedError(ApplicationError):
    """The actor may not do this to an object they can see."""

    default_code = "permission_denied"
    http_status = 403


class InvalidTransitionError(ApplicationError):
    """The lifecycle does not allow this move from the current status."""

    default_code = "invalid_transition"
    http_status = 409


class NotFoundError(ApplicationError):
    """The object does not exist or is hidden from the actor."""

    default_code = "not_found"
    http_status = 404


class ValidationError(ApplicationError):
    """Input that the service cannot accept (bad file, bad value)."""

    default_code = "invalid"


def field_refusal(field: str, message: str, code: str) -> ValidationError:
    """A refusal that names the form field it is about, so that a form puts
    the message on that field (``hromada.ui.forms.errors_to_form``)."""
    return ValidationError(message, code=code, details={field: [message]})


class RateLimitedError(ApplicationError):
    """Too many attempts from one person or place in a short time."""

    default_code = "rate_limited"
    http_status = 429


class ImmutableRecordError(RuntimeError):
    """Code tried to change or delete an append-only record.

    A programming error, never a user's: it is not an ``ApplicationError``.
    """
