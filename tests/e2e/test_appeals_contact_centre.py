"""The contact centre in the browser (DOMAIN.md APL-05, APL-16).

An operator takes a call: types the caller's phone, sees the caller's
earlier appeal and their details, writes the new appeal down with the
keyboard, picks the address the registry suggests, sees the similar open
appeals, registers it and reads the number back; then the next call. The
load of the units is checked too; axe runs on every page and after every
part htmx swaps in.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import Appeal, AppealChannel
from hromada.appeals.tests.contact_centre_support import (  # noqa: F401 (fixture)
    city_fixture,
)
from hromada.appeals.tests.factories import appeal_file, applicant_input

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


def test_an_operator_takes_a_call_and_reads_the_number_back(
    page: Page, live_server, sign_in, axe_violations, city
):
    category, lights = city.category, city.lights
    # The caller rang last week about a street light; a neighbour filed a
    # public appeal about the same place.
    earlier = appeal_file(
        category=category,
        channel=AppealChannel.CONTACT_CENTRE,
        applicant=applicant_input(phone="067 123 45 67", email=""),
        title="Не світить ліхтар на розі",
    )
    neighbour = appeal_file(category=category, title="Темно біля школи")
    sign_in(UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR]))

    # A new call: the cursor waits in the phone field.
    page.goto(live_server.url + "/cabinet/appeals/call/")
    assert axe_violations() == []
    expect(page.get_by_label("Телефон заявника")).to_be_focused()
    page.keyboard.type("+38 (067) 123-45-67")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.keyboard.press("Enter")

    # The earlier appeal is there, with who handles it; the name is filled.
    caller = page.locator("#contact-caller")
    expect(caller).to_contain_text(earlier.number)
    expect(caller).to_contain_text("КП «Благоустрій»")
    expect(page.get_by_label("Прізвище", exact=True)).to_have_value("Коваленко")
    expect(page.locator("#contact-status")).to_have_text(
        "1 попереднє звернення з цього номера."
    )
    assert axe_violations() == []

    # This time the caller's husband rings: the operator corrects the name.
    given_name = page.get_by_label("Ім’я", exact=True)
    given_name.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Петро")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("Іванович")

    # The matter: the category, then the address the registry suggests.
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.get_by_label("Категорія").select_option(label="Вуличне освітлення")
    expect(page.locator("#contact-similar")).to_contain_text(earlier.number)
    address = page.get_by_label("Вулиця й номер будинку")
    address.focus()
    page.keyboard.type("садова 14")
    suggestion = page.get_by_role("button", name="вул. Садова, 14 — Центральний")
    expect(suggestion).to_be_visible()
    page.keyboard.press("Tab")
    expect(suggestion).to_be_focused()
    page.keyboard.press("Enter")
    expect(address).to_have_value("вул. Садова, 14")
    expect(page.get_by_label("Широта")).not_to_have_value("")

    # Similar open appeals: the caller's own and the neighbour's nearby.
    find = page.get_by_role("button", name="Знайти схожі звернення")
    find.focus()
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.keyboard.press("Enter")
    similar = page.locator("#contact-similar")
    expect(similar).to_contain_text(neighbour.number)
    expect(similar).to_contain_text(earlier.number)
    assert axe_violations() == []

    # It is another light: the operator writes it down.
    page.get_by_label("Коротко: що сталося?").focus()
    page.keyboard.type("Не світить ліхтар біля під’їзду")
    page.keyboard.press("Tab")
    page.keyboard.type("Третій вечір темно біля під’їзду №2.")
    confidential = page.get_by_label("Конфіденційне: лише заявник і посадові особи")
    confidential.focus()
    page.keyboard.press("Space")
    expect(confidential).to_be_checked()
    register = page.get_by_role("button", name="Зареєструвати звернення")
    register.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The number, in large type, and what to tell the caller.
    appeal = Appeal.objects.exclude(pk__in=[earlier.pk, neighbour.pk]).get()
    assert (appeal.unit, appeal.is_public) == (lights.unit, False)
    assert appeal.applicant.full_name == "Коваленко Петро Іванович"
    assert appeal.applicant.phone == "+380671234567"
    expect(page.locator(".govuk-panel__body strong")).to_have_text(appeal.number)
    expect(page.locator("#contact-say")).to_contain_text(
        f"Його розглядає КП «Благоустрій»; відповідь надамо до "
        f"{appeal.due_on.strftime('%d.%m.%Y')}."
    )
    assert axe_violations() == []

    # The next call starts from an empty form.
    next_call = page.get_by_role("button", name="Наступний дзвінок")
    expect(next_call).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_label("Телефон заявника")).to_have_value("")
    expect(page.get_by_label("Телефон заявника")).to_be_focused()


def test_without_javascript_the_lookup_reloads_the_page(browser, live_server, city):
    # A browser context without scripts: the same flow through plain posts.
    category = city.category
    earlier = appeal_file(
        category=category,
        channel=AppealChannel.CONTACT_CENTRE,
        applicant=applicant_input(phone="067 123 45 67", email=""),
    )
    operator = UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR])
    context = browser.new_context(java_script_enabled=False, locale="uk-UA")
    client = Client()
    client.force_login(operator)
    cookie = settings.SESSION_COOKIE_NAME
    context.add_cookies(
        [
            {
                "name": cookie,
                "value": client.cookies[cookie].value,
                "url": live_server.url,
            }
        ]
    )
    plain = context.new_page()
    plain.goto(live_server.url + "/cabinet/appeals/call/")
    plain.get_by_label("Прізвище", exact=True).fill("Гнатюк")
    plain.get_by_label("Телефон заявника").fill("0671234567")
    with plain.expect_navigation():
        plain.get_by_role("button", name="Знайти заявника").click()

    expect(plain.locator("#contact-caller")).to_contain_text(earlier.number)
    expect(plain.get_by_label("Прізвище", exact=True)).to_have_value("Гнатюк")
    expect(plain.get_by_label("Ім’я", exact=True)).to_have_value("Олена")
    context.close()


def test_the_load_of_the_units(page: Page, live_server, sign_in, axe_violations, city):
    category = city.category
    late = appeal_file(category=category, title="Давно не світить")
    on = timezone.localdate() - timedelta(days=4)
    Appeal.objects.filter(pk=late.pk).update(due_on=on, limit_on=on)
    appeal_file(category=category)
    sign_in(UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR]))

    page.goto(live_server.url + "/cabinet/appeals/load/")
    assert axe_violations() == []
    row = page.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="КП «Благоустрій»")
    )
    # open 2, not assigned 2, in progress 0, overdue 1 (a link), at risk 0
    expect(row.get_by_role("cell")).to_have_text(["2", "2", "0", "1: показати їх", "0"])
    with page.expect_navigation():
        row.get_by_role("link").click()
    expect(
        page.get_by_role(
            "heading",
            level=2,
            name="Прострочені звернення: КП «Благоустрій», спершу найстаріші",
        )
    ).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name=late.number).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(late.number)
