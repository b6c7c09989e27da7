"""The registry of services in the browser: a keeper enters a card, adds a
document and a stage of the technological card, and sees what publishing
still lacks. Every page passes axe and is valid HTML. The interface's words are not checked
here: the steps go by field names and addresses."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hromada.cnap.models import AdministrativeService, RequiredDocument, TechCardStage
from hromada.cnap.tests import factories

pytestmark = pytest.mark.django_db(transaction=True)
VNU = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


def submit(page: Page) -> None:
    page.locator("main form[method=post] button[type=submit]").last.click()


def test_a_keeper_enters_a_card_with_a_document_and_a_stage(
    page: Page, live_server, axe_violations, sign_in
):
    # given
    sign_in(factories.keeper())
    centre = factories.centre()
    provider = factories.provider()
    factories.draft(name="Видача дубліката атестата")
    # the list
    page.goto(live_server.url + "/cabinet/services/")
    expect(page.locator("main table tbody tr")).to_have_count(1)
    assert axe_violations() == []
    # a new card
    page.locator('main a[href="/cabinet/services/new/"]').click()
    expect(page).to_have_url(re.compile(r"/cabinet/services/new/$"))
    assert axe_violations() == []
    page.locator("[name=name]").fill("Видача довідки про склад сім'ї")
    page.locator("[name=provider]").select_option(str(provider.pk))
    page.locator(f"[name=centres][value='{centre.pk}']").check()
    page.locator("[name=submission_methods]").fill("Особисто в ЦНАП.")
    page.locator("[name=term_value]").fill("45")
    page.locator("[name=term_unit]").select_option("calendar_days")
    submit(page)
    # a term over 30 days without its law comes back on its field
    expect(page.locator("#id_term_legal_basis-error")).to_be_visible()
    expect(
        page.locator(".govuk-error-summary a[href='#id_term_legal_basis']")
    ).to_be_visible()
    assert axe_violations() == []
    page.locator("[name=term_value]").fill("5")
    page.locator("[name=term_unit]").select_option("working_days")
    page.locator("[name=result]").fill("Довідка.")
    page.locator("[name=result_delivery]").fill("Особисто в ЦНАП.")
    submit(page)
    service = AdministrativeService.objects.get(name__startswith="Видача довідки")
    manage = f"{live_server.url}/cabinet/services/{service.slug}/"
    expect(page).to_have_url(manage)
    expect(page.locator("#cnap-problems li")).to_have_count(3)
    assert axe_violations() == []
    # a document
    page.locator(f'a[href="/cabinet/services/{service.slug}/documents/new/"]').click()
    page.locator("[name=title]").fill("Паспорт громадянина України")
    page.locator("[name=form][value=copy]").check()
    submit(page)
    expect(page).to_have_url(f"{manage}#documents")
    # a stage
    page.locator(f'a[href="/cabinet/services/{service.slug}/stages/new/"]').click()
    assert axe_violations() == []
    page.locator("[name=action]").fill("Прийом і реєстрація заяви")
    page.locator("[name=responsible]").fill("Адміністратор ЦНАП")
    page.locator("[name=term_unit]").select_option("same_day")
    submit(page)
    expect(page).to_have_url(f"{manage}#stages")
    # then
    expect(page.locator("#cnap-problems li")).to_have_count(1)
    expect(page.locator("main table")).to_have_count(2)
    expect(page.locator("main")).to_contain_text("Паспорт громадянина України")
    expect(page.locator("main")).to_contain_text("Прийом і реєстрація заяви")
    assert axe_violations() == []
    document = RequiredDocument.objects.get(service=service)
    assert (document.title, document.form) == ("Паспорт громадянина України", "copy")
    assert TechCardStage.objects.get(service=service).term_unit == "same_day"


def test_a_refused_publication_shows_its_reasons_and_a_removal_asks_first(
    page: Page, live_server, axe_violations, sign_in
):
    # given
    sign_in(factories.keeper())
    service = factories.complete(factories.draft())
    manage = f"{live_server.url}/cabinet/services/{service.slug}/"
    first = RequiredDocument.objects.get(service=service, order=1)
    # when: a document goes, after the question
    page.goto(manage)
    page.locator(f'a[href$="documents/{first.public_id}/remove/"]').click()
    assert axe_violations() == []
    submit(page)
    expect(page).to_have_url(f"{manage}#documents")
    page.wait_for_load_state("networkidle")
    # and a move by keyboard (the button takes the focus, then Enter)
    move = page.locator(f'form[action$="stages/{_stage(service, 1)}/move/"] button')
    with page.expect_navigation():
        move.press("Enter")
    expect(page).to_have_url(f"{manage}#stages")
    # then
    assert list(
        TechCardStage.objects.filter(service=service)
        .order_by("order")
        .values_list("action", flat=True)
    ) == ["Оформлення дубліката", "Прийом і реєстрація заяви"]
    assert list(
        RequiredDocument.objects.filter(service=service).values_list("title", flat=True)
    ) == ["Паспорт громадянина України"]
    page.locator("button[name=status][value=active]").click()
    expect(page.locator("#cnap-status .govuk-tag--green")).to_be_visible()
    assert axe_violations() == []


def _stage(service, order: int) -> str:
    return str(TechCardStage.objects.get(service=service, order=order).public_id)


def test_the_keepers_pages_are_valid_html(client, tmp_path):
    # given
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: apt-get install -y default-jre-headless")
    assert VNU.exists(), "node_modules/vnu-jar is missing: npm ci"
    client.force_login(factories.keeper())
    service = factories.complete(factories.draft())
    factories.published()
    document = RequiredDocument.objects.get(service=service, order=1)
    base = f"/cabinet/services/{service.slug}/"
    directory = "/cabinet/services/directory/"
    paths = [
        "/cabinet/services/",
        "/cabinet/services/new/",
        base,
        f"{base}edit/",
        f"{base}stages/new/",
        f"{base}legal-basis/new/",
        f"{base}documents/{document.public_id}/",
        f"{base}documents/{document.public_id}/remove/",
        f"{directory}centres/",
        f"{directory}centres/new/",
        f"{directory}providers/",
        f"{directory}providers/new/",
        f"{directory}situations/",
        f"{directory}situations/new/",
    ]
    files: dict[str, str] = {}
    for number, path in enumerate(paths):
        response = client.get(path)
        assert response.status_code == 200, path
        files[f"page-{number}.html"] = path
        (tmp_path / f"page-{number}.html").write_bytes(response.content)
    refused = client.post("/cabinet/services/new/", {"name": "", "term_value": "x"})
    assert refused.status_code == 400
    (tmp_path / "refused.html").write_bytes(refused.content)
    files["refused.html"] = "/cabinet/services/new/ (refused)"
    # when
    checked = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout"]
        + [str(tmp_path / name) for name in files],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    # then
    errors = [
        f"{files[m['url'].rsplit('/', 1)[1]]}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(checked.stdout)["messages"]
    ]
    assert not errors, "\n".join(errors)
