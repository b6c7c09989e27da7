"""The search page's rows and facet links, as the templates show them."""

from datetime import date

import pytest
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test import Client

from hromada.registry.models import ActStatus, LegalAct
from hromada.registry.selectors.search import ActCriteria, act_search
from hromada.registry.tests.factories import act_register
from hromada.registry.views.results import facet_groups, result_rows
from hromada.ui.templatetags.ui import query_transform

pytestmark = pytest.mark.django_db


@pytest.fixture
def repairs():
    return [
        act_register(
            title=f"Про ремонт покрівлі будинку №{number}",
            text="Провести ремонт покрівлі.",
            number=f"{number}-р",
            adopted_on=date(2024 + number % 2, 4, 2),
        )
        for number in range(1, 4)
    ]


def test_a_row_shows_the_act_as_its_card_does(client: Client, repairs):
    act = repairs[0]
    body = client.get("/acts/", {"q": "ремонтом"}).content.decode()
    assert f'<a class="govuk-link" href="/acts/{act.slug}/">{act.title}</a>' in body
    assert f"Рішення міської ради № 1-р від 02.04.2025 · {act.issuer.name}" in body
    assert '<strong class="govuk-tag govuk-tag--green">Чинний</strong>' in body
    assert "<mark>ремонт</mark>" in body


@pytest.mark.parametrize(
    ("status", "colour"),
    [
        (ActStatus.DRAFT, "yellow"),
        (ActStatus.ADOPTED, "blue"),
        (ActStatus.IN_FORCE, "green"),
        (ActStatus.AMENDED, "turquoise"),
        (ActStatus.SUSPENDED, "orange"),
        (ActStatus.REPEALED, "grey"),
    ],
)
def test_a_rows_status_tag_is_the_acts_status_tag(repairs, status, colour):
    act = repairs[0]
    LegalAct.objects.filter(pk=act.pk).update(status=status)
    hits = act_search(user=None, criteria=ActCriteria(words="покрівля")).hits
    row = next(row for row in result_rows(hits) if row["url"].endswith(f"/{act.slug}/"))
    shown = next(hit.act for hit in hits if hit.act.pk == act.pk)
    tag = render_to_string("registry/_status_tag.html", {"act": shown})
    assert row["colour"] == colour
    assert tag.strip().endswith(
        f'<strong class="govuk-tag govuk-tag--{row["colour"]}">{row["status"]}</strong>'
    )


@pytest.mark.parametrize(
    "asked",
    [
        "q=ремонт",
        "q=ремонт&page=2",
        "q=ремонт&year=2025&page=1",
        "year=2024&q=ремонт&kind=council_decision&number=",
    ],
)
def test_a_facet_link_asks_what_the_query_with_its_choice_asks(repairs, asked):
    query = QueryDict(asked)
    result = act_search(
        user=None,
        criteria=ActCriteria(
            words=query.get("q", ""),
            year=int(query["year"]) if "year" in query else None,
        ),
    )
    groups = facet_groups(result, query)
    assert [group["name"] for group in groups] == ["kind", "issuer", "status", "year"]
    checked = 0
    for group in groups:
        for item, choice in zip(
            group["items"], result.facets[group["name"]], strict=True
        ):
            value = None if choice.is_selected else choice.value
            expected = query_transform(query, group["name"], value, page=None)
            assert item["href"].startswith("?")
            assert QueryDict(item["href"][1:]) == QueryDict(expected)
            checked += 1
    assert checked >= 4


def test_the_page_takes_the_same_queries_however_many_acts_it_shows(
    client: Client, repairs, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12) as few:
        client.get("/acts/", {"q": "покрівля", "fresh": "1"})
    for number in range(4, 20):
        act_register(title=f"Про ремонт покрівлі №{number}", number=f"{number}-р")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/acts/", {"q": "покрівля", "fresh": "2"})
