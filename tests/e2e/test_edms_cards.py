"""The office keeps correspondents, links cards, grants access and files them."""

import pytest
from playwright.sync_api import expect

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.documents.models import (
    AccessLevel,
    Correspondent,
    DocumentAccessGrant,
    DocumentLink,
)
from hromada.documents.tests.factories_archive import (
    CaseFileFactory,
    NomenclatureItemFactory,
)
from hromada.documents.tests.factories_cards import DocumentFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


def test_a_registrar_adds_a_correspondent_from_the_card_form(
    page, live_server, sign_in, axe_violations
):
    # given
    sign_in(UserFactory.create(roles=[Role.REGISTRAR]))
    page.goto(live_server.url + "/cabinet/documents/new/?kind=incoming")
    assert axe_violations() == []

    # when: a code with a wrong check digit first
    page.get_by_role("link", name="додайте кореспондента").click()
    page.get_by_label("Назва").fill("ТОВ «Будсервіс-Вишневе»")
    page.get_by_label("код ЄДРПОУ").fill("41234011")
    page.get_by_role("button", name="Зберегти").click()

    # then
    expect(page.get_by_role("alert")).to_contain_text(
        "Код ЄДРПОУ 41234011 недійсний: перевірте цифри."
    )
    assert axe_violations() == []

    # when: corrected
    page.get_by_label("код ЄДРПОУ").fill("41234019")
    page.get_by_role("button", name="Зберегти").click()

    # then: back on the card form with the new entry chosen
    expect(page.get_by_role("heading", level=1)).to_have_text("Нова картка")
    correspondent = Correspondent.objects.get()
    expect(page.get_by_label("Кореспондент (необов’язково)")).to_have_value(
        str(correspondent.public_id)
    )
    assert axe_violations() == []


def test_a_registrar_links_grants_and_files_a_card(
    page, live_server, sign_in, axe_violations
):
    # given
    registrar = UserFactory.create(roles=[Role.REGISTRAR])
    card = DocumentFactory.create(
        registered=True,
        registration_number="11/01-12",
        access_level=AccessLevel.DSK,
        created_by=registrar,
    )
    incoming = DocumentFactory.create(
        registered=True, registration_number="7/01-12", registration_seq=7
    )
    UserFactory.create(roles=[Role.EXECUTOR], last_name="Коваль", first_name="Ірина")
    item = NomenclatureItemFactory.create(
        nomenclature__org_unit=card.org_unit, title="Листування з установами"
    )
    CaseFileFactory.create(item=item)
    sign_in(registrar)
    page.goto(live_server.url + f"/cabinet/documents/{card.public_id}/")
    assert axe_violations() == []

    # when: a link by index
    page.get_by_role("link", name="Додати зв’язок").click()
    assert axe_violations() == []
    page.get_by_label("Як цей документ пов’язаний з іншим?").select_option(
        label="Відповідь на"
    )
    page.get_by_label("Реєстраційний індекс іншого документа").fill("7/01-12")
    page.get_by_role("button", name="Додати зв’язок").click()

    # then
    expect(page.locator("#document-links")).to_contain_text("Відповідь на")
    assert DocumentLink.objects.get().target == incoming

    # when: access for a colleague
    page.get_by_role("link", name="Надати або відкликати доступ").click()
    assert axe_violations() == []
    page.get_by_label("Працівник").select_option(label="Коваль Ірина")
    page.get_by_role("button", name="Надати доступ").click()

    # then
    expect(page.get_by_role("table")).to_contain_text("Коваль Ірина")
    assert DocumentAccessGrant.objects.get().user.last_name == "Коваль"
    assert axe_violations() == []

    # when: filed into the unit's open case
    page.goto(live_server.url + f"/cabinet/documents/{card.public_id}/")
    page.get_by_label("Справа").select_option(index=1)
    page.get_by_role("button", name="Підшити документ").click()

    # then
    expect(page.get_by_text("Документ підшито до справи")).to_be_visible()
    card.refresh_from_db()
    assert card.case_file.item == item
    assert axe_violations() == []
