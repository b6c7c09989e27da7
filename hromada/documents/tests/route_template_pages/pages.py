"""Helpers of the route-template editor's page tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.org.tests.factories import (
    EmployeeFactory,
)

LIST_URL = "/cabinet/documents/routes/templates/"


def head_of(unit):
    return EmployeeFactory.create(
        position__org_unit=unit,
        position__is_head=True,
        user__roles=[Role.UNIT_HEAD],
    ).user


def colleague(unit):
    """A current employee: the editor offers current staff as participants."""
    return EmployeeFactory.create(position__org_unit=unit).user


def url(name, obj):
    return reverse(f"documents:{name}", args=[obj.public_id])


def page_queries(client, address):
    with CaptureQueriesContext(connection) as context:
        response = client.get(address)
    assert response.status_code == 200
    return len(context.captured_queries)


def step_post(visa, **fields):
    return {
        "kind": "visa",
        "participants": [visa.pk],
        "quorum": "all",
        "quorum_n": "",
        "term_days": "2",
        "term_unit": "days",
        "on_reject": "return_to_author",
        **fields,
    }
