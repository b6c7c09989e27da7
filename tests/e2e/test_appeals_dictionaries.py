"""An administrator keeps the category tree and the routing rules with the
keyboard: a category with a list question, a rule for it, then the routing
tried out; axe-core finds nothing on any page."""

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import Category, RoutingRule, TermRule, TopicCode
from hromada.appeals.tests.factories import (
    CategoryFactory,
    OrgUnitFactory,
    RoutingRuleFactory,
)
from hromada.org.models import OrgUnitKind

pytestmark = pytest.mark.django_db(transaction=True)

CATEGORIES = "/cabinet/appeals/settings/categories/"
# «Категорія», or «Категорія (необов’язково)» where a rule may name none.
CATEGORY = re.compile(r"^\s*Категорія")


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def city():
    # A transactional test empties the tables the migrations filled.
    TopicCode.objects.get_or_create(
        code="07",
        valid_from=date(2008, 9, 24),
        defaults={"name": "Комунальне господарство"},
    )
    group = CategoryFactory(name="Благоустрій", code="improvement")
    general = OrgUnitFactory(kind=OrgUnitKind.DEPARTMENT, name="Відділ благоустрою")
    RoutingRuleFactory(name="Благоустрій загалом", category=group, unit=general)
    lights = OrgUnitFactory(kind=OrgUnitKind.ENTERPRISE, name="КП «Міськсвітло»")
    return group, lights


def type_into(page: Page, label: str, text: str, *, exact: bool = False) -> None:
    page.get_by_label(label, exact=exact).focus()
    page.keyboard.type(text)


def press(page: Page, name: str) -> None:
    """Reach a button (or a link that looks like one) and press Enter."""
    page.get_by_role("button", name=name).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_an_administrator_adds_a_category_a_question_and_a_rule(
    page: Page, live_server, sign_in, axe_violations, city
):
    group, lights = city
    sign_in(UserFactory(roles=[Role.SYSTEM_ADMINISTRATOR]))
    page.goto(live_server.url + CATEGORIES)
    expect(page.get_by_role("heading", level=1)).to_have_text("Категорії звернень")
    assert axe_violations() == []

    # A category under the group, from the keyboard.
    press(page, "Додати категорію")
    assert axe_violations() == []
    page.get_by_label("Вища категорія").select_option(label="Благоустрій")
    type_into(page, "Код категорії", "street_lighting")
    type_into(page, "Назва категорії", "Вуличне освітлення")
    page.get_by_label("Тематика за класифікатором 858").select_option(
        label="07 — Комунальне господарство"
    )
    page.get_by_label("15 днів: не потребує додаткового вивчення").focus()
    page.keyboard.press("Space")
    press(page, "Зберегти категорію")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Категорія «Вуличне освітлення»"
    )
    expect(page.get_by_text("Категорію додано.")).to_be_visible()
    assert axe_violations() == []
    category = Category.objects.get(code="street_lighting")
    assert (category.parent, category.term_rule) == (group, TermRule.NO_STUDY)

    # A list question: a line that does not read is named, then fixed.
    press(page, "Додати питання")
    type_into(page, "Код питання", "lamp")
    type_into(page, "Питання", "Яка лампа в ліхтарі?", exact=True)
    page.get_by_label("Одне зі списку").focus()
    page.keyboard.press("Space")
    type_into(page, "Варіанти списку", "led — Світлодіодна\nНатрієва")
    press(page, "Зберегти питання")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Рядок 2: напишіть ключ, тире й назву")
    assert axe_violations() == []
    page.get_by_label("Варіанти списку").fill("led — Світлодіодна\nsodium — Натрієва")
    press(page, "Зберегти питання")
    expect(page.get_by_text("Питання додано.")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Яка лампа в ліхтарі?")).to_be_visible()
    assert axe_violations() == []
    assert category.questions.get().choices == [
        {"key": "led", "name": "Світлодіодна"},
        {"key": "sodium", "name": "Натрієва"},
    ]

    # A routing rule for the new category, words in any form.
    page.get_by_role("link", name="Усі категорії").click()
    expect(page.get_by_role("rowheader", name="Вуличне освітлення")).to_be_visible()
    page.get_by_role("link", name="Правила маршрутизації").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Правила маршрутизації")
    assert axe_violations() == []
    press(page, "Додати правило")
    type_into(page, "Назва правила", "Ліхтарі — КП")
    page.get_by_label(CATEGORY).select_option(label="Благоустрій › Вуличне освітлення")
    type_into(page, "Ключові слова", "ліхтар")
    page.get_by_label("Відповідальний підрозділ").select_option(label=lights.name)
    press(page, "Зберегти правило")
    expect(page.get_by_text("Правило маршрутизації збережено.")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Ліхтарі — КП")).to_be_visible()
    assert axe_violations() == []
    rule = RoutingRule.objects.get(name="Ліхтарі — КП")
    assert (rule.category, rule.unit, rule.keywords) == (category, lights, "ліхтар")

    # The routing, tried out.
    page.get_by_role("link", name="Перевірити маршрутизацію").click()
    assert axe_violations() == []
    page.get_by_label(CATEGORY).select_option(label="Благоустрій › Вуличне освітлення")
    type_into(page, "Текст звернення", "Біля школи не світять ліхтарі")
    press(page, "Перевірити")
    expect(page.locator(".govuk-inset-text")).to_contain_text(
        "Правило «Ліхтарі — КП» спрямовує звернення до: КП «Міськсвітло»."
    )
    expect(page.get_by_role("rowheader", name="Благоустрій загалом")).to_be_visible()
    assert axe_violations() == []
