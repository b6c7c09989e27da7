"""A newcomer's journeys: the portal, signing in, the citizen and staff cabinets."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from hromada.accounts.models import CitizenProfile
from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.notifications.tests.factories import CapturedMailFactory
from hromada.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


def test_public_pages_are_accessible_in_ukrainian(page, live_server, axe_violations):
    for path, heading in [
        ("/", "Вишнева міська рада"),
        ("/bodies/", "Виконавчі органи та комунальні підприємства"),
        ("/accessibility/", "Заява про доступність"),
        ("/accounts/login/", "Увійти"),
        ("/accounts/signup/", "Зареєструватися"),
        ("/accounts/password/reset/", "Відновлення пароля"),
        ("/no-such-page/", "Сторінку не знайдено"),
    ]:
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        assert page.locator("html").get_attribute("lang") == "uk"
        assert axe_violations() == [], path


def test_language_switch_shows_the_english_version(page, live_server, axe_violations):
    page.goto(live_server.url + "/")

    page.get_by_role("button", name="English").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Vyshneve City Council"
    )
    assert axe_violations() == []


def test_citizen_signs_in_with_the_keyboard_and_fixes_a_bad_phone(
    page, live_server, axe_violations
):
    # given
    citizen = UserFactory.create(email="yaryna@test.example", roles=[Role.CITIZEN])
    page.goto(live_server.url + "/accounts/login/")

    # when: the form is filled and sent with the keyboard only
    page.get_by_label("Електронна пошта").fill("yaryna@test.example")
    page.get_by_label("Пароль").fill("test-password-1")
    page.keyboard.press("Enter")

    # then
    expect(page.get_by_role("heading", level=1)).to_contain_text("Мій кабінет")
    assert axe_violations() == []

    # when: a wrong phone number is submitted
    page.get_by_role("link", name="Змінити профіль").click()
    page.get_by_label("Прізвище").fill("Гнатюк")
    page.get_by_label("Ім’я").fill("Ярина")
    page.get_by_label("Телефон").fill("12345")
    page.get_by_role("button", name="Зберегти").click()

    # then: an error summary names the field, and nothing was saved
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Введіть український номер телефону")
    assert axe_violations() == []
    assert CitizenProfile.objects.filter(user=citizen).exists() is False

    # when: corrected
    page.get_by_label("Телефон").fill("067 123 45 67")
    page.get_by_role("button", name="Зберегти").click()

    # then
    expect(page.get_by_role("alert")).to_contain_text("Ваш профіль збережено.")
    assert CitizenProfile.objects.get(user=citizen).phone == "+380671234567"


def test_staff_finds_a_colleague_in_the_directory(
    page, live_server, sign_in, axe_violations
):
    # given
    clerk = EmployeeFactory.create(user__roles=[Role.EXECUTOR])
    EmployeeFactory.create(
        user__last_name="Ярошенко",
        user__first_name="Леся",
        work_phone="(04598) 2-33-44",
    )
    EmployeeFactory.create(user__last_name="Бойко")
    sign_in(clerk.user)

    # when
    page.goto(live_server.url + "/cabinet/")
    assert axe_violations() == []
    page.get_by_role("link", name="Телефонний довідник").first.click()
    page.get_by_label("Ім’я, посада або підрозділ").fill("ярош")
    page.get_by_role("button", name="Шукати").click()

    # then
    results = page.locator("#directory-results")
    expect(results).to_contain_text("Ярошенко")
    expect(results).not_to_contain_text("Бойко")
    expect(results).to_contain_text("(04598) 2-33-44")
    assert axe_violations() == []


def test_staff_reads_captured_mail_in_demo_mode(
    page, live_server, sign_in, axe_violations
):
    # given
    CapturedMailFactory.create(subject="Підтвердьте адресу електронної пошти")
    sign_in(UserFactory.create(roles=[Role.EXECUTOR]))

    # when
    page.goto(live_server.url + "/cabinet/")
    page.get_by_role("link", name="Надіслані листи (демо)").first.click()

    # then
    assert axe_violations() == []
    page.get_by_role("link", name="Підтвердьте адресу електронної пошти").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Підтвердьте адресу електронної пошти"
    )
    assert axe_violations() == []


def test_staff_must_activate_totp_before_the_cabinet_outside_demo_mode(
    page, live_server, axe_violations, settings
):
    # given: production-like rules, a registrar without an authenticator
    settings.HROMADA_DEMO = False
    UserFactory.create(email="clerk@test.example", roles=[Role.REGISTRAR])
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Електронна пошта").fill("clerk@test.example")
    page.get_by_label("Пароль").fill("test-password-1")
    page.get_by_role("button", name="Увійти").click()
    expect(page).to_have_url(live_server.url + "/my/")

    # when: the registrar opens the cabinet
    page.goto(live_server.url + "/cabinet/")

    # then: sent to set up an authenticator app, after confirming the password
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "двофакторну автентифікацію"
    )
    assert "/accounts/reauthenticate/" in page.url
    assert axe_violations() == []
    page.get_by_label("Пароль").fill("test-password-1")
    page.get_by_label("Пароль").press("Enter")
    expect(page).to_have_url(live_server.url + "/accounts/2fa/totp/activate/")
    assert axe_violations() == []

    # when: the code of the authenticator app is entered
    secret = page.locator("#authenticator_secret").input_value()
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    page.get_by_label("Код автентифікатора").fill(code)
    page.get_by_role("button", name="Увімкнути").click()
    page.goto(live_server.url + "/cabinet/")

    # then: the cabinet opens
    expect(page.get_by_role("heading", level=1)).to_contain_text("Робочий кабінет")
    assert axe_violations() == []
