"""The mobile cabinet: a head's inbox, card, resolution, decisions, reviews."""

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.core.models import AuditEvent
from hromada.documents.menus_mobile import register_mobile_menu
from hromada.documents.models import (
    AccessLevel,
    ApprovalDecision,
    ApprovalKind,
    ApprovalTask,
    DocumentAddressee,
    FileRole,
    FileVersion,
    Resolution,
    RouteTemplateStep,
    Task,
    TaskReport,
    TaskReportStatus,
    TaskRole,
    TaskStatus,
)
from hromada.documents.services import routes as route_services
from hromada.documents.tests.factories_control import (
    RegisteredDocumentFactory,
    TaskFactory,
    TaskReportFactory,
    employee_in,
)
from hromada.documents.tests.factories_files import file_with_version, pdf_with_text
from hromada.documents.tests.factories_routes import (
    RouteDocumentFactory,
    RouteTemplateFactory,
)
from hromada.org.tests.factories import OrgUnitFactory
from hromada.signatures import services as signature_services
from hromada.ui import navigation as ui_navigation

pytestmark = pytest.mark.django_db
INBOX = "/cabinet/documents/m/"


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def unit():
    return OrgUnitFactory.create()


@pytest.fixture
def head(unit, client):
    user = employee_in(unit, is_head=True, roles=[Role.UNIT_HEAD], last_name="Мельник")
    client.force_login(user)
    return user


@pytest.fixture
def clerk(unit):
    return employee_in(unit, last_name="Коваль", first_name="Оксана")


@pytest.fixture
def colleague(unit):
    return employee_in(unit, last_name="Бондар", first_name="Ігор")


@pytest.fixture
def letter(unit):
    document = RegisteredDocumentFactory.create(org_unit=unit)
    DocumentAddressee.objects.create(document=document, org_unit=unit)
    return document


def _awaiting(participant, kind=ApprovalKind.VISA, content=None):
    """A card with a PDF and a running route whose one step waits for them."""
    document = RouteDocumentFactory.create()
    document_file = file_with_version(
        document=document, content=content or pdf_with_text("Draft letter")
    )
    template = RouteTemplateFactory.create(kind=document.kind)
    step = RouteTemplateStep.objects.create(template=template, order=1, kind=kind)
    step.participants.set([participant])
    route_services.route_start(
        document=document,
        version=document_file.versions.get(),
        actor=document.created_by,
        template=template,
    )
    return ApprovalTask.objects.get(step__route__document=document)


def _queries(client, url: str) -> int:
    # A first request warms per-process caches (calendar, content types).
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def _resolve_url(document):
    return reverse("documents:mobile_resolve", args=[document.public_id])


def _resolution_post(**fields):
    return {"once": str(uuid.uuid4()), **fields}


# Inbox ----------------------------------------------------------------------


def test_url_names():
    assert reverse("documents:mobile_inbox") == INBOX


def test_the_inbox_leads_each_section_to_its_mobile_page(client, head, letter):
    # given: a letter to resolve, a visa, a signature and a report
    visa = _awaiting(head)
    signature = _awaiting(head, kind=ApprovalKind.SIGN)
    report = TaskReportFactory.create(task__controller=head)

    # when
    response = client.get(INBOX)

    # then
    assert response.status_code == 200
    sections = {s["key"]: s["rows"] for s in response.context["sections"]}
    assert [row.href for row in sections["to_resolve"]] == [
        reverse("documents:mobile_document", args=[letter.public_id])
    ]
    assert [row.href for row in sections["to_approve"]] == [
        reverse("documents:mobile_decide", args=[visa.public_id])
    ]
    assert [row.href for row in sections["to_sign"]] == [
        reverse("documents:mobile_decide", args=[signature.public_id])
    ]
    assert [row.href for row in sections["to_review"]] == [
        reverse("documents:mobile_review", args=[report.task.public_id])
    ]
    assert response.context["overdue"] == 0


def test_the_inbox_counts_overdue_tasks(client, head):
    # given
    TaskFactory.create_batch(
        2, executor=head, due_on=timezone.localdate() - timedelta(days=3)
    )

    # when
    response = client.get(INBOX)

    # then
    assert (response.context["overdue"], response.context["overdue_more"]) == (
        2,
        False,
    )
    assert "?status=overdue" in response.content.decode()


def test_inbox_query_count_does_not_grow_with_rows(client, head):
    # given: one item in each section
    def one_of_each():
        document = RegisteredDocumentFactory.create(org_unit=OrgUnitFactory.create())
        DocumentAddressee.objects.create(document=document, user=head)
        _awaiting(head)
        _awaiting(head, kind=ApprovalKind.SIGN)
        TaskReportFactory.create(task__controller=head)
        TaskFactory.create(
            executor=head, due_on=timezone.localdate() - timedelta(days=1)
        )

    one_of_each()
    one = _queries(client, INBOX)

    # when: five more of each
    for _ in range(5):
        one_of_each()
    six = _queries(client, INBOX)

    # then
    response = client.get(INBOX)
    assert [len(s["rows"]) for s in response.context["sections"]] == [6, 6, 6, 6]
    assert one == six


