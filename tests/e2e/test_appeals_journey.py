"""The appeals acceptance journey (issue 4).

A citizen reports a broken street light on the map → it is routed to the
right enterprise → the dispatcher assigns an executor → the citizen gets
the "executor assigned" e-mail → the answer is published with a photo →
the citizen says "not resolved" → it reopens → it is resolved and rated.
"""

from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import AppealStatus
from hromada.appeals.tests.factories import (
    AddressFactory,
    CategoryFactory,
    DistrictFactory,
    RoutingRuleFactory,
    StreetFactory,
    accepted_register,
    appeals_journal,
    enterprise,
)
from hromada.appeals.tests.test_filing import PNG
from hromada.notifications.models import Notification
from hromada.notifications.services import notification_deliver
from tests.e2e.edms_office import switch_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def city():
    appeals_journal()
    district = DistrictFactory(name="Центральний")
    street = StreetFactory(name="Садова")
    AddressFactory(street=street, number="14", district=district)
    lights = enterprise("КП «Благоустрій»")
    water = enterprise("КП «Міськводоканал»")
    category = CategoryFactory(code="lighting_fault", name="Вуличне освітлення")
    RoutingRuleFactory(category=category, unit=lights.unit)
    RoutingRuleFactory(category=CategoryFactory(name="Вода"), unit=water.unit)
    return lights


def deliver(template: str) -> list:
    """Send the outbox's rows of ``template`` as the worker would."""
    mail.outbox.clear()
    for notification in Notification.objects.filter(template=template):
        notification_deliver(notification_id=notification.pk)
    return list(mail.outbox)


def submit(page: Page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def test_a_broken_street_light_from_the_map_to_a_rated_answer(
    page: Page, live_server, sign_in, axe_violations, city, tmp_path: Path
):
    lights = city
    citizen = UserFactory(roles=[Role.CITIZEN], email="yaryna@test.example")
    sign_in(citizen)

    # The citizen reports a broken street light, putting the pin on the map.
    page.goto(live_server.url + "/appeals/new/")
    assert axe_violations() == []
    page.get_by_label("Чого стосується питання?").select_option(
        label="Вуличне освітлення"
    )
    page.get_by_label("Вулиця й номер будинку").press_sequentially("садова 14")
    page.get_by_role("button", name="вул. Садова, 14 — Центральний").click()
    map_box = page.locator(".hromada-map")
    expect(map_box).to_be_visible()
    map_box.click(position={"x": 200, "y": 120})
    submit(page, "Продовжити")
    assert axe_violations() == []
    page.get_by_label("Коротко: що сталося?").fill("Не світить ліхтар біля під’їзду")
    page.get_by_label("Опишіть питання").fill("Третій тиждень темно ввечері.")
    page.get_by_label("Місце проживання").fill("вул. Садова, 14, кв. 3")
    page.get_by_label("Прізвище", exact=True).fill("Гнатюк")
    page.get_by_label("Ім’я", exact=True).fill("Ярина")
    submit(page, "Надіслати звернення")

    # It is accepted at once; the receipt waits for the number.
    expect(page.get_by_role("heading", level=1)).to_have_text("Ваше звернення прийнято")
    assert axe_violations() == []

    # A moment later it is registered (the queue's task, run here) and
    # routed to the enterprise that keeps the lights; the receipt, asking
    # again by itself, shows the number.
    [appeal] = accepted_register()
    assert appeal.unit == lights.unit
    assert appeal.lon is not None
    assert appeal.district is not None
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ваше звернення зареєстровано", timeout=10_000
    )
    expect(page.get_by_role("status")).to_contain_text(appeal.number)
    assert axe_violations() == []
    page.get_by_role("link", name="Стежте за ним серед своїх звернень").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(appeal.title)

    # The enterprise's dispatcher assigns an executor.
    switch_user(page, sign_in, lights.dispatcher)
    page.goto(live_server.url + "/cabinet/appeals/?queue=unit")
    assert axe_violations() == []
    with page.expect_navigation():
        page.get_by_role("link", name=appeal.number).click()
    assert axe_violations() == []
    page.get_by_label("Виконавець").select_option(value=str(lights.executor.pk))
    submit(page, "Призначити")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Виконавця призначено"
    )

    # The citizen receives the "executor assigned" e-mail.
    sent = deliver("appeals/assigned")
    assert [message.to for message in sent] == [["yaryna@test.example"]]
    assert appeal.number in sent[0].subject

    # The executor answers with a photo; the director accepts: published.
    switch_user(page, sign_in, lights.executor)
    page.goto(live_server.url + f"/cabinet/appeals/{appeal.public_id}/")
    page.get_by_label("Відповідь заявнику").fill("Лампу на опорі замінено.")
    page.get_by_label("Вирішено позитивно").check()
    photo = tmp_path / "lamp.png"
    photo.write_bytes(PNG)
    page.get_by_label("Фото або документи до відповіді").set_input_files(str(photo))
    submit(page, "Надіслати контролеру")
    switch_user(page, sign_in, lights.director)
    page.goto(live_server.url + f"/cabinet/appeals/{appeal.public_id}/")
    submit(page, "Прийняти й надіслати заявнику")
    page.context.clear_cookies()
    page.goto(live_server.url + f"/appeals/{appeal.public_id}/")
    expect(page.get_by_text("Лампу на опорі замінено.")).to_be_visible()
    expect(page.get_by_role("img", name="Фото 1 до відповіді")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Гнатюк")
    assert axe_violations() == []

    # The citizen says it is not resolved: it reopens to the executor.
    sign_in(citizen)
    page.goto(live_server.url + f"/my/appeals/{appeal.public_id}/")
    page.get_by_label("Ні, не вирішено: розгляньте ще раз").check()
    page.get_by_label("2", exact=True).check()
    assert axe_violations() == []
    submit(page, "Надіслати")
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.IN_PROGRESS
    assert appeal.reopened_count == 1
    assert deliver("appeals/reopened")

    # The second cycle resolves it, and the citizen rates it.
    switch_user(page, sign_in, lights.executor)
    page.goto(live_server.url + f"/cabinet/appeals/{appeal.public_id}/")
    page.get_by_label("Відповідь заявнику").fill("Замінено опору разом з лампою.")
    page.get_by_label("Вирішено позитивно").check()
    submit(page, "Надіслати контролеру")
    switch_user(page, sign_in, lights.director)
    page.goto(live_server.url + f"/cabinet/appeals/{appeal.public_id}/")
    submit(page, "Прийняти й надіслати заявнику")
    switch_user(page, sign_in, citizen)
    page.goto(live_server.url + f"/my/appeals/{appeal.public_id}/")
    page.get_by_label("Так, вирішено").check()
    page.get_by_label("5", exact=True).check()
    submit(page, "Надіслати")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "звернення закрито"
    )
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.CLOSED
    assert appeal.rating == 5
