"""What a request carries down: the client's address and the request memo."""

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from hromada.core.middleware import RequestContextMiddleware
from hromada.core.request_context import current_ip, request_memo


def test_outside_a_request_every_call_computes_afresh():
    # given
    calls: list[int] = []

    # when
    values = [request_memo("key", lambda: calls.append(1) or len(calls)) for _ in "ab"]

    # then
    assert values == [1, 2]


def test_within_a_request_a_key_is_computed_once_and_dropped_after():
    # given: a view asking twice for one key and once for another
    calls: list[str] = []

    def compute(key: str) -> str:
        calls.append(key)
        return key.upper()

    def view(request: HttpRequest) -> HttpResponse:
        seen = [request_memo(key, lambda k=key: compute(k)) for key in "aab"]
        return HttpResponse(",".join(seen) + f"|{current_ip.get()}")

    middleware = RequestContextMiddleware(view)
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")

    # when: two requests
    first = middleware(request).content.decode()
    second = middleware(request).content.decode()

    # then: each request computed each key once; nothing outlived them
    assert first == second == "A,A,B|192.0.2.7"
    assert calls == ["a", "b", "a", "b"]
    assert current_ip.get() is None
    assert request_memo("a", lambda: "fresh") == "fresh"
