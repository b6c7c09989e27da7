"""The public pages of appeals from the page cache (``core.pagecache``)."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.tests.factories import (
    CITY_LAT,
    CITY_LON,
    CategoryFactory,
    appeal_file,
    appeals_journal,
)

pytestmark = pytest.mark.django_db

LIST = reverse("appeals:appeal_list")
MAP = reverse("appeals:appeal_map")
SET_LANGUAGE = reverse("set_language")
BBOX = f"{CITY_LON - 0.05},{CITY_LAT - 0.05},{CITY_LON + 0.05},{CITY_LAT + 0.05}"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def lights():
    appeals_journal()
    return CategoryFactory(code="lights", name="Вуличне освітлення")


def detail_url(appeal) -> str:
    return reverse("appeals:appeal_detail", args=[appeal.public_id])


def test_a_second_visit_of_the_public_list_runs_no_query(
    client, lights, django_assert_num_queries
):
    # given
    appeal_file(category=lights, title="Темно на Садовій")
    first = client.get(LIST)

    # when
    with django_assert_num_queries(0):
        second = client.get(LIST)

    # then
    page = second.content.decode()
    assert (second.status_code, second.content) == (200, first.content)
    assert dict(second.headers) == dict(first.headers)
    assert "Темно на Садовій" in page
    assert "csrfmiddlewaretoken" not in page
    assert "X-CSRFToken" not in page
    assert (first.cookies, second.cookies) == ({}, {})


def test_the_map_and_an_appeals_page_are_cached_too(
    client, lights, django_assert_num_queries
):
    # given
    appeal = appeal_file(category=lights, title="Темно на Садовій")
    query = {"bbox": BBOX, "zoom": "14"}
    cells = client.get(MAP, query).json()["cells"]
    client.get(detail_url(appeal))

    # when
    with django_assert_num_queries(0):
        cached_cells = client.get(MAP, query).json()["cells"]
        detail = client.get(detail_url(appeal)).content.decode()

    # then
    assert cached_cells == cells
    assert sum(cell["count"] for cell in cells) == 1
    assert "Темно на Садовій" in detail
    assert "/follow/" not in detail
    assert "csrfmiddlewaretoken" not in detail


def test_a_new_appeal_reaches_the_list_when_the_cached_page_expires(client, lights):
    # given
    client.get(LIST)

    # when
    appeal_file(category=lights, title="Яма біля школи")
    within_the_minute = client.get(LIST).content.decode()
    cache.clear()  # what the 60 seconds' expiry does
    after_it = client.get(LIST).content.decode()

    # then
    assert ("Яма біля школи" in within_the_minute, "Яма біля школи" in after_it) == (
        False,
        True,
    )


def test_signed_in_people_get_the_follow_form_and_never_a_cached_page(client, lights):
    # given: a visitor's page of the appeal is in the cache
    appeal = appeal_file(category=lights)
    anonymous = client.get(detail_url(appeal)).content.decode()
    neighbour = UserFactory(roles=[Role.CITIZEN])

    # when
    client.force_login(neighbour)
    signed_in = client.get(detail_url(appeal)).content.decode()

    # then
    follow = reverse("appeals:appeal_follow", args=[appeal.public_id])
    assert f'action="{follow}"' not in anonymous
    assert f'action="{follow}"' in signed_in
    assert signed_in.count('name="csrfmiddlewaretoken"') == signed_in.count(
        'method="post"'
    )
    assert "X-CSRFToken" in signed_in


def test_a_visitor_switches_language_without_a_token_and_english_is_cached_apart(
    lights, django_assert_num_queries
):
    # given: a visitor who saw the Ukrainian list, and its cached page
    visitor = Client(enforce_csrf_checks=True)
    ukrainian = visitor.get(LIST).content.decode()

    # when
    switched = visitor.post(SET_LANGUAGE, {"language": "en", "next": LIST})
    english = visitor.get(LIST).content.decode()
    with django_assert_num_queries(0):
        english_again = visitor.get(LIST).content.decode()
        other_visitor = Client().get(LIST).content.decode()

    # then
    assert (switched.status_code, switched.url) == (302, LIST)
    assert switched.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="uk"' in ukrainian
    assert '<html lang="en"' in english
    assert "Appeals of citizens" in english
    assert english_again == english
    assert other_visitor == ukrainian


def test_a_signed_in_persons_language_switch_still_needs_the_token(lights):
    # given
    person = Client(enforce_csrf_checks=True)
    person.force_login(UserFactory(roles=[Role.CITIZEN]))
    page = person.get(LIST).content.decode()

    # when
    without = person.post(SET_LANGUAGE, {"language": "en", "next": LIST})
    token = TOKEN.search(page.split('action="/i18n/setlang/"', 1)[1])
    assert token is not None
    with_token = person.post(
        SET_LANGUAGE,
        {"language": "en", "next": LIST, "csrfmiddlewaretoken": token.group(1)},
    )

    # then
    assert (without.status_code, with_token.status_code) == (403, 302)