def test_the_menu_and_the_full_inbox_link_to_the_mobile_cabinet(
    client, head, monkeypatch
):
    # given: a copy of the registry, so the test leaves the menu as it was
    monkeypatch.setattr(
        ui_navigation, "_cabinet_menu", dict(ui_navigation._cabinet_menu)
    )
    register_mobile_menu()

    # when
    entry = next(
        e for e in ui_navigation.cabinet_menu_entries() if e.key == "documents_mobile"
    )
    page = client.get(reverse("documents:inbox")).content.decode()

    # then
    assert (entry.url_name, entry.counter) == ("documents:mobile_inbox", None)
    assert f'href="{INBOX}"' in page


# The card -------------------------------------------------------------------


def test_the_card_shows_its_fields_pages_and_files(client, head, letter):
    # given: a two-page main text and an attachment
    main = file_with_version(
        document=letter, content=pdf_with_text("Main", pages=2), name="lyst.pdf"
    )
    file_with_version(
        document=letter,
        content=pdf_with_text("Annex"),
        name="dodatok.pdf",
        role=FileRole.ATTACHMENT,
    )
    version = main.versions.get()

    # when
    response = client.get(reverse("documents:mobile_document", args=[letter.public_id]))

    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert letter.summary in body
    assert letter.registration_number in body
    assert response.context["preview"].version == version
    assert list(response.context["preview"].pages) == [1, 2]
    for page in (1, 2):
        page_url = reverse("documents:file_page_png", args=[version.public_id, page])
        assert f"{page_url}?width=450" in body
    assert "dodatok.pdf" in body
    assert _resolve_url(letter) in body


def test_the_card_query_count_does_not_grow_with_files_and_tasks(client, head, letter):
    # given
    url = reverse("documents:mobile_document", args=[letter.public_id])
    file_with_version(document=letter)
    TaskFactory.create(resolution__document=letter)
    one = _queries(client, url)

    # when
    for _ in range(5):
        file_with_version(document=letter, role=FileRole.ATTACHMENT)
        TaskFactory.create(resolution__document=letter)
    six = _queries(client, url)

    # then
    assert one == six


def test_a_hidden_card_answers_404(client, head):
    hidden = RegisteredDocumentFactory.create()

    response = client.get(reverse("documents:mobile_document", args=[hidden.public_id]))

    assert response.status_code == 404


def test_reading_a_restricted_card_is_recorded(client, head, unit):
    # given
    document = RegisteredDocumentFactory.create(
        org_unit=unit, access_level=AccessLevel.DSK, holder=head
    )

    # when
    response = client.get(
        reverse("documents:mobile_document", args=[document.public_id])
    )

    # then
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="documents.restricted_read")
    assert (event.actor_id, event.target_id) == (head.pk, str(document.pk))


# Resolution -----------------------------------------------------------------


def test_the_head_resolves_to_two_executors_with_a_phrase(
    client, head, clerk, colleague, letter
):
    # when
    response = client.post(
        _resolve_url(letter),
        _resolution_post(
            phrase="reply",
            responsible=str(clerk.public_id),
            co_executors=[str(colleague.public_id)],
        ),
    )

    # then
    assert response.status_code == 302
    assert response["Location"] == INBOX
    resolution = Resolution.objects.get()
    assert (resolution.text, resolution.author, resolution.entered_by) == (
        "Підготувати відповідь",
        head,
        head,
    )
    assert resolution.due_on > letter.registered_on
    tasks = Task.objects.order_by("role").values_list("executor", "role")
    assert list(tasks) == [
        (colleague.pk, TaskRole.CO_EXECUTOR),
        (clerk.pk, TaskRole.RESPONSIBLE),
    ]


def test_the_text_follows_the_phrase_and_the_term_may_be_set(
    client, head, clerk, letter
):
    # given
    due = timezone.localdate() + timedelta(days=5)

    # when
    client.post(
        _resolve_url(letter),
        _resolution_post(
            phrase="execute",
            text="  Терміново  ",
            responsible=str(clerk.public_id),
            due_on=due.isoformat(),
        ),
    )

    # then
    resolution = Resolution.objects.get()
    assert (resolution.text, resolution.due_on) == ("Для виконання. Терміново", due)


