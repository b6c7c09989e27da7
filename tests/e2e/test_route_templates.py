"""A unit head builds a route template without JavaScript-only widgets."""

import pytest
from playwright.sync_api import expect

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.documents.models import RouteTemplate
from hromada.documents.tests.factories_routes import SigningCertificateFactory
from hromada.org.tests.factories import (
    EmployeeFactory,
    OrgUnitFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

TEMPLATES = "/cabinet/documents/routes/templates/"


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


def _employee(unit, *, role, is_head=False, **names):
    user = UserFactory.create(roles=[role], **names)
    position = PositionFactory.create(org_unit=unit, is_head=is_head, role=role)
    EmployeeFactory.create(user=user, position=position)
    return user


def test_a_head_builds_a_template_step_by_step(
    page, live_server, sign_in, axe_violations
):
    # given
    unit = OrgUnitFactory.create(name="Відділ освіти")
    head = _employee(
        unit, role=Role.UNIT_HEAD, is_head=True, first_name="Петро", last_name="Мельник"
    )
    _employee(unit, role=Role.EXECUTOR, first_name="Ігор", last_name="Бондар")
    SigningCertificateFactory.create(user=head)
    sign_in(head)
    page.goto(live_server.url + TEMPLATES)
    expect(page.get_by_role("heading", level=1)).to_have_text("Шаблони маршрутів")
    assert axe_violations() == []

    # when: the template itself
    page.get_by_role("button", name="Створити шаблон").click()
    assert axe_violations() == []
    page.get_by_label("Назва").fill("Лист за підписом начальника")
    page.get_by_label("Вид документа").select_option(label="Вихідний лист")
    page.get_by_label("Підрозділ").select_option(label="Відділ освіти")
    page.get_by_role("button", name="Створити шаблон").click()

    # then
    expect(page.get_by_text("Шаблон створено. Додайте його етапи.")).to_be_visible()
    assert axe_violations() == []

    # when: a visa, then the signature, then the signature moves first
    _step_add(page, "Віза", "Бондар Ігор")
    _step_add(page, "Підпис", "Мельник Петро")
    page.get_by_role("button", name="Перемістити етап 2 вище").click()
    expect(page.get_by_text("Етап переміщено.")).to_be_visible()
    assert axe_violations() == []
    page.get_by_role("button", name="Активувати шаблон").click()

    # then
    expect(page.get_by_text("Шаблон пропонується для нових маршрутів.")).to_be_visible()
    expect(page.get_by_role("heading", level=3)).to_have_text(
        ["Етап 1: Підпис", "Етап 2: Віза"]
    )
    assert axe_violations() == []
    template = RouteTemplate.objects.get()
    assert template.is_active is True
    assert list(template.steps.values_list("order", "kind")) == [
        (1, "sign"),
        (2, "visa"),
    ]

    # when: a step is changed on its own page
    page.get_by_role("link", name="Змінити етап 2").click()
    assert axe_violations() == []
    page.get_by_label("Строк", exact=True).fill("4")
    page.get_by_role("group", name="Строк у").get_by_label("робочих годинах").check()
    page.get_by_role("button", name="Зберегти етап").click()

    # then: a visa within four working hours
    expect(page.get_by_text("Етап збережено.")).to_be_visible()
    expect(page.locator("#main-content")).to_contain_text("4 робочі години")
    assert axe_violations() == []
    assert template.steps.get(order=2).term_hours == 4


def _step_add(page, kind: str, person: str) -> None:
    form = page.locator("form", has=page.get_by_role("button", name="Додати етап"))
    form.get_by_role("group", name="Що роблять учасники").get_by_label(
        kind, exact=True
    ).check()
    form.get_by_role("group", name="Учасники").get_by_label(person).check()
    form.get_by_role("button", name="Додати етап").click()
    expect(page.get_by_text("Етап додано.")).to_be_visible()
