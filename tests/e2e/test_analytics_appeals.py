"""The statistics of appeals in the browser: the public page with its
charts and heat map, the staff's analytics and the КМУ №858 report.

Tiles of the map come from outside and the browser may not fetch them
here: the page must work, and pass axe, with a grey map.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import Page, expect

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.analytics import services
from hromada.analytics.tests.history import answered, city_build, due, filed, rated

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def history():
    """Four public appeals in one square of the centre, two answered and
    rated, one overdue; a confidential appeal in the north."""
    cache.clear()
    city = city_build()
    day = TODAY - timedelta(days=2)
    appeals = [filed(city, on=day, district=city.centre) for _n in range(4)]
    for appeal, rating in zip(appeals[:2], (5, 4), strict=True):
        answered(city, appeal, on=day + timedelta(days=1))
        rated(city, appeal, rating=rating)
    due(appeals[2], day)
    filed(city, on=day, category=city.roads, is_public=False, district=city.north)
    services.appeal_stats_refresh(today=TODAY)
    return city


def test_a_visitor_reads_the_statistics_with_charts_and_the_heat_map(
    page: Page, live_server, axe_violations, history
):
    # given
    page.goto(live_server.url + "/appeals/stats/")

    # then: the figures of public appeals, charts drawn above their tables
    figures = page.locator(".hromada-figures")
    expect(figures).to_contain_text("Звернення")
    expect(figures.locator("dd").first).to_have_text("4")
    expect(figures).to_contain_text("4,5")
    charts = page.locator('[data-module="hromada-stats-chart"] canvas')
    expect(charts).to_have_count(2)
    expect(charts.first).to_have_attribute("role", "img")
    expect(page.locator("#stats-by-period")).to_be_visible()
    heat = page.locator(".hromada-heat-map__map")
    expect(heat).to_be_visible()
    expect(heat.locator("path.hromada-heat")).to_have_count(1)
    expect(
        page.get_by_role("region", name="Теплова мапа публічних звернень")
    ).to_be_visible()
    assert axe_violations() == []

    # when: a quarter is chosen, then a category, with the form
    page.get_by_role("link", name="Останні 12 місяців").click()
    page.get_by_role("combobox", name="Категорія").select_option(label="Дороги")
    with page.expect_navigation():
        page.get_by_role("button", name="Показати").click()

    # then: the confidential appeal on the roads is not counted
    expect(page.locator("main")).to_contain_text(
        "Жодного звернення за цей період із такими умовами не зареєстровано."
    )
    assert axe_violations() == []


def test_the_leadership_reads_the_analytics_and_downloads_the_report(
    page: Page, live_server, sign_in, axe_violations, history
):
    # given
    sign_in(UserFactory(roles=[Role.MAYOR]))

    # when: the menu leads to the analytics
    page.goto(live_server.url + "/cabinet/")
    page.get_by_role("link", name="Аналітика").first.click()

    # then: confidential appeals count, and the load of each unit now
    expect(page.get_by_role("heading", level=1)).to_have_text("Аналітика звернень")
    expect(page.locator(".hromada-figures dd").first).to_have_text("5")
    expect(page.locator("main")).to_contain_text("На розгляді зараз, за підрозділами")
    expect(page.locator('[data-module="hromada-stats-chart"] canvas')).to_have_count(2)
    assert axe_violations() == []

    # when: the quarter's report is asked for
    year, quarter = TODAY.year, (TODAY.month - 1) // 3 + 1
    page.get_by_role("combobox", name="Рік").select_option(str(year))
    page.get_by_role("combobox", name="Квартал").select_option(str(quarter))
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Завантажити звіт (XLSX)").click()

    # then
    download = download_info.value
    assert download.suggested_filename == f"appeals-858-{year}-q{quarter}.xlsx"
