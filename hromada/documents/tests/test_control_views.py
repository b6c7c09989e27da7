"""Cabinet pages of control: Today, resolution form, task page, reports."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.documents.models import Resolution, Task, TaskStatus
from hromada.documents.tests.factories_control import (
    DocumentAddresseeFactory,
    RegisteredDocumentFactory,
    TaskFactory,
    employee_in,
)
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def head(client):
    user = employee_in(OrgUnitFactory.create(), is_head=True, roles=[Role.UNIT_HEAD])
    client.force_login(user)
    return user


def test_url_names():
    assert reverse("documents:inbox") == "/cabinet/documents/inbox/"
    assert reverse("documents:control_journal") == "/cabinet/documents/control/"
    assert reverse("documents:discipline_report") == (
        "/cabinet/documents/control/discipline/"
    )


def test_inbox_lists_tasks_with_links(client, head):
    # given
    task = TaskFactory.create(executor=head, due_on=timezone.localdate())

    # when
    response = client.get(reverse("documents:inbox"))

    # then
    assert response.status_code == 200
    content = response.content.decode()
    assert reverse("documents:task_detail", args=[task.public_id]) in content
    assert task.document.registration_number in content


def test_inbox_row_shows_the_card_the_ask_the_due_date_and_desk_time(client, head):
    # given: a long summary and a long instruction, due in a week
    due = timezone.localdate() + timedelta(days=7)
    task = TaskFactory.create(
        executor=head,
        due_on=due,
        resolution__document__summary="Про ремонт " + "дороги " * 30,
        resolution__text="Підготувати відповідь " * 20,
    )

    # when
    content = client.get(reverse("documents:inbox")).content.decode()

    # then: cut as truncatechars cuts, with "…"; the date as Ukrainians write
    # it; the desk time in the right plural form
    assert task.document.summary[:119] + "…" in content
    assert task.resolution.text[:159] + "…" in content
    assert f'Строк: <time datetime="{due.isoformat()}">' in content
    assert "На столі 0 робочих днів." in content


def test_inbox_shows_the_most_urgent_rows_and_points_to_the_journal(client, head):
    # given: more open tasks than a section shows
    today = timezone.localdate()
    tasks = [
        TaskFactory.create(executor=head, due_on=today + timedelta(days=n))
        for n in range(1, 28)
    ]

    # when
    content = client.get(reverse("documents:inbox")).content.decode()

    # then: the 25 due first, then a link to all of them; the heading and
    # the page's total say "at least"
    shown = [reverse("documents:task_detail", args=[t.public_id]) for t in tasks]
    assert all(href in content for href in shown[:25])
    assert not any(href in content for href in shown[25:])
    assert "Показано 25 найтерміновіших." in content
    assert 'href="#inbox-to_execute">До виконання (25+)</a>' in content
    assert "На вас чекають щонайменше 25 справ." in content


def test_inbox_counts_a_section_exactly_while_it_shows_everything(client, head):
    # given: fewer tasks than a section shows
    TaskFactory.create_batch(3, executor=head)

    # when
    content = client.get(reverse("documents:inbox")).content.decode()

    # then
    assert 'href="#inbox-to_execute">До виконання (3)</a>' in content
    assert "На вас чекають 3 справи." in content
    assert "найтерміновіших" not in content


def _queries(client, url: str) -> int:
    # A first request warms per-process caches (calendar, content types)
    # that new rows may have invalidated; the second is measured.
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_inbox_query_count_does_not_grow_with_rows(client, head):
    # given: one task, measured after a warm-up request (process caches)
    url = reverse("documents:inbox")
    TaskFactory.create(executor=head)
    one = _queries(client, url)

    # when: five more
    TaskFactory.create_batch(5, executor=head)
    six = _queries(client, url)

    # then: session, user, roles, substitutions, the calendar's version,
    # posts; one query picks every section's rows, one fetches the tasks;
    # the menu's counters
    assert one == six == 9


def test_control_journal_query_count_stays_bounded(client, head):
    # Run alone this page takes two queries more with seven rows than with
    # two; inside the whole suite the counts are equal, so a process cache
    # is involved (issue 3 note). The ceiling holds either way.
    url = reverse("documents:control_journal")
    TaskFactory.create_batch(2, controller=head)
    two = _queries(client, url)

    TaskFactory.create_batch(5, controller=head)
    seven = _queries(client, url)

    assert 9 <= two <= seven <= 13


def test_head_writes_a_resolution_through_the_form(client, head):
    # given
    unit_id = head.employments.get().position.org_unit_id
    document = RegisteredDocumentFactory.create(org_unit_id=unit_id)
    DocumentAddresseeFactory(document=document, org_unit_id=unit_id)
    clerk = employee_in(head.employments.get().position.org_unit)
    url = reverse("documents:resolution_create", args=[document.public_id])

    # when
    form_page = client.get(url)
    response = client.post(
        url,
        {"text": "Підготувати відповідь", "responsible": str(clerk.public_id)},
    )

    # then
    assert form_page.status_code == 200
    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.executor, task.controller) == (clerk, head)


def test_a_resolution_sent_twice_is_recorded_once(client, head):
    # given
    unit = head.employments.get().position.org_unit
    document = RegisteredDocumentFactory.create(org_unit=unit)
    DocumentAddresseeFactory(document=document, org_unit=unit)
    clerk = employee_in(unit)
    url = reverse("documents:resolution_create", args=[document.public_id])
    key = client.get(url).context["form"]["once"].initial
    data = {"once": str(key), "text": "Опрацювати", "responsible": str(clerk.public_id)}

    # when
    first, second = client.post(url, data), client.post(url, data)

    # then
    assert (first.status_code, second.status_code) == (302, 302)
    assert Resolution.objects.count() == 1
    assert Task.objects.count() == 1


def test_the_executor_reports_and_the_controller_accepts(client, head):
    # given
    clerk = UserFactory.create(roles=[Role.EXECUTOR])
    task = TaskFactory.create(executor=clerk, controller=head, resolution__author=head)
    client.force_login(clerk)

    # when
    client.post(reverse("documents:task_report", args=[task.public_id]), {"text": "Є"})
    client.force_login(head)
    page = client.get(reverse("documents:task_detail", args=[task.public_id]))
    client.post(
        reverse("documents:task_report_review", args=[task.public_id]),
        {"decision": "accept"},
    )

    # then
    assert page.context["can_review"] is True
    task.refresh_from_db()
    assert (task.status, task.done_on) == (TaskStatus.DONE, timezone.localdate())


def test_a_hidden_task_answers_404(client, head):
    task = TaskFactory.create()

    response = client.get(reverse("documents:task_detail", args=[task.public_id]))

    assert response.status_code == 404


def test_discipline_downloads(client, head):
    # given
    TaskFactory.create(due_on=timezone.localdate() - timedelta(days=1))

    # when
    xlsx = client.get(reverse("documents:discipline_report_xlsx"))
    pdf = client.get(reverse("documents:discipline_report_pdf"))
    page = client.get(reverse("documents:discipline_report"))

    # then
    assert page.status_code == 200
    sheet = load_workbook(BytesIO(xlsx.content)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert len(header) == 7
    assert sheet.max_row == 2
    assert xlsx["Content-Disposition"].startswith('attachment; filename="discipline-')
    assert pdf.content.startswith(b"%PDF")
    assert pdf["Content-Type"] == "application/pdf"


def test_an_executor_gets_no_discipline_report(client):
    client.force_login(UserFactory.create(roles=[Role.EXECUTOR]))

    response = client.get(reverse("documents:discipline_report"))

    assert response.status_code == 404


def test_the_card_panel_lists_resolutions_and_offers_a_resolution(rf, head):
    # given
    from django.template import Context, Template

    from hromada.documents.tests.factories_control import ResolutionFactory

    unit = head.employments.get().position.org_unit
    document = RegisteredDocumentFactory.create(org_unit=unit)
    task = TaskFactory.create(
        resolution=ResolutionFactory.create(document=document, text="Розглянути")
    )
    request = rf.get("/")
    request.user = head

    # when
    html = Template('{% include "documents/_document_tasks.html" %}').render(
        Context({"document": document, "request": request})
    )

    # then
    assert "«Розглянути»" in html
    assert reverse("documents:task_detail", args=[task.public_id]) in html
    assert reverse("documents:resolution_create", args=[document.public_id]) in html


def test_the_menu_entries_are_registered():
    from hromada.documents.menus_control import register_control_menu
    from hromada.ui import navigation

    register_control_menu()

    entries = navigation._cabinet_menu
    assert (entries["documents_inbox"].url_name, entries["documents_inbox"].order) == (
        "documents:inbox",
        10,
    )
    assert entries["documents_control"].url_name == "documents:control_journal"


# Cancelling a resolution ----------------------------------------------------


@pytest.fixture
def resolved(head):
    from hromada.documents.services import resolutions

    unit = head.employments.get().position.org_unit
    document = RegisteredDocumentFactory.create(org_unit=unit)
    DocumentAddresseeFactory(document=document, org_unit=unit)
    clerk = employee_in(unit)
    resolution = resolutions.resolution_create(
        document=document,
        author=head,
        entered_by=head,
        text="Розглянути",
        executors=[clerk],
    )
    return resolution, clerk


def test_the_author_cancels_through_the_confirmation_page(client, head, resolved):
    # given
    resolution, clerk = resolved
    url = reverse("documents:resolution_cancel", args=[resolution.public_id])

    # when
    page = client.get(url)
    refused = client.post(url, {"reason": ""})
    done = client.post(url, {"reason": "Документ надіслано помилково"})

    # then
    assert page.status_code == 200
    assert [t.executor for t in page.context["tasks"]] == [clerk]
    assert list(refused.context["form"].errors) == ["reason"]
    assert done.status_code == 302
    assert done["Location"] == reverse(
        "documents:document_detail", args=[resolution.document.public_id]
    )
    resolution.refresh_from_db()
    assert (resolution.status, resolution.cancel_reason) == (
        "cancelled",
        "Документ надіслано помилково",
    )
    assert Task.objects.get().status == TaskStatus.CANCELLED


def test_others_get_404_and_nothing_changes(client, resolved):
    # given
    resolution, clerk = resolved
    url = reverse("documents:resolution_cancel", args=[resolution.public_id])
    stranger = employee_in(OrgUnitFactory.create(), is_head=True)

    # when
    answers = []
    for user in (clerk, stranger):
        client.force_login(user)
        answers += [client.get(url).status_code, client.post(url, {"reason": "Так"})]

    # then
    assert [a if isinstance(a, int) else a.status_code for a in answers] == [404] * 4
    resolution.refresh_from_db()
    assert resolution.status == "active"


def test_a_cancelled_resolution_answers_404(client, head, resolved):
    # given
    from hromada.documents.services import control_cancel

    resolution, _clerk = resolved
    control_cancel.resolution_cancel(resolution=resolution, actor=head, reason="Раз")

    # when
    response = client.get(
        reverse("documents:resolution_cancel", args=[resolution.public_id])
    )

    # then
    assert response.status_code == 404


def test_an_executed_resolution_shows_the_refusal(client, head, resolved):
    # given
    from hromada.documents.services import control

    resolution, _clerk = resolved
    control.task_remove_from_control(
        task=Task.objects.get(), actor=head, basis="До справи"
    )

    # when
    response = client.post(
        reverse("documents:resolution_cancel", args=[resolution.public_id]),
        {"reason": "Пізно"},
    )

    # then
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Резолюцію не можна скасувати: звіт за нею вже прийнято або доручення "
        "знято з контролю."
    ]


def _panel(document, user):
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    return Template('{% include "documents/_document_tasks.html" %}').render(
        Context({"document": document, "request": request})
    )


def test_the_card_panel_offers_cancelling_to_the_author_only(head, resolved):
    # given
    resolution, clerk = resolved
    url = reverse("documents:resolution_cancel", args=[resolution.public_id])

    # when
    for_head = _panel(resolution.document, head)
    for_clerk = _panel(resolution.document, clerk)

    # then
    assert url in for_head
    assert url not in for_clerk


def test_the_card_panel_shows_a_cancelled_resolution(head, resolved):
    # given
    from hromada.documents.services import control_cancel

    resolution, _clerk = resolved
    control_cancel.resolution_cancel(resolution=resolution, actor=head, reason="Дубль")

    # when
    html = _panel(resolution.document, head)

    # then
    assert "Скасовано" in html
    assert "Дубль" in html
    assert reverse("documents:resolution_cancel", args=[resolution.public_id]) not in (
        html
    )


def test_the_card_panel_queries_do_not_grow_with_resolutions(head, resolved):
    # given: a viewer above the author, so every rule is asked in full
    from hromada.documents.tests.factories_control import ResolutionFactory

    resolution, _clerk = resolved
    document = resolution.document
    mayor = UserFactory.create(roles=[Role.MAYOR])

    def measured() -> int:
        fresh = type(document).objects.get(pk=document.pk)
        with CaptureQueriesContext(connection) as captured:
            _panel(fresh, mayor)
        return len(captured.captured_queries)

    measured()
    one = measured()

    # when
    for _n in range(4):
        TaskFactory.create(resolution=ResolutionFactory.create(document=document))
    five = measured()

    # then
    assert one == five
