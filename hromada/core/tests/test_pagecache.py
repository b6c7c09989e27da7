"""The page cache: what is kept, for whom, and what never is."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from hromada.core import pagecache
from hromada.core.pagecache import PREFIX, public_cache

CALLS: list[str] = []


def _answer(request: HttpRequest) -> HttpResponse:
    CALLS.append(request.get_full_path())
    return HttpResponse(
        f"call {len(CALLS)} {get_language()} {request.GET.urlencode()} "
        f"{request.headers.get('HX-Target', '')}",
        content_type="text/plain; charset=utf-8",
    )


@login_not_required
@public_cache(60)
def public_page(request: HttpRequest) -> HttpResponse:
    return _answer(request)


@login_not_required
def plain_page(request: HttpRequest) -> HttpResponse:
    return _answer(request)


@login_not_required
@public_cache(60)
def missing_page(request: HttpRequest) -> HttpResponse:
    response = _answer(request)
    response.status_code = 404
    return response


@login_not_required
@public_cache(60)
def cookie_page(request: HttpRequest) -> HttpResponse:
    response = _answer(request)
    response.set_cookie("seen", "yes")
    return response


@login_not_required
@public_cache(60)
def token_page(request: HttpRequest) -> HttpResponse:
    response = _answer(request)
    response.write(f' <input name="csrfmiddlewaretoken" value="{get_token(request)}">')
    return response


@login_not_required
@public_cache(60)
def private_page(request: HttpRequest) -> HttpResponse:
    response = _answer(request)
    patch_cache_control(response, private=True)
    return response


@login_not_required
@public_cache(60)
def accept_page(request: HttpRequest) -> HttpResponse:
    response = _answer(request)
    patch_vary_headers(response, ("Accept",))
    return response


@login_not_required
@public_cache(60)
def streaming_page(request: HttpRequest) -> StreamingHttpResponse:
    CALLS.append(request.path)
    return StreamingHttpResponse(iter([b"a", b"b"]))


@login_not_required
@public_cache(60)
def token_user_page(request: HttpRequest) -> HttpResponse:
    # As an API's token authentication does, inside the view.
    request.user = get_user_model().objects.get()
    return _answer(request)


urlpatterns = [
    path("page/", public_page),
    path("plain/", plain_page),
    path("missing/", missing_page),
    path("cookie/", cookie_page),
    path("token/", token_page),
    path("private/", private_page),
    path("accept/", accept_page),
    path("streaming/", streaming_page),
    path("token-user/", token_user_page),
]

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture(autouse=True)
def _no_calls():
    CALLS.clear()
    yield
    CALLS.clear()


class RecordingCache:
    """The real cache, remembering what was stored and for how long."""

    def __init__(self):
        self.stored: list[tuple[str, int]] = []

    def get(self, key):
        return cache.get(key)

    def set(self, key, value, timeout):
        self.stored.append((key, timeout))
        cache.set(key, value, timeout)


@pytest.fixture
def recorder(monkeypatch):
    recording = RecordingCache()
    monkeypatch.setattr(pagecache, "cache", recording)
    return recording


# --- what is kept ------------------------------------------------------------


def test_a_second_anonymous_get_does_not_reach_the_view(client):
    # when
    first = client.get("/page/?a=1")
    second = client.get("/page/?a=1")

    # then
    assert CALLS == ["/page/?a=1"]
    assert (second.status_code, second.content) == (200, first.content)
    assert dict(second.headers) == dict(first.headers)
    assert second["Content-Type"] == "text/plain; charset=utf-8"
    assert second["Content-Language"] == "uk"
    assert "Accept-Language" in second["Vary"]
    assert second["X-Frame-Options"] == "DENY"
    assert second.cookies == {}


def test_the_page_is_kept_for_the_views_seconds_under_its_prefix(client, recorder):
    client.get("/page/")

    assert len(recorder.stored) == 1
    key, timeout = recorder.stored[0]
    assert key.startswith(PREFIX) is True
    assert timeout == 60


def test_the_order_of_query_parameters_does_not_matter_their_values_do(client):
    # when
    client.get("/page/?a=1&b=2")
    client.get("/page/?b=2&a=1")
    client.get("/page/?a=1&b=3")
    client.get("/page/")

    # then
    assert CALLS == ["/page/?a=1&b=2", "/page/?a=1&b=3", "/page/"]


def test_each_language_has_its_own_page(client):
    # when
    ukrainian = client.get("/page/")
    english = client.get("/page/", HTTP_ACCEPT_LANGUAGE="en")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english_by_cookie = client.get("/page/")
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    ukrainian_again = client.get("/page/")

    # then
    assert len(CALLS) == 2
    assert (ukrainian["Content-Language"], english["Content-Language"]) == (
        "uk",
        "en",
    )
    assert english_by_cookie.content == english.content
    assert ukrainian_again.content == ukrainian.content
    assert b" en " in english.content


def test_htmx_requests_have_their_own_pages(client):
    # when
    whole = client.get("/page/")
    part = client.get("/page/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="list")
    other_part = client.get("/page/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="map")
    part_again = client.get("/page/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="list")

    # then
    assert len(CALLS) == 3
    assert part_again.content == part.content
    assert len({whole.content, part.content, other_part.content}) == 3


def test_a_head_is_answered_from_a_get_but_does_not_fill_the_cache(client):
    # when
    client.head("/page/")
    client.get("/page/")
    head = client.head("/page/")

    # then
    assert len(CALLS) == 2
    assert head.status_code == 200


# --- whom it is never for ----------------------------------------------------


@pytest.mark.parametrize(
    "cookie",
    [settings.SESSION_COOKIE_NAME, "messages"],
    ids=["session", "messages"],
)
@pytest.mark.django_db
def test_a_visitor_with_a_session_or_messages_is_never_served_or_kept(client, cookie):
    # given: an anonymous visitor's page is in the cache
    client.get("/page/")

    # when
    client.cookies[cookie] = "something"
    for _ in range(2):
        with_cookie = client.get("/page/")
    del client.cookies[cookie]
    client.get("/page/")

    # then
    assert len(CALLS) == 3
    assert with_cookie.content.startswith(b"call 3 ")


def test_a_request_with_credentials_is_never_served_or_kept(client):
    # given
    client.get("/page/")

    # when
    for _ in range(2):
        client.get("/page/", HTTP_AUTHORIZATION="Bearer abc")

    # then
    assert len(CALLS) == 3


@pytest.mark.django_db
def test_a_signed_in_person_is_never_served_or_kept(client):
    # given
    user = get_user_model().objects.create_user(email="person@test.example")
    client.get("/page/")

    # when
    client.force_login(user)
    client.get("/page/")
    client.get("/page/")

    # then
    assert len(CALLS) == 3


@pytest.mark.django_db
def test_a_user_authenticated_by_the_view_is_never_kept(client):
    get_user_model().objects.create_user(email="robot@test.example")

    client.get("/token-user/")
    client.get("/token-user/")

    assert len(CALLS) == 2


def test_a_post_is_never_served_or_kept(client):
    # given
    client.get("/page/")

    # when
    posted = client.post("/page/")
    client.post("/page/")

    # then
    assert len(CALLS) == 3
    assert posted.content.startswith(b"call 2 ")


@pytest.mark.parametrize(
    "url",
    [
        "/plain/",
        # A 404 reads the portal's redirects table (Wagtail's middleware).
        pytest.param("/missing/", marks=pytest.mark.django_db),
        "/cookie/",
        "/token/",
        "/private/",
        "/accept/",
        "/streaming/",
    ],
)
def test_a_response_that_may_not_be_shared_is_never_kept(client, recorder, url):
    # when
    client.get(url)
    client.get(url)

    # then
    assert len(CALLS) == 2
    assert recorder.stored == []


def test_a_page_that_renders_a_csrf_token_sets_the_cookie_and_is_not_kept(client):
    first = client.get("/token/")
    second = client.get("/token/")

    assert settings.CSRF_COOKIE_NAME in first.cookies
    assert second.content.startswith(b"call 2 ")


def test_an_unknown_host_is_left_to_django(client, recorder):
    response = client.get("/page/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert (CALLS, recorder.stored) == ([], [])


def test_the_seconds_must_be_positive():
    with pytest.raises(ValueError, match="positive"):
        public_cache(0)
