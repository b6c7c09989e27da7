"""The registry of legal acts in the browser: a visitor finds a decision by
an inflected word, opens it, follows it to the act it amends and downloads
that act's scan; a keeper registers an act and imports a table, and
attaches a regulatory act's impact analysis, which a visitor then
downloads. Every page passes axe."""

import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hromada.registry.models import RelationKind
from hromada.registry.services import acts as act_services
from hromada.registry.services import changes as change_services
from hromada.registry.tests.factories import (
    act_data,
    act_register,
    council,
    keeper,
    regulatory_act,
)
from hromada.registry.tests.pdfs import PDF

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def amended():
    """A programme for lifts with its scan, amended by a later decision."""
    programme = act_services.act_register(
        actor=None,
        data=act_data(
            number="120-VIII",
            adopted_on=date(2024, 4, 2),
            title="Про Програму капітального ремонту ліфтів",
            text="Провести капітальний ремонт ліфтів у багатоквартирних будинках.",
        ),
        scan=PDF,
        scan_name="programme.pdf",
    )
    amending = act_register(
        number="245-VIII",
        adopted_on=date(2025, 9, 1),
        title="Про внесення змін до Програми ремонту ліфтів",
        text="Внести зміни до Програми капітального ремонту ліфтів.",
    )
    change_services.act_relate(
        actor=None,
        source=amending,
        target=programme,
        kind=RelationKind.AMENDS,
        text="Провести капітальний ремонт ліфтів і підйомників.",
    )
    return programme, amending


