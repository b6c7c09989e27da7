from email.message import EmailMessage

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    AccessLevel,
    Document,
    DocumentKind,
    DocumentStatus,
)
from hromada.documents.tests.factories_cards import (
    CorrespondentFactory,
    DocumentFactory,
    JournalFactory,
)
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrar(client, settings):
    settings.HROMADA_DEMO = True
    user = UserFactory.create(roles=[Role.REGISTRAR])
    client.force_login(user)
    return user


@pytest.fixture
def executor(client, settings):
    settings.HROMADA_DEMO = True
    user = UserFactory.create(roles=[Role.EXECUTOR])
    client.force_login(user)
    return user


def detail_url(document):
    return reverse("documents:document_detail", args=[document.public_id])


def test_list_shows_visible_cards(client, registrar):
    # given
    DocumentFactory.create(summary="Про ремонт мосту", registered=True)

    # when
    response = client.get(reverse("documents:document_list"))

    # then
    assert response.status_code == 200
    assert [d.summary for d in response.context["page"].object_list] == [
        "Про ремонт мосту"
    ]


def test_list_query_count_does_not_grow_with_rows(
    client, registrar, django_assert_num_queries
):
    # given
    DocumentFactory.create_batch(5, registered=True)
    client.get(reverse("documents:document_list"))  # warm the session

    # when: session, user, roles, substitutions (2), posts (held and headed
    # in one), unit tree, count, one page of cards with their joins
    with django_assert_num_queries(9):  # incl. 1 for the cabinet menu's counters
        response = client.get(reverse("documents:document_list"))

    # then
    assert len(response.context["page"].object_list) == 5


def test_list_search_finds_by_number_without_leaking(
    client, registrar, django_capture_on_commit_callbacks
):
    # given: one open card and one ДСК card the registrar is not named on
    from hromada.documents.services import registration

    journal = JournalFactory.create()
    clerk = UserFactory.create(roles=[Role.REGISTRAR])
    open_card = DocumentFactory.create(org_unit=journal.org_unit)
    hidden = DocumentFactory.create(
        org_unit=journal.org_unit, access_level=AccessLevel.DSK, created_by=clerk
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration.document_register(document=open_card, journal=journal, actor=clerk)
        registration.document_register(document=hidden, journal=journal, actor=clerk)

    # when
    found = client.get(reverse("documents:document_list"), {"q": "1/01-12"})
    leaked = client.get(reverse("documents:document_list"), {"q": "2/01-12"})

    # then
    assert [d.pk for d in found.context["page"].object_list] == [open_card.pk]
    assert list(leaked.context["page"].object_list) == []


def test_detail_of_a_hidden_card_is_404(client, executor):
    document = DocumentFactory.create(registered=True)

    assert client.get(detail_url(document)).status_code == 404


def test_detail_shows_the_card(client, registrar):
    # given
    document = DocumentFactory.create(registered=True)

    # when
    response = client.get(detail_url(document))

    # then
    assert response.status_code == 200
    assert response.context["document"] == document
    assert document.registration_number in response.content.decode()
    assert AuditEvent.objects.exists() is False


def test_detail_of_a_dsk_card_records_the_read(client, registrar):
    # given
    document = DocumentFactory.create(
        access_level=AccessLevel.DSK, created_by=registrar
    )

    # when
    response = client.get(detail_url(document))

    # then
    assert response.status_code == 200
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.target_id) == (
        "documents.restricted_read",
        registrar,
        str(document.pk),
    )


def test_register_post_numbers_and_redirects(client, registrar):
    # given
    journal = JournalFactory.create()
    document = DocumentFactory.create(org_unit=journal.org_unit)

    # when
    response = client.post(
        reverse("documents:document_register", args=[document.public_id]),
        {"journal": str(journal.public_id)},
    )

    # then
    assert (response.status_code, response.url) == (302, detail_url(document))
    document.refresh_from_db()
    assert (document.status, document.registration_number) == (
        DocumentStatus.REGISTERED,
        "1/01-12",
    )


def test_register_post_with_missing_fields_shows_errors(client, registrar):
    # given
    journal = JournalFactory.create()
    document = DocumentFactory.create(org_unit=journal.org_unit, correspondent=None)

    # when
    response = client.post(
        reverse("documents:document_register", args=[document.public_id]),
        {"journal": str(journal.public_id)},
    )

    # then
    assert response.status_code == 400
    assert response.context["register_form"].non_field_errors() == [
        "Заповніть картку перед реєстрацією.",
        "Заповніть поле «кореспондент».",
    ]
    document.refresh_from_db()
    assert document.status == DocumentStatus.DRAFT


def test_register_post_with_a_journal_of_another_kind_is_refused(client, registrar):
    # given
    orders = JournalFactory.create(kind=DocumentKind.ORDER)
    document = DocumentFactory.create(org_unit=orders.org_unit)

    # when
    response = client.post(
        reverse("documents:document_register", args=[document.public_id]),
        {"journal": str(orders.public_id)},
    )

    # then
    assert response.status_code == 400
    assert list(response.context["register_form"].errors) == ["journal"]


