import re

import pytest

from hromada.portal import services
from hromada.portal.models import StandardPage

pytestmark = pytest.mark.django_db


def test_search_finds_pages_by_any_form_of_a_word(client, make_news):
    # given: «скверу» is a form of «сквер»
    news = make_news("Відкрили сквер на Садовій", lead="Новий сквер для мешканців.")

    # when
    body = client.get("/search/", {"q": "скверу"}).content.decode()

    # then
    assert f'href="{news.url}"' in body
    assert "<mark>" in body
    assert '<meta name="robots" content="noindex">' in body


def test_search_never_shows_unpublished_pages(client, make_news):
    news = make_news("Відкрили сквер на Садовій")
    news.unpublish()

    body = client.get("/search/", {"q": "сквер"}).content.decode()

    assert "Відкрили сквер на Садовій" not in body
    assert "Нічого не знайдено" in body


def test_search_is_paginated(client, home):
    for number in range(12):
        services.page_create(
            parent=home,
            page=StandardPage(title=f"Бюджет участі {number}", body="<p>Бюджет.</p>"),
            actor=None,
        )

    first = client.get("/search/", {"q": "бюджет"}).content.decode()
    second = client.get("/search/", {"q": "бюджет", "page": 2}).content.decode()

    assert (
        first.count('<h2 class="govuk-heading-s'),
        second.count('<h2 class="govuk-heading-s'),
    ) == (10, 2)
    assert 'rel="next"' in first


def test_a_query_the_search_refuses_gets_a_clear_message(client):
    response = client.get("/search/", {"q": "бюджет", "page": 5000})

    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert 'href="#search-query"' in body


def test_search_form_works_without_javascript(client):
    body = client.get("/search/").content.decode()

    assert '<form method="get" action="/search/" role="search">' in body


def test_search_finds_public_legal_acts(client):
    # given: an act the registry registered (and indexed as registry.act)
    from hromada.registry.tests.factories import act_register

    act = act_register(title="Про затвердження Програми благоустрою")

    # when
    body = client.get("/search/", {"q": "благоустрою"}).content.decode()

    # then
    assert f'href="{act.get_absolute_url()}"' in body


def test_each_hit_says_what_it_is(client, make_news, make_event, home):
    # given: a news item, an event, a standard page and an act on one word
    make_news("Ремонт мосту на Садовій")
    make_event("Громадські слухання про ремонт мосту")
    services.page_create(
        parent=home,
        page=StandardPage(title="Ремонт мостів", body="<p>Графік.</p>"),
        actor=None,
    )
    from hromada.registry.tests.factories import act_register

    act_register(title="Про ремонт мосту через річку Вишневу")

    # when
    body = client.get("/search/", {"q": "мосту"}).content.decode()

    # then
    labels = re.findall(
        r'<p class="govuk-body-s govuk-!-margin-bottom-1">(.*?)</p>', body
    )
    assert sorted(labels) == ["Новина", "Нормативний акт", "Подія", "Сторінка"]
