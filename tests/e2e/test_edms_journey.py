"""The EDMS journey: a letter taken in, registered, resolved, executed, reported."""

import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfWriter

from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.documents.models import (
    Document,
    DocumentStatus,
    FileRole,
    FileVersion,
    Task,
    TaskStatus,
)
from hromada.documents.services import signing
from hromada.documents.tests.factories_archive import file_version_add
from hromada.documents.tests.factories_cards import JournalFactory
from hromada.documents.tests.factories_control import RegisteredDocumentFactory
from hromada.org.models import OrgUnit
from hromada.org.tests.factories import (
    EmployeeFactory,
    OrgUnitFactory,
    PositionFactory,
)
from hromada.signatures import services as signature_services

pytestmark = pytest.mark.django_db(transaction=True)

SUBJECT = "Про ремонт покрівлі будинку №5"
CARDS = "/cabinet/documents/"


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


@dataclass(frozen=True, kw_only=True, slots=True)
class Office:
    unit: OrgUnit
    head: User
    responsible: User
    co_executor: User
    registrar: User


def _employee(unit: OrgUnit, *, role: Role, is_head: bool = False, **names) -> User:
    user = UserFactory.create(roles=[role], **names)
    position = PositionFactory.create(
        org_unit=unit,
        is_head=is_head,
        role=role,
        title="Начальник відділу" if is_head else "Головний спеціаліст",
    )
    EmployeeFactory.create(user=user, position=position)
    return user


@pytest.fixture
def office() -> Office:
    unit = OrgUnitFactory.create(name="Відділ житлово-комунального господарства")
    general = OrgUnitFactory.create(name="Загальний відділ", unit_index="01")
    JournalFactory.create(
        name="Журнал вхідних ЖКГ",
        kind="incoming",
        org_unit=unit,
        index_template="{seq}/{case_index}",
        case_index="01-12",
    )
    return Office(
        unit=unit,
        head=_employee(
            unit,
            role=Role.UNIT_HEAD,
            is_head=True,
            last_name="Мельник",
            first_name="Петро",
        ),
        responsible=_employee(
            unit, role=Role.EXECUTOR, last_name="Коваль", first_name="Оксана"
        ),
        co_executor=_employee(
            unit, role=Role.EXECUTOR, last_name="Бондар", first_name="Ігор"
        ),
        registrar=_employee(
            general, role=Role.REGISTRAR, last_name="Шевчук", first_name="Марія"
        ),
    )


def _pdf() -> bytes:
    pdf = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(pdf)
    return pdf.getvalue()


def _letter(tmp_path: Path) -> Path:
    message = EmailMessage()
    message["From"] = "ТОВ «Ромашка» <office@romashka.example>"
    message["To"] = "rada@vyshneve.example"
    message["Subject"] = SUBJECT
    message["Message-ID"] = "<roof-5@romashka.example>"
    message.set_content("Просимо відремонтувати покрівлю будинку №5 до зими.")
    message.add_attachment(
        _pdf(),
        maintype="application",
        subtype="pdf",
        filename="zayava.pdf",
    )
    path = tmp_path / "lyst.eml"
    path.write_bytes(bytes(message))
    return path


def _switch_user(page: Page, sign_in, user: User) -> None:
    page.context.clear_cookies()
    sign_in(user)


def _summary_value(page: Page, key: str):
    return (
        page.locator(".govuk-summary-list__row")
        .filter(has=page.locator("dt").get_by_text(key, exact=True))
        .locator("dd")
    )


def _inbox_section(page: Page, title: str):
    return page.locator("section").filter(
        has=page.get_by_role("heading", level=2, name=title)
    )


