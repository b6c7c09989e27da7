import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.org.models import OrgUnitKind
from hromada.org.tests.factories import OrgUnitFactory
from hromada.portal import services
from hromada.portal.models import BodiesIndexPage, BodyPage

pytestmark = pytest.mark.django_db


def _json_ld(body: str) -> list[dict]:
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', body, re.S
    )
    return [json.loads(block) for block in blocks]


def _meta(body: str, prop: str) -> str:
    match = re.search(rf'<meta property="{prop}" content="([^"]*)"', body)
    return match.group(1) if match else ""


def test_home_page_is_public_and_in_ukrainian(client):
    response = client.get("/")

    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="uk"' in body
    assert "Увійти" in body


def test_english_version_of_the_home_page(client):
    client.cookies["django_language"] = "en"

    response = client.get("/")

    assert '<html lang="en"' in response.content.decode()


def test_home_page_shows_news_events_and_only_services_that_exist(
    client, make_news, make_event
):
    # given
    make_news("Відкрили новий сквер")
    make_event("Фестиваль ремесел")

    # when
    body = client.get("/").content.decode()

    # then
    assert ("Відкрили новий сквер" in body, "Фестиваль ремесел" in body) == (True, True)
    assert 'href="/appeals/"' in body
    assert 'href="/services/"' in body
    assert 'href="/petitions/"' not in body


def test_every_page_has_one_json_ld_block_and_open_graph(client, make_news):
    # given
    news = make_news("Відкрили новий сквер")

    for path in ["/", news.url, "/bodies/", "/accessibility/", "/podii/", "/novyny/"]:
        # when
        body = client.get(path).content.decode()

        # then
        blocks = _json_ld(body)
        assert len(blocks) == 1, path
        assert blocks[0]["@context"] == "https://schema.org"
        for prop in ("og:title", "og:type", "og:image", "og:url"):
            assert _meta(body, prop).startswith("http") or prop in (
                "og:title",
                "og:type",
            ), (path, prop)
            assert _meta(body, prop), (path, prop)
        assert '<link rel="canonical" href="http' in body


def test_news_page_describes_a_news_article(client, make_news):
    news = make_news("Відкрили новий сквер", days_ago=2)

    body = client.get(news.url).content.decode()

    graph = _json_ld(body)[0]["@graph"]
    article = graph[0]
    assert (article["@type"], article["headline"]) == (
        "NewsArticle",
        "Відкрили новий сквер",
    )
    assert re.search(r"[+-]\d\d:\d\d$", article["datePublished"])
    assert graph[1]["@type"] == "BreadcrumbList"
    assert _meta(body, "og:type") == "article"


def test_news_index_filters_by_category_and_advertises_feeds(
    client, make_news, category
):
    # given
    make_news("Новий сквер", categories=[category])
    make_news("Новий автобус")

    # when
    body = client.get("/novyny/?category=blahoustrii").content.decode()

    # then
    assert ("Новий сквер" in body, "Новий автобус" in body) == (True, False)
    assert 'type="application/atom+xml"' in body
    assert 'href="/feeds/news/blahoustrii.atom"' in body


def test_news_index_is_paginated(client, make_news):
    for number in range(12):
        make_news(f"Новина номер {number}", days_ago=number + 1)

    first = client.get("/novyny/").content.decode()
    second = client.get("/novyny/?page=2").content.decode()

    assert ("Новина номер 0" in first, "Новина номер 11" in first) == (True, False)
    assert "Новина номер 11" in second


def test_events_calendar_month_and_list_views(client, make_event):
    # given
    event = make_event("Фестиваль ремесел", starts_in=timedelta(hours=1))
    month = timezone.localtime(event.starts_at).strftime("%Y-%m")

    # when
    month_view = client.get(f"/podii/?month={month}").content.decode()
    list_view = client.get("/podii/?view=list").content.decode()

    # then
    assert "Фестиваль ремесел" in month_view
    assert '<table class="govuk-table hromada-month">' in month_view
    assert "Фестиваль ремесел" in list_view
    assert 'href="webcal://' in month_view


