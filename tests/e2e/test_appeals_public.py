"""The public appeals: the list with its filters, and the map's clusters."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from hromada.appeals.tests.factories import (
    CITY_LAT,
    CITY_LON,
    CategoryFactory,
    appeal_file,
    appeals_journal,
)

pytestmark = pytest.mark.django_db(transaction=True)

# Whether an element's text box sits in the middle of the element.
CENTRED = """element => {
  const box = element.getBoundingClientRect();
  const text = element.querySelector("span").getBoundingClientRect();
  const dx = box.left + box.width / 2 - (text.left + text.width / 2);
  const dy = box.top + box.height / 2 - (text.top + text.height / 2);
  return Math.abs(dx) < 2 && Math.abs(dy) < 2;
}"""


@pytest.fixture
def appeals():
    appeals_journal()
    lights = CategoryFactory(code="lights", name="Вуличне освітлення")
    roads = CategoryFactory(code="roads", name="Дороги")
    for n in range(3):
        appeal_file(category=lights, title=f"Темно №{n}")
    appeal_file(
        category=roads, title="Яма на дорозі", lon=CITY_LON + 0.01, lat=CITY_LAT
    )


def test_the_map_draws_clusters_and_the_list_filters(
    page: Page, live_server, axe_violations, appeals
):
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "map.json" in r.url else None)
    page.goto(live_server.url + "/appeals/")

    # the map shows a cluster of three and a lone appeal
    expect(page.locator(".hromada-cluster")).to_have_count(2)
    expect(page.locator(".hromada-cluster span")).to_have_text("3")
    assert page.locator(".hromada-cluster:not(.hromada-cluster--one)").evaluate(
        CENTRED
    ), "the count sits in the middle of its circle"
    colours = page.locator(".hromada-cluster").evaluate_all(
        "icons => icons.map(icon => getComputedStyle(icon).backgroundColor)"
    )
    assert len(set(colours)) == 2, "a lone appeal is drawn apart from a cluster"
    # the map asks for whole squares of the server's grid, so that
    # visitors looking at the same part of the city share a cached answer
    query = parse_qs(urlsplit(asked[0]).query)
    cells = 4 * 2 ** int(query["zoom"][0]) / 360
    for edge in query["bbox"][0].split(","):
        assert abs(float(edge) * cells - round(float(edge) * cells)) < 0.01
    expect(page.get_by_role("status")).to_contain_text("4")
    assert axe_violations() == []

    # the filter narrows the list and the map alike
    page.get_by_label("Категорія").select_option(label="Дороги")
    with page.expect_navigation():
        page.get_by_role("button", name="Показати").click()
    expect(page.get_by_role("link", name="Яма на дорозі")).to_be_visible()
    expect(page.get_by_role("link", name="Темно №1")).to_have_count(0)
    expect(page.locator(".hromada-cluster")).to_have_count(1)
    assert axe_violations() == []

    # the lone appeal leads to its page
    with page.expect_navigation():
        page.locator(".hromada-cluster--one").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Яма на дорозі")


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_the_list_and_filters_work(page: Page, live_server, appeals):
    page.goto(live_server.url + "/appeals/?category=lights")

    expect(page.locator(".hromada-appeals-map")).to_be_hidden()
    expect(page.get_by_role("link", name="Темно №2")).to_be_visible()
    expect(page.get_by_role("link", name="Яма на дорозі")).to_have_count(0)
