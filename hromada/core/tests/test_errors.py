"""The ApplicationError family and its API shape."""

import pytest
from django.utils.translation import gettext_lazy

from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)


def test_as_dict_is_the_api_error_shape():
    error = ApplicationError(
        "Choose an executor.",
        code="executor_outside_unit",
        details={"executor": ["Wrong unit."]},
    )

    assert error.as_dict() == {
        "code": "executor_outside_unit",
        "message": "Choose an executor.",
        "details": {"executor": ["Wrong unit."]},
    }


def test_defaults_are_invalid_and_no_details():
    assert ApplicationError("No.").as_dict() == {
        "code": "invalid",
        "message": "No.",
        "details": {},
    }


def test_lazy_messages_and_details_become_plain_strings():
    error = ApplicationError(
        gettext_lazy("Appeal"), details={"file": (gettext_lazy("Appeal"),)}
    )

    assert (type(error.message), type(error.details["file"][0])) == (str, str)
    assert error.details == {"file": [error.message]}


@pytest.mark.parametrize(
    ("error_type", "code", "status"),
    [
        (ApplicationError, "invalid", 400),
        (ValidationError, "invalid", 400),
        (PermissionDeniedError, "permission_denied", 403),
        (NotFoundError, "not_found", 404),
        (InvalidTransitionError, "invalid_transition", 409),
    ],
)
def test_each_error_has_its_code_and_http_status(error_type, code, status):
    error = error_type("Refused.")

    assert (
        error.code,
        error.http_status,
        str(error),
        isinstance(error, ApplicationError),
    ) == (
        code,
        status,
        "Refused.",
        True,
    )
