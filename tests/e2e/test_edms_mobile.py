"""The mobile cabinet on a phone: a head resolves, approves and signs."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from playwright.sync_api import Locator, Page, expect

from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    ApprovalTask,
    Document,
    FileRole,
    FileVersion,
    Resolution,
    RouteTemplateStep,
    TaskRole,
)
from hromada.documents.services import routes as route_services
from hromada.documents.services import signing
from hromada.documents.tests.factories_control import (
    DocumentAddresseeFactory,
    RegisteredDocumentFactory,
    employee_in,
)
from hromada.documents.tests.factories_files import file_with_version, pdf_with_text
from hromada.documents.tests.factories_routes import (
    RouteDocumentFactory,
    RouteTemplateFactory,
)
from hromada.org.tests.factories import OrgUnitFactory
from hromada.signatures import services as signature_services

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    ),
]

MOBILE = "/cabinet/documents/m/"
LETTER = "Про ремонт покрівлі будинку №5"
VISA = "Про графік прийому громадян"
SIGNATURE = "Відповідь ТОВ «Ромашка» щодо покрівлі"
PHONE_WIDTH = 390
NARROW_WIDTH = 360
TAP = 44


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.HROMADA_DEMO = True
    settings.HROMADA_DEMO_PKI = True


@dataclass(frozen=True, kw_only=True, slots=True)
class Desk:
    head: User
    responsible: User
    co_executor: User
    letter: Document
    visa: ApprovalTask
    signature: ApprovalTask


def _awaiting(head: User, *, summary: str, kind: ApprovalKind) -> ApprovalTask:
    document = RouteDocumentFactory.create(summary=summary)
    document_file = file_with_version(
        document=document, content=pdf_with_text("Draft answer"), name="vidpovid.pdf"
    )
    template = RouteTemplateFactory.create(kind=document.kind)
    step = RouteTemplateStep.objects.create(template=template, order=1, kind=kind)
    step.participants.set([head])
    route_services.route_start(
        document=document,
        version=document_file.versions.get(),
        actor=document.created_by,
        template=template,
    )
    return ApprovalTask.objects.get(step__route__document=document)


@pytest.fixture
def desk() -> Desk:
    unit = OrgUnitFactory.create(name="Відділ житлово-комунального господарства")
    head = employee_in(
        unit,
        is_head=True,
        roles=[Role.UNIT_HEAD],
        last_name="Мельник",
        first_name="Петро",
    )
    signature_services.certificate_issue_demo(user=head)
    letter = RegisteredDocumentFactory.create(org_unit=unit, summary=LETTER)
    DocumentAddresseeFactory(document=letter, org_unit=unit)
    file_with_version(
        document=letter, content=pdf_with_text("Letter", pages=2), name="zayava.pdf"
    )
    return Desk(
        head=head,
        responsible=employee_in(unit, last_name="Коваль", first_name="Оксана"),
        co_executor=employee_in(unit, last_name="Бондар", first_name="Ігор"),
        letter=letter,
        visa=_awaiting(head, summary=VISA, kind=ApprovalKind.VISA),
        signature=_awaiting(head, summary=SIGNATURE, kind=ApprovalKind.SIGN),
    )


def _section(page: Page, title: str) -> Locator:
    return page.locator("section").filter(
        has=page.get_by_role("heading", level=2, name=title)
    )


def _fits_a_phone(page: Page, screen: int = PHONE_WIDTH) -> None:
    """One column: nothing wider than the screen, every tap target 44px."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= screen
    targets = page.locator(
        ".hromada-mobile a.hromada-mobile__item, .hromada-mobile a.hromada-mobile__tile,"
        " .hromada-mobile .govuk-button"
    )
    heights = [box["height"] for box in _boxes(targets)]
    assert heights, "the page has tap targets"
    assert min(heights) >= TAP


def _boxes(locator: Locator) -> list[dict]:
    return [box for box in (item.bounding_box() for item in locator.all()) if box]


def _pages_loaded(page: Page) -> int:
    # The pages load lazily: each is brought into view and waited for until
    # it has pixels. ("complete" alone is true for a lazy image not yet
    # requested, so counting right after it raced the second page.)
    for image in page.locator("img.hromada-mobile__page").all():
        image.scroll_into_view_if_needed()
        expect(image).not_to_have_js_property("naturalWidth", 0)
    return page.evaluate(
        "[...document.querySelectorAll('img.hromada-mobile__page')]"
        ".filter((img) => img.naturalWidth > 0).length"
    )


