"""What the tests of Open311 POSTs share: posting helpers, the token of an
answer and what it resolves to, the smallest PNG (the complete request is
the ``form`` fixture of conftest.py)."""

from hromada.api.tests.open311 import shapes
from hromada.api.tests.open311.conftest import BASE

URLENCODED = "application/x-www-form-urlencoded; charset=utf-8"
# The smallest PNG: a 1×1 transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000005000157a1d6f90000"
    "000049454e44ae426082"
)


def post(http, data, fmt="json", **extra):
    return http.post(f"{BASE}requests.{fmt}", data, **extra)


def post_urlencoded(http, body, fmt="json"):
    return http.post(f"{BASE}requests.{fmt}", body, content_type=URLENCODED)


def items_of(response):
    """The items of a ``service_requests`` answer, in either format (XML
    scalars as text)."""
    if response["Content-Type"].startswith("application/json"):
        return response.json()
    return shapes.parsed_xml(response.content.decode())


def token_of(response):
    """The token a successful POST answered with, in either format."""
    assert response.status_code == 200, response.content
    [item] = items_of(response)
    return item["token"]


def request_id_of(http, token, fmt="json"):
    """The request's id, as a client learns it: through ``tokens/{token}``
    (``None`` while the appeal waits for registration)."""
    response = http.get(f"{BASE}tokens/{token}.{fmt}")
    assert response.status_code == 200, response.content
    [item] = items_of(response)
    assert item["token"] == token
    return item.get("service_request_id")
