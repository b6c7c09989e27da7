"""The open-data catalogue in the browser: search, a dataset's passport
and a download, with axe before and after each step."""

import pytest
from playwright.sync_api import Page, expect

from hromada.core import datasets as core_datasets
from hromada.opendata.tests.factories import dataset_make
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue(monkeypatch):
    monkeypatch.setattr(core_datasets, "_producers", {})
    finance = OrgUnitFactory.create(name="Фінансове управління")
    dataset_make(
        "byudzhet", title="Бюджет громади", publisher=finance, keywords=("бюджет",)
    )
    dataset_make("shkoly", title="Перелік шкіл", keywords=("освіта",), spatial=True)


def test_a_visitor_finds_a_dataset_reads_its_passport_and_downloads_it(
    page: Page, live_server, axe_violations, catalogue
):
    # given
    page.goto(live_server.url + "/opendata/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Відкриті дані")
    expect(page.get_by_role("link", name="Відкриті дані").first).to_be_visible()
    assert axe_violations() == []

    # when: the visitor filters by keyword without any script
    page.get_by_label("Ключове слово").select_option("освіта")
    page.get_by_role("button", name="Шукати").click()

    # then
    expect(page.get_by_role("heading", name="1 набір даних")).to_be_visible()
    expect(page.get_by_role("link", name="Бюджет громади")).to_have_count(0)
    assert axe_violations() == []

    # when: the dataset's page
    page.get_by_role("link", name="Перелік шкіл").click()

    # then
    expect(page.get_by_role("heading", level=1)).to_contain_text("Перелік шкіл")
    expect(page.locator("main")).to_contain_text("Паспорт набору даних")
    expect(page.locator("main")).to_contain_text("Коваль Оксана Петрівна")
    expect(page.locator("main")).to_contain_text("Структура набору даних")
    assert axe_violations() == []

    # when: the GeoJSON file is downloaded
    with page.expect_download() as download:
        page.get_by_role("link", name="Дані (GeoJSON)").click()

    # then
    assert download.value.suggested_filename == "shkoly.geojson"