def test_head_resolves_approves_and_signs_on_a_phone(
    page, live_server, sign_in, axe_violations, desk
):
    # given: the head opens the mobile cabinet on a phone from "Today"
    sign_in(desk.head)
    page.goto(live_server.url + "/cabinet/documents/inbox/")
    page.locator("#main-content").get_by_role("link", name="Мобільний кабінет").tap()
    expect(page).to_have_url(live_server.url + MOBILE)
    expect(page.get_by_role("heading", level=1)).to_have_text("Мобільний кабінет")
    assert axe_violations() == []
    _fits_a_phone(page)
    expect(_section(page, "На резолюцію")).to_contain_text(LETTER)
    expect(_section(page, "На погодження")).to_contain_text(VISA)
    expect(_section(page, "На підпис")).to_contain_text(SIGNATURE)

    # when: the head opens the letter
    _section(page, "На резолюцію").get_by_role("link").filter(has_text=LETTER).tap()

    # then: the card, its two pages and its file
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        desk.letter.registration_number
    )
    expect(page.get_by_role("img", name="Сторінка 1 з 2")).to_be_visible()
    assert _pages_loaded(page) == 2
    expect(page.locator("#main-content")).to_contain_text("zayava.pdf")
    assert axe_violations() == []
    _fits_a_phone(page)

    # when: a resolution to two executors with a one-tap phrase
    page.get_by_role("button", name="Накласти резолюцію").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Накласти резолюцію")
    assert axe_violations() == []
    _fits_a_phone(page)
    page.get_by_role("group", name="Фраза").get_by_label(
        "Підготувати відповідь"
    ).check()
    page.get_by_role("group", name="Відповідальний виконавець").get_by_label(
        "Коваль Оксана"
    ).check()
    page.get_by_role("group", name="Співвиконавці").get_by_label("Бондар Ігор").check()
    page.get_by_role("button", name="Зберегти резолюцію").tap()

    # then: back in the inbox, the letter no longer waits
    expect(page.get_by_role("alert")).to_contain_text("Резолюцію внесено.")
    expect(_section(page, "На резолюцію")).not_to_contain_text(LETTER)
    assert axe_violations() == []
    resolution = Resolution.objects.get(document=desk.letter)
    assert (resolution.text, resolution.author) == ("Підготувати відповідь", desk.head)
    assert sorted(resolution.tasks.values_list("executor", "role")) == sorted(
        [
            (desk.responsible.pk, TaskRole.RESPONSIBLE),
            (desk.co_executor.pk, TaskRole.CO_EXECUTOR),
        ]
    )

    # when: the head approves the first draft
    _section(page, "На погодження").get_by_role("link").filter(has_text=VISA).tap()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("#main-content")).to_contain_text(VISA)
    assert _pages_loaded(page) == 1
    assert axe_violations() == []
    _fits_a_phone(page)
    page.get_by_role("button", name="Погодити").tap()

    # then
    expect(page.get_by_role("alert")).to_contain_text("Ваше рішення зафіксовано.")
    expect(_section(page, "На погодження")).not_to_contain_text(VISA)
    assert axe_violations() == []
    desk.visa.refresh_from_db()
    assert desk.visa.decision == ApprovalDecision.APPROVED

    # when: the head opens the answer to sign, tries to return it without a
    # comment, and then signs it
    _section(page, "На підпис").get_by_role("link").filter(has_text=SIGNATURE).tap()
    expect(page.locator("#main-content")).to_contain_text(SIGNATURE)
    assert axe_violations() == []
    page.get_by_role("button", name="Повернути на доопрацювання").tap()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Зазначте, чому документ відхилено або повернуто."
    )
    assert axe_violations() == []
    _fits_a_phone(page)
    page.get_by_role("button", name="Підписати").tap()

    # then: signed with the head's certificate
    expect(page.get_by_role("alert")).to_contain_text("Документ підписано.")
    expect(_section(page, "На підпис")).not_to_contain_text(SIGNATURE)
    assert axe_violations() == []
    signed = FileVersion.objects.get(
        document_file__document=desk.signature.step.route.document,
        document_file__role=FileRole.SIGNED,
    )
    # pyHanko's validation calls asyncio.run(); Playwright's sync API already
    # runs a loop in this thread, so verify in a worker thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        result = pool.submit(signing.file_version_verify, version=signed).result()
    assert (result.intact, result.trusted) == (True, True)
    assert "Мельник Петро" in result.signer_cn

    # and: the inbox still fits the narrowest common phone
    page.set_viewport_size({"width": NARROW_WIDTH, "height": 740})
    page.goto(live_server.url + MOBILE)
    _fits_a_phone(page, screen=NARROW_WIDTH)