def test_a_visitor_finds_a_decision_follows_it_and_downloads_the_scan(
    page: Page, live_server, axe_violations, amended
):
    programme, amending = amended
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Нормативні документи").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Реєстр нормативних документів"
    )
    assert axe_violations() == []
    page.get_by_label("Слова").fill("змінами ліфтами")
    page.get_by_role("button", name="Шукати").click()
    expect(page.get_by_role("heading", name="Знайдено 1 акт")).to_be_visible()
    assert axe_violations() == []
    page.get_by_role("link", name=amending.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(amending.title)
    assert axe_violations() == []
    page.get_by_role("link", name=str(programme)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(programme.title)
    expect(page.locator(".hromada-act-text")).to_contain_text("і підйомників")
    with page.expect_download() as download:
        page.get_by_role("link", name="Завантажити PDF").click()
    assert download.value.suggested_filename == f"{programme.slug}.pdf"
    assert axe_violations() == []


def test_the_text_in_force_on_an_earlier_day_and_the_facets(
    page: Page, live_server, axe_violations, amended
):
    programme, _amending = amended
    page.goto(live_server.url + programme.get_absolute_url())
    page.get_by_label("День").fill("1")
    page.get_by_label("Місяць").fill("5")
    page.get_by_label("Рік").fill("2025")
    page.get_by_role("button", name="Показати").click()
    expect(
        page.get_by_role("heading", name="Текст, чинний на 01.05.2025")
    ).to_be_visible()
    expect(page.locator(".hromada-act-text")).not_to_contain_text("підйомників")
    page.goto(live_server.url + "/acts/?q=ліфт")
    page.get_by_role("link", name="2025 (1)").click()
    expect(page.get_by_role("heading", name="Знайдено 1 акт")).to_be_visible()
    assert axe_violations() == []


def test_a_keeper_registers_an_act_and_imports_a_table(
    page: Page, live_server, axe_violations, sign_in, tmp_path
):
    sign_in(keeper())
    unit = council()
    page.goto(live_server.url + "/cabinet/acts/")
    assert axe_violations() == []
    page.get_by_role("button", name="Зареєструвати акт").click()
    assert axe_violations() == []
    page.get_by_label("Вид", exact=True).select_option("council_decision")
    page.get_by_label("Номер", exact=True).fill("1-VIII")
    page.locator("[name=adopted_on_day]").fill("14")
    page.locator("[name=adopted_on_month]").fill("3")
    page.locator("[name=adopted_on_year]").fill("2025")
    page.get_by_label("Орган, що видав").select_option(str(unit.pk))
    page.get_by_label("Назва", exact=True).fill("Про бюджет громади на 2025 рік")
    page.get_by_role("button", name="Зареєструвати акт").click()
    expect(page.get_by_text("Акт зареєстровано.")).to_be_visible()
    assert axe_violations() == []
    table = tmp_path / "acts.csv"
    table.write_text(
        f"вид;номер;дата;орган;назва\nрішення ради;2-VIII;32.03.2025;{unit.name};Про помилку\n",
        encoding="utf-8",
    )
    page.goto(live_server.url + "/cabinet/acts/imports/new/")
    page.get_by_label("Таблиця актів (CSV або XLSX)").set_input_files(str(table))
    page.get_by_role("button", name="Почати імпорт").click()
    expect(page.get_by_role("heading", name="Імпорт актів")).to_be_visible()
    assert axe_violations() == []


def test_a_keeper_attaches_an_impact_analysis_and_a_visitor_downloads_it(
    page: Page, live_server, axe_violations, sign_in, tmp_path
):
    # given: a regulatory decision in force since 01.03.2025, no reports yet
    act = regulatory_act(number="77-VIII")
    pdf = tmp_path / "arv.pdf"
    pdf.write_bytes(PDF)
    sign_in(keeper())
    page.goto(live_server.url + f"/cabinet/acts/{act.slug}/")
    assert axe_violations() == []

    # when: the keeper attaches the analysis
    page.get_by_role("link", name="Додати регуляторний документ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Додати регуляторний документ"
    )
    assert axe_violations() == []
    page.get_by_label("Аналіз регуляторного впливу", exact=True).check()
    page.get_by_label("Назва", exact=True).fill("АРВ проєкту Правил реклами")
    page.locator("[name=prepared_on_day]").fill("10")
    page.locator("[name=prepared_on_month]").fill("1")
    page.locator("[name=prepared_on_year]").fill("2025")
    page.get_by_label("Документ (PDF)").set_input_files(str(pdf))
    page.get_by_role("button", name="Додати документ").click()

    # then: the act's page lists it, and a visitor reads and downloads it
    expect(page.get_by_text("Документ додано до акта.")).to_be_visible()
    expect(page.locator("section[aria-labelledby=regulatory-title]")).to_contain_text(
        "АРВ проєкту Правил реклами"
    )
    assert axe_violations() == []
    page.context.clear_cookies()
    page.goto(live_server.url + act.get_absolute_url())
    expect(page.get_by_role("heading", name="Регуляторні документи")).to_be_visible()
    expect(page.get_by_text("АРВ проєкту Правил реклами")).to_be_visible()
    expect(page.locator(".govuk-warning-text")).to_contain_text(
        "Базове відстеження результативності: прострочено з 01.03.2025."
    )
    assert axe_violations() == []
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^Завантажити PDF.*Аналіз")).click()
    assert download.value.suggested_filename == f"{act.slug}-arv-2025-01-10.pdf"
    assert Path(download.value.path()).read_bytes() == PDF


MAX_BYTES = 500 * 1024
MAX_SCRIPT_BYTES = 150 * 1024
PHONE = {"width": 375, "height": 812}


def _paths(amended) -> list[str]:
    programme, _amending = amended
    return ["/acts/", "/acts/?q=ліфтів", programme.get_absolute_url()]


def test_registry_pages_are_light(transferred, amended):
    for path in _paths(amended):
        total, scripts = transferred(path)
        assert total < MAX_BYTES, (path, total)
        assert scripts < MAX_SCRIPT_BYTES, (path, scripts)


@pytest.mark.browser_context_args(viewport=PHONE, is_mobile=True, has_touch=True)
def test_registry_pages_fit_a_phone(page: Page, live_server, axe_violations, amended):
    for path in _paths(amended):
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
        assert axe_violations() == [], path


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_the_search_works_without_javascript(page: Page, live_server, amended):
    programme, _amending = amended
    page.goto(live_server.url + "/acts/")
    page.get_by_text("Більше умов").click()
    page.get_by_label("Лише регуляторні акти").check()
    page.get_by_label("Слова").fill("ліфтів")
    page.get_by_role("button", name="Шукати").click()
    expect(page.get_by_role("heading", name="Знайдено 0 актів")).to_be_visible()
    page.get_by_role("link", name="Очистити пошук").click()
    page.get_by_label("Номер").fill("120–viii")
    page.get_by_role("button", name="Шукати").click()
    expect(page.get_by_role("link", name=programme.title)).to_be_visible()
