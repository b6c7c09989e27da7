"""Helpers of the route-template editor's page tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hromada.documents.tests.route_templates.world import head_of
from hromada.org.tests.factories import (
    EmployeeFactory,
)

__all__ = ["LIST_URL", "colleague", "head_of", "page_queries", "step_post", "url"]

LIST_URL = "/cabinet/documents/routes/templates/"


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