def test_create_asks_the_kind_first(client, registrar):
    response = client.get(reverse("documents:document_create"))

    assert response.status_code == 200
    assert response.templates[0].name == "documents/document_kind.html"


def test_create_saves_a_draft(client, registrar):
    # given
    unit = OrgUnitFactory.create()
    correspondent = CorrespondentFactory.create()

    # when
    response = client.post(
        reverse("documents:document_create") + "?kind=incoming",
        {
            "org_unit": str(unit.public_id),
            "summary": "Про благоустрій парку",
            "correspondent": str(correspondent.public_id),
            "channel": "post",
            "access_level": "internal",
        },
    )

    # then
    document = Document.objects.get()
    assert (response.status_code, response.url) == (302, detail_url(document))
    assert (document.kind, document.summary, document.holder) == (
        DocumentKind.INCOMING,
        "Про благоустрій парку",
        registrar,
    )


def test_create_sent_twice_saves_one_draft(client, registrar):
    # given: the form as shown, with its key
    unit = OrgUnitFactory.create()
    form_page = client.get(reverse("documents:document_create") + "?kind=incoming")
    data = {
        "once": str(form_page.context["form"]["once"].initial),
        "org_unit": str(unit.public_id),
        "summary": "Про благоустрій парку",
        "channel": "post",
        "access_level": "internal",
    }

    # when: a double click
    url = reverse("documents:document_create") + "?kind=incoming"
    first, second = client.post(url, data), client.post(url, data)

    # then: one draft; both answers lead to it
    document = Document.objects.get()
    assert (first.url, second.url) == (detail_url(document), detail_url(document))


def test_create_with_bad_input_shows_errors(client, registrar):
    # when
    response = client.post(
        reverse("documents:document_create") + "?kind=incoming",
        {
            "org_unit": str(OrgUnitFactory.create().public_id),
            "summary": "Про таємне",
            "channel": "post",
            "access_level": "restricted",
        },
    )

    # then
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["access_basis"]
    assert Document.objects.exists() is False


def test_edit_updates_a_draft(client, registrar):
    # given
    document = DocumentFactory.create(created_by=registrar)

    # when
    response = client.post(
        reverse("documents:document_edit", args=[document.public_id]),
        {
            "summary": "Уточнений зміст",
            "correspondent": str(document.correspondent.public_id),
            "channel": "email",
            "access_level": "internal",
        },
    )

    # then
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.summary, document.channel) == ("Уточнений зміст", "email")


def test_cancel_post_voids_the_card(client, registrar):
    document = DocumentFactory.create(registered=True)

    response = client.post(
        reverse("documents:document_cancel", args=[document.public_id]),
        {"reason": "Дублікат"},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == DocumentStatus.CANCELLED


def test_reply_post_creates_a_linked_draft(client, registrar):
    # given
    incoming = DocumentFactory.create(registered=True)

    # when
    response = client.post(
        reverse("documents:document_reply", args=[incoming.public_id])
    )

    # then
    reply = Document.objects.get(kind=DocumentKind.OUTGOING)
    assert response.url == reverse("documents:document_edit", args=[reply.public_id])
    assert reply.links_out.get().target == incoming


def test_intake_upload_makes_a_draft(client, registrar):
    # given
    message = EmailMessage()
    message["From"] = "Коваль Олена <olena@mail.example>"
    message["Subject"] = "Скарга на освітлення"
    message["Message-ID"] = "<upload-1@mail.example>"
    message.set_content("Не світять ліхтарі на вул. Лесі Українки.")
    unit = OrgUnitFactory.create()

    # when
    response = client.post(
        reverse("documents:intake_upload"),
        {
            "org_unit": str(unit.public_id),
            "letter": SimpleUploadedFile("letter.eml", message.as_bytes()),
        },
    )

    # then
    document = Document.objects.get()
    assert (response.status_code, response.url) == (302, detail_url(document))
    assert document.source_message_id == "<upload-1@mail.example>"


def test_intake_upload_is_for_registrars(client, executor):
    assert client.get(reverse("documents:intake_upload")).status_code == 404


def test_journal_list(client, registrar):
    JournalFactory.create(name="Вхідна кореспонденція")

    response = client.get(reverse("documents:journal_list"))

    assert [j.name for j in response.context["journals"]] == ["Вхідна кореспонденція"]


def test_card_detail_asks_the_visibility_question_once(client, settings):
    # given: a registrar opening a registered card (many rules start with
    # can_view; before the answer was kept per instance the page ran ~70
    # queries)
    settings.HROMADA_DEMO = True
    registrar = UserFactory.create(roles=[Role.REGISTRAR])
    document = DocumentFactory.create(registered=True, created_by=registrar)
    client.force_login(registrar)
    url = f"/cabinet/documents/{document.public_id}/"
    client.get(url)  # warm per-process caches

    # when
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)

    # then
    assert response.status_code == 200
    assert len(captured.captured_queries) <= 40