def test_event_page_describes_an_event_with_offsets(client, make_event):
    event = make_event("Фестиваль ремесел")

    body = client.get(event.url).content.decode()

    entity = _json_ld(body)[0]["@graph"][0]
    assert entity["@type"] == "Event"
    assert re.search(r"\+0[23]:00$", entity["startDate"])
    assert entity["eventStatus"] == "https://schema.org/EventScheduled"
    assert f'href="/events/{event.slug}.ics"' in body


def test_bodies_page_lists_units_and_enterprises_with_contacts(client):
    OrgUnitFactory.create(name="Відділ освіти", phone="(04598) 2-11-00")
    OrgUnitFactory.create(name="КП «Міськводоканал»", kind=OrgUnitKind.ENTERPRISE)
    OrgUnitFactory.create(name="Закритий відділ", is_active=False)

    response = client.get("/bodies/")

    body = response.content.decode()
    assert "Відділ освіти" in body
    assert "(04598) 2-11-00" in body
    assert "КП «Міськводоканал»" in body
    assert "Закритий відділ" not in body


def test_body_page_shows_contacts_and_head_from_the_org_tree(client):
    # given
    from hromada.org.tests.factories import EmployeeFactory

    unit = OrgUnitFactory.create(
        name="Відділ освіти",
        phone="(04598) 2-11-00",
        reception_hours="Вівторок: 10:00–13:00",
    )
    EmployeeFactory.create(
        position__org_unit=unit,
        position__is_head=True,
        user__last_name="Коваль",
        user__first_name="Ірина",
    )
    page = services.page_create(
        parent=BodiesIndexPage.objects.get(),
        page=BodyPage(title="Відділ освіти", org_unit=unit),
        actor=None,
    )

    # when
    body = client.get(page.url).content.decode()

    # then
    assert ("(04598) 2-11-00" in body, "Коваль" in body) == (True, True)
    assert "Прийом громадян" in body
    assert "Вівторок: 10:00–13:00" in body
    assert page.url == "/bodies/viddil-osvity/"


@pytest.mark.parametrize("units", [2, 6])
def test_bodies_page_queries_do_not_grow_with_units(
    client, django_assert_num_queries, units
):
    OrgUnitFactory.create_batch(units)
    client.get("/bodies/")

    with django_assert_num_queries(10):
        response = client.get("/bodies/")

    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 4])
def test_home_page_queries_do_not_grow_with_news(
    client, make_news, make_event, django_assert_num_queries, rows
):
    for number in range(rows):
        make_news(f"Новина {number}")
        make_event(f"Подія {number}")
    client.get("/")

    with django_assert_num_queries(11):
        response = client.get("/")

    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 5])
def test_news_index_queries_do_not_grow_with_news(
    client, make_news, category, django_assert_num_queries, rows
):
    for number in range(rows):
        make_news(f"Новина {number}", categories=[category])
    client.get("/novyny/")

    with django_assert_num_queries(12):
        response = client.get("/novyny/")

    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 5])
def test_events_calendar_queries_do_not_grow_with_events(
    client, make_event, django_assert_num_queries, rows
):
    for number in range(rows):
        make_event(f"Подія {number}", starts_in=timedelta(minutes=10 + number))
    client.get("/podii/")

    with django_assert_num_queries(9):
        response = client.get("/podii/")

    assert response.status_code == 200


def test_accessibility_statement_is_public(client):
    response = client.get("/accessibility/")

    assert response.status_code == 200
    assert "ДСТУ EN 301 549:2022" in response.content.decode()


def test_an_unpublished_page_is_not_found(client, make_news):
    news = make_news("Чернетка")
    url = news.url
    news.unpublish()

    assert client.get(url).status_code == 404


def test_the_portals_words_keep_their_own_ukrainian(client, make_news, category):
    # given: other rooms translate the same English words otherwise
    make_news("Новий сквер", categories=[category])

    # when
    search = client.get("/search/").content.decode()
    news = client.get("/novyny/").content.decode()

    # then
    assert re.search(r"<title>\s*Пошук", search)
    assert re.search(r'href="/search/"[^>]*>\s*(<strong[^>]*>)?Пошук', search)
    assert "Рубрика" in news
    assert "Усі рубрики" in news
