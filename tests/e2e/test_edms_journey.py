"""The EDMS acceptance journey, and an ad hoc route signed by the head.

Issue 3's acceptance: an e-mail arrives → the registrar registers it → the
head puts a резолюція to two executors → the responsible executor drafts a
reply, which goes through a two-step approval and is signed → the registrar
dispatches it → the control shows "done on time"; the executive-discipline
report for the month counts it; pyHanko confirms the signed PDF is intact.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hromada.documents.models import (
    ApprovalKind,
    Document,
    DocumentKind,
    DocumentStatus,
    FileRole,
    FileVersion,
    Task,
    TaskStatus,
)
from hromada.documents.services import signing
from hromada.documents.tests.factories_archive import file_version_add
from hromada.documents.tests.factories_control import RegisteredDocumentFactory
from hromada.documents.tests.factories_routes import (
    RouteTemplateFactory,
    RouteTemplateStepFactory,
)
from hromada.notifications.models import Notification
from hromada.signatures import services as signature_services
from tests.e2e.edms_office import (
    CARDS,
    SUBJECT,
    Office,
    decide,
    inbox_section,
    letter_file,
    office_create,
    pdf_bytes,
    summary_value,
    switch_user,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True
    settings.HROMADA_DEMO_PKI = True


@pytest.fixture
def office() -> Office:
    return office_create()


def _verified(version: FileVersion):
    # pyHanko's validation calls asyncio.run(); Playwright's sync API already
    # runs a loop in this thread, so verify in a worker thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(signing.file_version_verify, version=version).result()


def test_a_letter_is_answered_signed_dispatched_and_counted_on_time(
    page, live_server, sign_in, axe_violations, office, tmp_path
):
    # given: the unit's route for replies — a visa, an approval, the head signs
    signature_services.certificate_issue_demo(user=office.head)
    template = RouteTemplateFactory.create(
        name="Відповідь заявнику", kind=DocumentKind.OUTGOING, org_unit=office.unit
    )
    RouteTemplateStepFactory.create(
        template=template,
        order=1,
        kind=ApprovalKind.VISA,
        participants=[office.co_executor],
    )
    RouteTemplateStepFactory.create(
        template=template,
        order=2,
        kind=ApprovalKind.APPROVE,
        participants=[office.deputy],
    )
    RouteTemplateStepFactory.create(
        template=template, order=3, kind=ApprovalKind.SIGN, participants=[office.head]
    )

    # when: the registrar takes in a letter saved from the mail program
    sign_in(office.registrar)
    page.goto(live_server.url + CARDS + "intake/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Прийняти лист")
    assert axe_violations() == []
    page.get_by_label("Підрозділ").select_option(label=office.unit.name)
    page.get_by_label("Електронний лист (.eml)").set_input_files(letter_file(tmp_path))
    page.get_by_role("button", name="Прийняти", exact=True).click()

    # then: a draft card with the letter's subject, sender and attachment
    expect(page.get_by_role("heading", level=1)).to_have_text("Чернетка картки")
    expect(page.get_by_text("Лист прийнято як чернетку картки.")).to_be_visible()
    expect(summary_value(page, "Короткий зміст")).to_have_text(SUBJECT)
    expect(summary_value(page, "Кореспондент")).to_contain_text("ТОВ «Ромашка»")
    expect(page.locator("#main-content")).to_contain_text("zayava.pdf")
    assert axe_violations() == []
    incoming = Document.objects.get(summary=SUBJECT)
    incoming_url = live_server.url + CARDS + f"{incoming.public_id}/"

    # when: addressed to the unit and registered in its journal
    page.get_by_role("button", name="Редагувати чернетку").click()
    assert axe_violations() == []
    page.get_by_role("group", name="Адресовано підрозділам").get_by_label(
        office.unit.name
    ).check()
    page.get_by_role("button", name="Зберегти чернетку").click()
    expect(summary_value(page, "Адресати")).to_have_text(office.unit.name)
    page.get_by_label("Журнал").select_option(label="Журнал вхідних ЖКГ")
    page.get_by_role("button", name="Зареєструвати").click()

    # then
    expect(page.get_by_role("heading", level=1)).to_contain_text("№ 1/01-12 від")
    expect(
        page.get_by_text("Документ зареєстровано за номером 1/01-12.")
    ).to_be_visible()
    assert axe_violations() == []

    # when: the head resolves it from "Today" to two executors, default term
    switch_user(page, sign_in, office.head)
    page.goto(live_server.url + CARDS + "inbox/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Сьогодні")
    assert axe_violations() == []
    inbox_section(page, "На резолюцію").get_by_role("link", name="1/01-12").click()
    expect(page).to_have_url(incoming_url)
    page.get_by_role("button", name="Накласти резолюцію").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Нова резолюція")
    assert axe_violations() == []
    page.get_by_label("Зміст доручення").fill(
        "Обстежити покрівлю та підготувати відповідь заявнику"
    )
    page.get_by_label("Відповідальний виконавець").select_option(label="Коваль Оксана")
    page.get_by_label("Співвиконавці").select_option(label="Бондар Ігор")
    page.get_by_role("button", name="Зберегти резолюцію").click()

    # then: two tasks on the card
    expect(page.get_by_text("Резолюцію внесено.")).to_be_visible()
    tasks = page.get_by_role("table", name="Доручення за резолюцією")
    expect(tasks.locator("tbody tr")).to_have_count(2)
    assert axe_violations() == []
    task = Task.objects.get(document=incoming, executor=office.responsible)

    # when: the responsible executor drafts the reply from the incoming card
    switch_user(page, sign_in, office.responsible)
    page.goto(incoming_url)
    page.get_by_role("button", name="Підготувати відповідь").click()
    expect(
        page.get_by_text("Чернетку відповіді створено — доповніть її.")
    ).to_be_visible()
    assert axe_violations() == []
    page.get_by_label("Короткий зміст").fill(
        "Про ремонт покрівлі будинку №5 у 2027 році"
    )
    page.get_by_role("button", name="Зберегти чернетку").click()
    expect(summary_value(page, "Кореспондент")).to_contain_text("ТОВ «Ромашка»")
    reply = Document.objects.get(kind=DocumentKind.OUTGOING)
    reply_url = live_server.url + CARDS + f"{reply.public_id}/"
    page.locator("#document-files").get_by_text("Додати файл").click()
    page.get_by_label("Файл", exact=True).set_input_files(
        files=[
            {
                "name": "vidpovid.pdf",
                "mimeType": "application/pdf",
                "buffer": pdf_bytes(),
            }
        ]
    )
    page.get_by_role("button", name="Завантажити файл").click()
    expect(page.get_by_text("Файл додано.")).to_be_visible()

    # when: she starts the unit's route on the PDF
    page.goto(reply_url)
    page.get_by_role("link", name="Запустити маршрут погодження").click()
    assert axe_violations() == []
    page.get_by_label("Версія файлу для погодження").select_option(
        label="vidpovid, версія 1"
    )
    page.get_by_label("За шаблоном").check()
    page.get_by_label("Шаблон маршруту").select_option(label="Відповідь заявнику")
    page.get_by_role("button", name="Запустити маршрут").click()

    # then: three steps wait in order
    expect(page.get_by_text("Маршрут запущено.")).to_be_visible()
    expect(page.locator("#document-route").get_by_role("table")).to_have_count(3)
    assert axe_violations() == []

    # when: the co-executor's visa, the deputy's approval, the head's signature
    switch_user(page, sign_in, office.co_executor)
    decide(page, live_server, axe_violations, "Погодити")
    switch_user(page, sign_in, office.deputy)
    decide(page, live_server, axe_violations, "Погодити")
    switch_user(page, sign_in, office.head)
    decide(page, live_server, axe_violations, "Підписати")

    # then: the reply holds a signed copy, intact and trusted
    signed = FileVersion.objects.get(
        document_file__document=reply, document_file__role=FileRole.SIGNED
    )
    result = _verified(signed)
    assert (result.intact, result.trusted) == (True, True)
    assert "Мельник Петро" in result.signer_cn

    # when: the registrar registers the signed reply and sends it by e-mail
    switch_user(page, sign_in, office.registrar)
    page.goto(reply_url)
    expect(page.locator("#document-files")).to_contain_text("Підписаний примірник")
    assert axe_violations() == []
    page.get_by_label("Журнал").select_option(label="Журнал вихідних ЖКГ")
    page.get_by_role("button", name="Зареєструвати").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("№ 01-15/1 від")
    assert axe_violations() == []
    page.get_by_label("Електронною поштою з підписаним PDF").check()
    expect(page.get_by_label("Електронна пошта адресата")).to_have_value(
        "office@romashka.example"
    )
    page.get_by_role("button", name="Відправити лист").click()

    # then: dispatched, with the signed PDF in the outbox
    expect(page.get_by_text("Лист відправлено.")).to_be_visible()
    expect(page.locator("#main-content .govuk-tag").first).to_have_text("Відправлено")
    assert axe_violations() == []
    reply.refresh_from_db()
    assert reply.status == DocumentStatus.DISPATCHED
    sent = Notification.objects.get(recipient_email="office@romashka.example")
    assert [f.sha256 for f in sent.attachments.all()] == [signed.stored_file.sha256]

    # when: the responsible executor reports with the reply linked
    switch_user(page, sign_in, office.responsible)
    page.goto(live_server.url + CARDS + "inbox/")
    inbox_section(page, "До виконання").get_by_role("link", name="1/01-12").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Доручення")
    assert axe_violations() == []
    page.get_by_label("Звіт", exact=True).fill(
        "Покрівлю обстежено, ремонт включено до плану, заявнику відповіли."
    )
    page.get_by_label("Документ-відповідь").select_option(index=1)
    page.get_by_role("button", name="Надіслати звіт").click()
    expect(page.get_by_text("Ваш звіт надіслано на розгляд.")).to_be_visible()
    assert axe_violations() == []

    # when: the head, the controller, accepts it
    switch_user(page, sign_in, office.head)
    page.goto(live_server.url + CARDS + "inbox/")
    inbox_section(page, "Звіти на розгляд").get_by_role("link", name="1/01-12").click()
    expect(page.locator("#main-content")).to_contain_text("01-15/1")
    assert axe_violations() == []
    page.get_by_role("button", name="Прийняти звіт").click()

    # then: done on time
    expect(page.get_by_text("Звіт прийнято; доручення виконано.")).to_be_visible()
    expect(summary_value(page, "Статус")).to_have_text("Виконано")
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    assert task.done_on <= task.due_on
    assert task.reports.get().reply_document == reply

    # when: the head opens this month's discipline report
    page.goto(live_server.url + CARDS + "control/discipline/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Звіт про виконавську дисципліну"
    )
    assert axe_violations() == []

    # then: received, on time, late, overdue, in progress
    by_unit = page.get_by_role("table", name="За підрозділами")
    unit_row = by_unit.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=office.unit.name)
    )
    expect(unit_row.get_by_role("cell")).to_have_text(["2", "1", "0", "0", "1"])
    by_executor = page.get_by_role("table", name="За виконавцями")
    responsible_row = by_executor.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="Коваль Оксана")
    )
    expect(responsible_row.get_by_role("cell")).to_have_text(
        [office.unit.name, "1", "1", "0", "0", "0"]
    )


def test_executor_routes_the_pdf_for_a_visa_and_the_heads_signature(
    page, live_server, sign_in, axe_violations, office
):
    # given: a registered card on the executor's desk, with a PDF
    signature_services.certificate_issue_demo(user=office.head)
    document = RegisteredDocumentFactory.create(
        org_unit=office.unit,
        summary=SUBJECT,
        holder=office.responsible,
        held_since=timezone.now(),
    )
    file_version_add(document, content=pdf_bytes(), name="vidpovid.pdf")
    card_url = live_server.url + CARDS + f"{document.public_id}/"
    sign_in(office.responsible)
    page.goto(card_url)
    assert axe_violations() == []

    # when: the executor starts an ad hoc route: a colleague's visa, the head signs
    page.get_by_role("link", name="Запустити маршрут погодження").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Маршрут погодження")
    assert axe_violations() == []
    page.get_by_label("Версія файлу для погодження").select_option(
        label="vidpovid.pdf, версія 1"
    )
    page.get_by_label("Візи, потім підпис").check()
    page.get_by_role("group", name="Візи (усі паралельно)").get_by_label(
        "Бондар Ігор"
    ).check()
    page.get_by_label("Підписант", exact=True).select_option(label="Мельник Петро")
    page.get_by_role("button", name="Запустити маршрут").click()

    # then
    expect(page.get_by_text("Маршрут запущено.")).to_be_visible()
    route = page.locator("#document-route")
    expect(route.get_by_role("table")).to_have_count(2)
    assert axe_violations() == []

    # when: the colleague puts the visa
    switch_user(page, sign_in, office.co_executor)
    decide(page, live_server, axe_violations, "Погодити")

    # then

    # when: the head signs from the approval list
    switch_user(page, sign_in, office.head)
    decide(page, live_server, axe_violations, "Підписати")

    # then: the card holds a signed copy, intact and trusted
    page.goto(card_url)
    files = page.locator("#document-files")
    expect(files).to_contain_text("Підписаний примірник")
    assert axe_violations() == []
    signed = FileVersion.objects.get(
        document_file__document=document, document_file__role=FileRole.SIGNED
    )
    result = _verified(signed)
    assert result.intact is True
    assert result.trusted is True
    assert "Мельник Петро" in result.signer_cn
