"""A small office for the EDMS browser journeys, and page helpers they share."""

import io
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from playwright.sync_api import Locator, Page, expect
from pypdf import PdfWriter

from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.documents.tests.factories_cards import JournalFactory
from hromada.org.models import OrgUnit
from hromada.org.tests.factories import (
    EmployeeFactory,
    OrgUnitFactory,
    PositionFactory,
)

SUBJECT = "Про ремонт покрівлі будинку №5"
CARDS = "/cabinet/documents/"


@dataclass(frozen=True, kw_only=True, slots=True)
class Office:
    unit: OrgUnit
    head: User
    deputy: User
    responsible: User
    co_executor: User
    registrar: User


def employee(unit: OrgUnit, *, role: Role, title: str, is_head: bool = False, **names):
    user = UserFactory.create(roles=[role], **names)
    position = PositionFactory.create(
        org_unit=unit, is_head=is_head, role=role, title=title
    )
    EmployeeFactory.create(user=user, position=position)
    return user


def office_create() -> Office:
    """The housing department with its head, deputy and two executors; the
    general department's registrar; incoming and outgoing journals."""
    unit = OrgUnitFactory.create(name="Відділ житлово-комунального господарства")
    general = OrgUnitFactory.create(name="Загальний відділ", unit_index="01")
    JournalFactory.create(
        name="Журнал вхідних ЖКГ",
        kind="incoming",
        org_unit=unit,
        index_template="{seq}/{case_index}",
        case_index="01-12",
    )
    JournalFactory.create(
        name="Журнал вихідних ЖКГ",
        kind="outgoing",
        org_unit=unit,
        index_template="{case_index}/{seq}",
        case_index="01-15",
    )
    executor = "Головний спеціаліст"
    return Office(
        unit=unit,
        head=employee(
            unit,
            role=Role.UNIT_HEAD,
            title="Начальник відділу",
            is_head=True,
            last_name="Мельник",
            first_name="Петро",
        ),
        deputy=employee(
            unit,
            role=Role.EXECUTOR,
            title="Заступник начальника відділу",
            last_name="Ткаченко",
            first_name="Ганна",
        ),
        responsible=employee(
            unit,
            role=Role.EXECUTOR,
            title=executor,
            last_name="Коваль",
            first_name="Оксана",
        ),
        co_executor=employee(
            unit,
            role=Role.EXECUTOR,
            title=executor,
            last_name="Бондар",
            first_name="Ігор",
        ),
        registrar=employee(
            general,
            role=Role.REGISTRAR,
            title="Діловод",
            last_name="Шевчук",
            first_name="Марія",
        ),
    )


def pdf_bytes() -> bytes:
    pdf = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(pdf)
    return pdf.getvalue()


def letter_file(tmp_path: Path) -> Path:
    """An e-mail as a mail program saves it, with a PDF attached."""
    message = EmailMessage()
    message["From"] = "ТОВ «Ромашка» <office@romashka.example>"
    message["To"] = "rada@vyshneve.example"
    message["Subject"] = SUBJECT
    message["Message-ID"] = "<roof-5@romashka.example>"
    message.set_content("Просимо відремонтувати покрівлю будинку №5 до зими.")
    message.add_attachment(
        pdf_bytes(), maintype="application", subtype="pdf", filename="zayava.pdf"
    )
    path = tmp_path / "lyst.eml"
    path.write_bytes(bytes(message))
    return path


def switch_user(page: Page, sign_in, user: User) -> None:
    page.context.clear_cookies()
    sign_in(user)


def summary_value(page: Page, key: str) -> Locator:
    """The first value cell of the card's summary row named ``key``."""
    return (
        page.locator(".govuk-summary-list__row")
        .filter(has=page.locator("dt").get_by_text(key, exact=True))
        .locator("dd")
        .first
    )


def inbox_section(page: Page, title: str) -> Locator:
    return page.locator("section").filter(
        has=page.get_by_role("heading", level=2, name=title)
    )


def decide(page: Page, live_server, axe_violations, decision: str) -> None:
    """Open the first item of the approval list and record ``decision``."""
    page.goto(live_server.url + CARDS + "approvals/")
    expect(page.get_by_role("heading", level=1)).to_have_text("На погодження та підпис")
    assert axe_violations() == []
    page.get_by_role("link", name="Ухвалити рішення").click()
    assert axe_violations() == []
    page.get_by_role("group", name="Рішення").get_by_label(decision, exact=True).check()
    page.get_by_role("button", name="Зафіксувати рішення").click()
    expect(page.get_by_text("Ваше рішення зафіксовано.")).to_be_visible()
    assert axe_violations() == []