def test_the_form_offers_phrases_and_the_heads_people_only(
    client, head, clerk, colleague, letter
):
    # given
    outsider = employee_in(OrgUnitFactory.create())

    # when
    response = client.get(_resolve_url(letter))

    # then
    form = response.context["form"]
    assert list(form.fields["responsible"].queryset) == [colleague, clerk, head]
    assert outsider not in form.fields["co_executors"].queryset
    body = response.content.decode()
    for phrase in ("Для виконання", "Підготувати відповідь", "До відома"):
        assert phrase in body
    assert 'type="date"' in body


def test_a_resolution_needs_a_phrase_or_a_text(client, head, clerk, letter):
    response = client.post(
        _resolve_url(letter), _resolution_post(responsible=str(clerk.public_id))
    )

    assert response.status_code == 200
    assert response.context["form"].errors["text"] == [
        "Оберіть фразу або напишіть зміст доручення."
    ]
    assert Resolution.objects.exists() is False


def test_naming_one_person_twice_is_refused_with_a_message(client, head, clerk, letter):
    response = client.post(
        _resolve_url(letter),
        _resolution_post(
            phrase="execute",
            responsible=str(clerk.public_id),
            co_executors=[str(clerk.public_id)],
        ),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["co_executors"] == [
        "Кожну особу можна зазначити лише один раз."
    ]
    assert Resolution.objects.exists() is False
    assert Task.objects.exists() is False


def test_someone_outside_the_unit_cannot_be_named(client, head, letter):
    outsider = employee_in(OrgUnitFactory.create())

    response = client.post(
        _resolve_url(letter),
        _resolution_post(phrase="execute", responsible=str(outsider.public_id)),
    )

    assert response.status_code == 200
    assert "responsible" in response.context["form"].errors
    assert Resolution.objects.exists() is False


def test_a_repeated_submit_records_one_resolution(client, head, clerk, letter):
    # given
    data = _resolution_post(phrase="execute", responsible=str(clerk.public_id))

    # when
    first = client.post(_resolve_url(letter), data)
    second = client.post(_resolve_url(letter), data)

    # then: both land in the inbox; one resolution
    assert (first["Location"], second["Location"]) == (INBOX, INBOX)
    assert Resolution.objects.count() == 1
    assert Task.objects.count() == 1


def test_a_non_head_gets_404_for_resolving(client, clerk, colleague, letter):
    # given
    client.force_login(clerk)
    data = _resolution_post(phrase="execute", responsible=str(colleague.public_id))

    # when
    page = client.get(_resolve_url(letter))
    posted = client.post(_resolve_url(letter), data)
    card = client.get(reverse("documents:mobile_document", args=[letter.public_id]))

    # then
    assert (page.status_code, posted.status_code) == (404, 404)
    assert card.context["can_resolve"] is False
    assert Resolution.objects.exists() is False
    assert AuditEvent.objects.filter(action__startswith="documents.resol").exists() is (
        False
    )


# Approval and signature -----------------------------------------------------


def _decide_url(task):
    return reverse("documents:mobile_decide", args=[task.public_id])


def _seen(task):
    return task.step.route.file_version.sha256


def test_the_decision_page_shows_the_routed_version(client, head):
    # given
    task = _awaiting(head, content=pdf_with_text("Routed", pages=3))

    # when
    response = client.get(_decide_url(task))

    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["preview"].version == task.step.route.file_version
    assert list(response.context["preview"].pages) == [1, 2, 3]
    assert 'name="decision" value="approved"' in body
    assert 'name="decision" value="returned"' in body
    assert "Погодити" in body


def test_the_head_approves_with_one_tap(client, head):
    # given
    task = _awaiting(head)

    # when
    response = client.post(
        _decide_url(task), {"decision": "approved", "seen_sha256": _seen(task)}
    )

    # then
    assert response["Location"] == INBOX
    task.refresh_from_db()
    assert (task.decision, task.decided_by) == (ApprovalDecision.APPROVED, head)


def test_returning_needs_a_comment_and_changes_nothing_without_it(client, head):
    # given
    task = _awaiting(head)

    # when
    response = client.post(
        _decide_url(task), {"decision": "returned", "seen_sha256": _seen(task)}
    )

    # then
    assert response.status_code == 200
    assert response.context["form"].errors["comment"] == [
        "Зазначте, чому документ відхилено або повернуто."
    ]
    task.refresh_from_db()
    assert task.decision == ApprovalDecision.PENDING


def test_the_head_returns_with_a_comment(client, head):
    task = _awaiting(head)

    client.post(
        _decide_url(task),
        {
            "decision": "returned",
            "comment": "Уточніть суму",
            "seen_sha256": _seen(task),
        },
    )

    task.refresh_from_db()
    assert (task.decision, task.comment) == (ApprovalDecision.RETURNED, "Уточніть суму")


def test_a_decision_the_step_does_not_offer_is_refused(client, head):
    task = _awaiting(head)

    response = client.post(
        _decide_url(task), {"decision": "rejected", "seen_sha256": _seen(task)}
    )

    assert response.context["form"].non_field_errors() == ["Оберіть рішення."]
    task.refresh_from_db()
    assert task.decision == ApprovalDecision.PENDING


def test_a_repeated_decision_records_one_and_says_so(client, head):
    # given
    task = _awaiting(head)
    data = {"decision": "approved", "seen_sha256": _seen(task)}

    # when
    first = client.post(_decide_url(task), data)
    second = client.post(_decide_url(task), data, follow=True)

    # then
    assert first["Location"] == INBOX
    assert second.redirect_chain == [(INBOX, 302)]
    assert "Ваше рішення щодо цього документа вже зафіксовано." in (
        second.content.decode()
    )
    assert AuditEvent.objects.filter(action="documents.route_decide").count() == 1


def test_someone_elses_decided_approval_answers_404(client, head, clerk):
    # given
    task = _awaiting(clerk)
    client.force_login(clerk)
    client.post(_decide_url(task), {"decision": "approved", "seen_sha256": _seen(task)})
    client.force_login(head)

    # when
    response = client.get(_decide_url(task))

    # then
    assert response.status_code == 404


def test_someone_elses_approval_answers_404(client, head, clerk):
    # given
    task = _awaiting(clerk)

    # when
    page = client.get(_decide_url(task))
    posted = client.post(
        _decide_url(task), {"decision": "approved", "seen_sha256": _seen(task)}
    )

    # then
    assert (page.status_code, posted.status_code) == (404, 404)
    task.refresh_from_db()
    assert task.decision == ApprovalDecision.PENDING


def test_the_head_signs_with_the_demo_certificate(client, head, settings):
    # given
    settings.HROMADA_DEMO_PKI = True
    signature_services.certificate_issue_demo(user=head)
    task = _awaiting(head, kind=ApprovalKind.SIGN)

    # when
    response = client.post(
        _decide_url(task), {"decision": "approved", "seen_sha256": _seen(task)}
    )

    # then
    assert response["Location"] == INBOX
    task.refresh_from_db()
    assert task.decision == ApprovalDecision.APPROVED
    signed = FileVersion.objects.get(document_file__role=FileRole.SIGNED)
    assert signed.document_file.document == task.step.route.document
    assert "Документ підписано." in client.get(INBOX).content.decode()


def test_signing_without_a_certificate_shows_why(client, head):
    # given
    task = _awaiting(head, kind=ApprovalKind.SIGN)

    # when
    response = client.post(
        _decide_url(task), {"decision": "approved", "seen_sha256": _seen(task)}
    )

    # then
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "У вас немає чинного сертифіката для підпису. Зверніться до адміністратора."
    ]
    task.refresh_from_db()
    assert task.decision == ApprovalDecision.PENDING
    assert FileVersion.objects.filter(document_file__role=FileRole.SIGNED).exists() is (
        False
    )