def test_letter_goes_from_intake_to_the_discipline_report(
    page, live_server, sign_in, axe_violations, office, tmp_path
):
    # given: the registrar takes in a letter saved from the mail program
    sign_in(office.registrar)
    page.goto(live_server.url + CARDS + "intake/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Прийняти лист")
    assert axe_violations() == []

    # when
    page.get_by_label("Підрозділ").select_option(label=office.unit.name)
    page.get_by_label("Електронний лист (.eml)").set_input_files(_letter(tmp_path))
    page.get_by_role("button", name="Прийняти", exact=True).click()

    # then: a draft card with the letter's subject as its summary
    expect(page.get_by_role("heading", level=1)).to_have_text("Чернетка картки")
    expect(page.get_by_text("Лист прийнято як чернетку картки.")).to_be_visible()
    expect(_summary_value(page, "Короткий зміст")).to_have_text(SUBJECT)
    expect(_summary_value(page, "Кореспондент")).to_contain_text("ТОВ «Ромашка»")
    expect(page.locator("#main-content")).to_contain_text("zayava.pdf")
    assert axe_violations() == []
    document = Document.objects.get(summary=SUBJECT)
    card_url = live_server.url + CARDS + f"{document.public_id}/"

    # when: the card is addressed to the unit
    page.get_by_role("button", name="Редагувати чернетку").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Редагування чернетки картки"
    )
    assert axe_violations() == []
    page.get_by_role("group", name="Адресовано підрозділам").get_by_label(
        office.unit.name
    ).check()
    page.get_by_role("button", name="Зберегти чернетку").click()

    # then
    expect(_summary_value(page, "Адресати")).to_have_text(office.unit.name)
    assert axe_violations() == []

    # when: registered in the unit's journal
    page.get_by_label("Журнал").select_option(label="Журнал вхідних ЖКГ")
    page.get_by_role("button", name="Зареєструвати").click()

    # then
    expect(page.get_by_role("heading", level=1)).to_contain_text("№ 1/01-12 від")
    expect(
        page.get_by_text("Документ зареєстровано за номером 1/01-12.")
    ).to_be_visible()
    expect(page.locator("#main-content .govuk-tag")).to_have_text("Зареєстровано")
    assert axe_violations() == []
    document.refresh_from_db()
    assert document.status == DocumentStatus.REGISTERED
    assert document.registration_number == "1/01-12"

    # given: the head opens "Today"
    _switch_user(page, sign_in, office.head)
    page.goto(live_server.url + CARDS + "inbox/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Сьогодні")
    assert axe_violations() == []
    to_resolve = _inbox_section(page, "На резолюцію")
    expect(to_resolve).to_contain_text(SUBJECT)

    # when: the head resolves it to two executors, with the default term
    to_resolve.get_by_role("link", name="1/01-12").click()
    expect(page).to_have_url(card_url)
    assert axe_violations() == []
    page.get_by_role("button", name="Накласти резолюцію").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Нова резолюція")
    assert axe_violations() == []
    page.get_by_label("Зміст доручення").fill(
        "Обстежити покрівлю та підготувати відповідь заявнику"
    )
    page.get_by_label("Відповідальний виконавець").select_option(label="Коваль Оксана")
    page.get_by_label("Співвиконавці").select_option(label="Бондар Ігор")
    page.get_by_role("button", name="Зберегти резолюцію").click()

    # then: the card shows two tasks
    expect(page.get_by_text("Резолюцію внесено.")).to_be_visible()
    tasks = page.get_by_role("table", name="Доручення за резолюцією")
    expect(tasks.locator("tbody tr")).to_have_count(2)
    expect(tasks).to_contain_text("Коваль Оксана")
    expect(tasks).to_contain_text("Бондар Ігор")
    assert axe_violations() == []
    task = Task.objects.get(document=document, executor=office.responsible)
    assert task.due_on > document.registered_on

    # when: the responsible executor reports from "Today"
    _switch_user(page, sign_in, office.responsible)
    page.goto(live_server.url + CARDS + "inbox/")
    assert axe_violations() == []
    _inbox_section(page, "До виконання").get_by_role("link", name="1/01-12").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Доручення")
    assert axe_violations() == []
    page.get_by_label("Звіт", exact=True).fill(
        "Покрівлю обстежено, ремонт включено до плану, заявнику відповіли."
    )
    page.get_by_role("button", name="Надіслати звіт").click()

    # then
    expect(page.get_by_text("Ваш звіт надіслано на розгляд.")).to_be_visible()
    assert axe_violations() == []

    # when: the head, the controller, accepts the report
    _switch_user(page, sign_in, office.head)
    page.goto(live_server.url + CARDS + "inbox/")
    assert axe_violations() == []
    _inbox_section(page, "Звіти на розгляд").get_by_role("link", name="1/01-12").click()
    assert axe_violations() == []
    page.get_by_role("button", name="Прийняти звіт").click()

    # then: the task is done on time
    expect(page.get_by_text("Звіт прийнято; доручення виконано.")).to_be_visible()
    expect(_summary_value(page, "Статус")).to_have_text("Виконано")
    assert axe_violations() == []
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    assert task.done_on <= task.due_on

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
    co_executor_row = by_executor.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="Бондар Ігор")
    )
    expect(co_executor_row.get_by_role("cell")).to_have_text(
        [office.unit.name, "1", "0", "0", "0", "1"]
    )


