"""The mobile cabinet: the inbox, the card and a head's резолюція."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hromada.core.models import AuditEvent
from hromada.documents.menus_mobile import register_mobile_menu
from hromada.documents.models import (
    AccessLevel,
    ApprovalKind,
    FileRole,
    Resolution,
    Task,
    TaskRole,
)
from hromada.documents.tests.factories_control import (
    DocumentAddresseeFactory,
    RegisteredDocumentFactory,
    TaskFactory,
    TaskReportFactory,
    employee_in,
)
from hromada.documents.tests.factories_files import file_with_version, pdf_with_text
from hromada.documents.tests.mobile.world import (
    INBOX,
    awaiting,
    query_count,
    resolution_post,
    resolve_url,
)
from hromada.org.tests.factories import OrgUnitFactory
from hromada.ui import navigation as ui_navigation

pytestmark = pytest.mark.django_db


# Inbox ----------------------------------------------------------------------


def test_url_names():
    assert reverse("documents:mobile_inbox") == INBOX


def test_the_inbox_leads_each_section_to_its_mobile_page(client, head, letter):
    # given: a letter to resolve, a visa, a signature and a report
    visa = awaiting(head)
    signature = awaiting(head, kind=ApprovalKind.SIGN)
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


def test_a_full_section_says_it_may_hold_more(client, head):
    # given: more reports to review than a section shows
    TaskReportFactory.create_batch(26, task__controller=head)

    # when
    response = client.get(INBOX)

    # then: "25+" on the tile and the heading, and the way to all of them
    content = response.content.decode()
    assert '<span class="hromada-mobile__tile-count">25+</span>' in content
    assert "(25+)" in content
    assert "Показано 25 найтерміновіших." in content


def test_inbox_query_count_does_not_grow_with_rows(client, head):
    # given: one item in each section
    def one_of_each():
        document = RegisteredDocumentFactory.create(org_unit=OrgUnitFactory.create())
        DocumentAddresseeFactory(document=document, user=head)
        awaiting(head)
        awaiting(head, kind=ApprovalKind.SIGN)
        TaskReportFactory.create(task__controller=head)
        TaskFactory.create(
            executor=head, due_on=timezone.localdate() - timedelta(days=1)
        )

    one_of_each()
    one = query_count(client, INBOX)

    # when: five more of each
    for _ in range(5):
        one_of_each()
    six = query_count(client, INBOX)

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
    assert resolve_url(letter) in body


def test_the_card_query_count_does_not_grow_with_files_and_tasks(client, head, letter):
    # given
    url = reverse("documents:mobile_document", args=[letter.public_id])
    file_with_version(document=letter)
    TaskFactory.create(resolution__document=letter)
    one = query_count(client, url)

    # when
    for _ in range(5):
        file_with_version(document=letter, role=FileRole.ATTACHMENT)
        TaskFactory.create(resolution__document=letter)
    six = query_count(client, url)

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
        resolve_url(letter),
        resolution_post(
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
        resolve_url(letter),
        resolution_post(
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
    response = client.get(resolve_url(letter))

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
        resolve_url(letter), resolution_post(responsible=str(clerk.public_id))
    )

    assert response.status_code == 200
    assert response.context["form"].errors["text"] == [
        "Оберіть фразу або напишіть зміст доручення."
    ]
    assert Resolution.objects.exists() is False


def test_naming_one_person_twice_is_refused_with_a_message(client, head, clerk, letter):
    response = client.post(
        resolve_url(letter),
        resolution_post(
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
        resolve_url(letter),
        resolution_post(phrase="execute", responsible=str(outsider.public_id)),
    )

    assert response.status_code == 200
    assert "responsible" in response.context["form"].errors
    assert Resolution.objects.exists() is False


def test_a_repeated_submit_records_one_resolution(client, head, clerk, letter):
    # given
    data = resolution_post(phrase="execute", responsible=str(clerk.public_id))

    # when
    first = client.post(resolve_url(letter), data)
    second = client.post(resolve_url(letter), data)

    # then: both land in the inbox; one resolution
    assert (first["Location"], second["Location"]) == (INBOX, INBOX)
    assert Resolution.objects.count() == 1
    assert Task.objects.count() == 1


def test_a_non_head_gets_404_for_resolving(client, clerk, colleague, letter):
    # given
    client.force_login(clerk)
    data = resolution_post(phrase="execute", responsible=str(colleague.public_id))

    # when
    page = client.get(resolve_url(letter))
    posted = client.post(resolve_url(letter), data)
    card = client.get(reverse("documents:mobile_document", args=[letter.public_id]))

    # then
    assert (page.status_code, posted.status_code) == (404, 404)
    assert card.context["can_resolve"] is False
    assert Resolution.objects.exists() is False
    assert AuditEvent.objects.filter(action__startswith="documents.resol").exists() is (
        False
    )