# Report review --------------------------------------------------------------


def _review_url(report):
    return reverse("documents:mobile_review", args=[report.task.public_id])


def test_the_head_accepts_a_report(client, head):
    report = TaskReportFactory.create(task__controller=head)

    response = client.post(_review_url(report), {"decision": "accept"})

    assert response["Location"] == INBOX
    report.task.refresh_from_db()
    assert report.task.status == TaskStatus.DONE


def test_returning_a_report_needs_what_to_rework(client, head):
    # given
    report = TaskReportFactory.create(task__controller=head)

    # when
    refused = client.post(_review_url(report), {"decision": "return"})
    returned = client.post(
        _review_url(report), {"decision": "return", "comment": "Додайте акт"}
    )

    # then
    assert refused.context["form"].errors["comment"] == [
        "Зазначте, що потрібно доопрацювати."
    ]
    assert returned["Location"] == INBOX
    report.refresh_from_db()
    assert report.status == TaskReportStatus.RETURNED


def test_a_repeated_review_records_one_and_says_so(client, head):
    # given
    report = TaskReportFactory.create(task__controller=head)

    # when
    client.post(_review_url(report), {"decision": "accept"})
    second = client.post(_review_url(report), {"decision": "accept"}, follow=True)

    # then
    assert second.redirect_chain == [(INBOX, 302)]
    assert "Жоден звіт за цим дорученням не чекає на розгляд." in (
        second.content.decode()
    )
    assert AuditEvent.objects.filter(action="documents.task_report_accept").count() == 1


def test_someone_elses_report_answers_404(client, head):
    report = TaskReportFactory.create()

    response = client.post(_review_url(report), {"decision": "accept"})

    assert response.status_code == 404
    assert TaskReport.objects.get().status == TaskReportStatus.SUBMITTED