def test_executor_routes_the_pdf_for_a_visa_and_the_heads_signature(
    page, live_server, sign_in, axe_violations, office, settings
):
    # given: a registered card on the executor's desk, with a PDF
    settings.HROMADA_DEMO_PKI = True
    signature_services.certificate_issue_demo(user=office.head)
    document = RegisteredDocumentFactory.create(
        org_unit=office.unit,
        summary=SUBJECT,
        holder=office.responsible,
        held_since=timezone.now(),
    )
    file_version_add(document, content=_pdf(), name="vidpovid.pdf")
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
    page.get_by_role(
        "group", name="Візи (усі паралельно) (необов’язково)"
    ).get_by_label("Бондар Ігор").check()
    page.get_by_label("Підписант (необов’язково)", exact=True).select_option(
        label="Мельник Петро"
    )
    page.get_by_role("button", name="Запустити маршрут").click()

    # then
    expect(page.get_by_text("Маршрут запущено.")).to_be_visible()
    route = page.locator("#document-route")
    expect(route.get_by_role("table")).to_have_count(2)
    assert axe_violations() == []

    # when: the colleague puts the visa
    _switch_user(page, sign_in, office.co_executor)
    _decide(page, live_server, axe_violations, "Погодити")

    # then
    expect(page.get_by_text("Ваше рішення зафіксовано.")).to_be_visible()
    assert axe_violations() == []

    # when: the head signs from the approval list
    _switch_user(page, sign_in, office.head)
    _decide(page, live_server, axe_violations, "Підписати")

    # then: the card holds a signed copy, intact and trusted
    expect(page.get_by_text("Ваше рішення зафіксовано.")).to_be_visible()
    assert axe_violations() == []
    page.goto(card_url)
    files = page.locator("#document-files")
    expect(files).to_contain_text("Підписаний примірник")
    assert axe_violations() == []
    signed = FileVersion.objects.get(
        document_file__document=document, document_file__role=FileRole.SIGNED
    )
    # pyHanko's validation calls asyncio.run(); Playwright's sync API already
    # runs a loop in this thread, so verify in a worker thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        result = pool.submit(signing.file_version_verify, version=signed).result()
    assert result.intact is True
    assert result.trusted is True
    assert "Мельник Петро" in result.signer_cn


def _decide(page: Page, live_server, axe_violations, decision: str) -> None:
    page.goto(live_server.url + CARDS + "approvals/")
    expect(page.get_by_role("heading", level=1)).to_have_text("На погодження та підпис")
    assert axe_violations() == []
    page.get_by_role("link", name="Ухвалити рішення").click()
    assert axe_violations() == []
    page.get_by_role("group", name="Рішення").get_by_label(decision, exact=True).check()
    page.get_by_role("button", name="Зафіксувати рішення").click()
