"""The catalogue keepers' cabinet in the browser: a keeper opens the list
and a dataset, edits its description and publishes it with the keyboard;
axe passes on every page."""

import pytest
from playwright.sync_api import Page, expect

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core import datasets as core_datasets
from hromada.opendata.models import Dataset
from hromada.opendata.tests.factories import dataset_make
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def catalogue(monkeypatch):
    monkeypatch.setattr(core_datasets, "_producers", {})
    finance = OrgUnitFactory.create(name="Фінансове управління")
    dataset_make("byudzhet", title="Бюджет громади", publisher=finance)
    return dataset_make("chernetka", title="Чернетка", published=False)


def test_a_keeper_edits_a_passport_and_publishes_the_dataset(
    page: Page, live_server, axe_violations, sign_in, catalogue
):
    # given
    sign_in(UserFactory.create(roles=[Role.ANALYST]))
    page.goto(live_server.url + "/cabinet/")
    page.get_by_role("link", name="Відкриті дані").first.click()

    # then: the list shows every dataset, the draft too
    expect(page.get_by_role("heading", level=1)).to_have_text("Відкриті дані")
    expect(page.get_by_role("row", name="Чернетка")).to_contain_text("Не оприлюднено")
    expect(page.get_by_role("row", name="Бюджет громади")).to_contain_text(
        "Фінансове управління"
    )
    assert axe_violations() == []

    # when: the keeper opens the draft
    page.get_by_role("link", name="Чернетка").click()

    # then
    expect(page.get_by_role("heading", level=1)).to_have_text("Чернетка")
    expect(page.get_by_role("table", name="Файли")).to_contain_text("XLSX")
    assert axe_violations() == []

    # when: the description is typed and the form sent from the keyboard
    description = page.get_by_label("Стислий опис", exact=True)
    description.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Перелік закладів, оновлений вручну")
    page.get_by_label("Ключові слова").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Зберегти паспорт")).to_be_focused()
    page.keyboard.press("Enter")

    # then
    expect(page.get_by_text("Паспорт збережено.")).to_be_visible()
    expect(description).to_have_value("Перелік закладів, оновлений вручну")
    assert axe_violations() == []

    # when: the keeper publishes it, again from the keyboard
    page.get_by_role("button", name="Оприлюднити").focus()
    page.keyboard.press("Enter")

    # then
    expect(page.get_by_text("Набір даних оприлюднено.")).to_be_visible()
    expect(page.get_by_role("button", name="Зняти з оприлюднення")).to_be_visible()
    expect(page.get_by_role("link", name="Дані (CSV)")).to_be_visible()
    assert axe_violations() == []
    draft = Dataset.objects.get(name="chernetka")
    assert (draft.description, draft.is_published) == (
        "Перелік закладів, оновлений вручну",
        True,
    )
