"""Control of execution in the browser, axe on every page.

An urgent resolution, a report with a file and a reply, then the resolution
cancelled.
"""

import io
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfWriter

from hromada.accounts.roles import Role
from hromada.documents.models import (
    ResolutionStatus,
    ResolutionUrgency,
    Task,
    TaskStatus,
)
from hromada.documents.services import relations
from hromada.documents.tests.factories_control import (
    DocumentAddresseeFactory,
    RegisteredDocumentFactory,
    employee_in,
)
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


def _pdf(tmp_path: Path) -> Path:
    buffer = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(buffer)
    path = tmp_path / "vidpovid.pdf"
    path.write_bytes(buffer.getvalue())
    return path


def test_urgent_resolution_report_with_files_and_cancel(
    page: Page, live_server, sign_in, axe_violations, tmp_path
):
    # given: a registered letter addressed to a unit
    unit = OrgUnitFactory.create(name="Відділ освіти")
    head = employee_in(
        unit,
        is_head=True,
        roles=[Role.UNIT_HEAD],
        last_name="Мельник",
        first_name="Петро",
    )
    clerk = employee_in(unit, last_name="Коваль", first_name="Оксана")
    document = RegisteredDocumentFactory.create(
        org_unit=unit, summary="Про ремонт школи №3"
    )
    DocumentAddresseeFactory(document=document, org_unit=unit)
    card = f"{live_server.url}/cabinet/documents/{document.public_id}/"

    # when: the head writes an urgent resolution without a due date
    sign_in(head)
    page.goto(f"{card}resolutions/new/")
    assert axe_violations() == []
    page.get_by_label("Зміст доручення").fill("Терміново підготувати кошторис")
    page.get_by_label("Відповідальний виконавець").select_option(label="Коваль Оксана")
    page.get_by_role("radio", name="Терміново").check()
    page.get_by_role("button", name="Зберегти резолюцію").click()

    # then
    expect(page.locator("#document-tasks")).to_contain_text("Терміново")
    task = Task.objects.get(document=document)
    assert task.resolution.urgency == ResolutionUrgency.URGENT

    # when: the executor reports with a file and the reply drafted from the card
    reply = relations.document_reply_create(incoming=document, actor=clerk)
    page.context.clear_cookies()
    sign_in(clerk)
    page.goto(f"{live_server.url}/cabinet/documents/tasks/{task.public_id}/")
    assert axe_violations() == []
    page.get_by_label("Звіт", exact=True).fill("Кошторис підготовлено")
    page.get_by_label("Файли").set_input_files(str(_pdf(tmp_path)))
    page.get_by_label("Документ-відповідь").select_option(str(reply.public_id))
    page.get_by_role("button", name="Надіслати звіт").click()

    # then: the controller sees the file and the reply
    expect(page.get_by_text("Ваш звіт надіслано на розгляд.")).to_be_visible()
    page.context.clear_cookies()
    sign_in(head)
    page.goto(f"{live_server.url}/cabinet/documents/tasks/{task.public_id}/")
    expect(page.get_by_role("link", name="vidpovid.pdf")).to_be_visible()
    assert axe_violations() == []

    # when: the head cancels the resolution with a reason
    page.goto(card)
    page.get_by_role("link", name="Скасувати резолюцію").click()
    assert axe_violations() == []
    page.get_by_label("Причина скасування").fill("Ремонт перенесено на наступний рік")
    page.get_by_role("button", name="Скасувати резолюцію").click()

    # then
    expect(page.get_by_text("Резолюцію та її доручення скасовано.")).to_be_visible()
    task.refresh_from_db()
    assert (task.status, task.resolution.status) == (
        TaskStatus.CANCELLED,
        ResolutionStatus.CANCELLED,
    )


def test_the_head_files_a_letter_to_resolve_do_spravy(
    page: Page, live_server, sign_in, axe_violations
):
    # given: a letter waiting for the head's resolution
    unit = OrgUnitFactory.create(name="Відділ культури")
    head = employee_in(
        unit,
        is_head=True,
        roles=[Role.UNIT_HEAD],
        last_name="Гнатюк",
        first_name="Ніна",
    )
    document = RegisteredDocumentFactory.create(
        org_unit=unit, summary="Запрошення на фестиваль"
    )
    DocumentAddresseeFactory(document=document, org_unit=unit)
    sign_in(head)
    page.goto(f"{live_server.url}/cabinet/documents/inbox/")
    expect(page.get_by_text("Запрошення на фестиваль")).to_be_visible()

    # when: from the card, with a note, using the keyboard to send
    page.goto(f"{live_server.url}/cabinet/documents/{document.public_id}/")
    page.get_by_role("button", name="Направити «До справи»").click()
    assert axe_violations() == []
    page.get_by_label("Примітка (необов’язково)").fill("Для відома, участі не буде")
    page.get_by_role("button", name="Направити «До справи»").focus()
    page.keyboard.press("Enter")

    # then
    expect(page.get_by_text("Документ направлено «До справи».")).to_be_visible()
    expect(page.locator("#document-tasks")).to_contain_text(
        "Для відома, участі не буде"
    )
    assert axe_violations() == []
    document.refresh_from_db()
    assert document.closed_as == "to_file"
    page.goto(f"{live_server.url}/cabinet/documents/inbox/")
    expect(page.get_by_text("Запрошення на фестиваль")).to_have_count(0)
