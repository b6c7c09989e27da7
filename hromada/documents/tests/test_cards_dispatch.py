"""Dispatch of outgoing letters by the office (EDMS-16)."""

import pytest
from django.core import mail
from django_tasks import default_task_backend

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import AuditEvent
from hromada.documents.models import Channel, DocumentKind, DocumentStatus, FileRole
from hromada.documents.services import dispatch
from hromada.documents.tests.factories_cards import DocumentFactory
from hromada.documents.tests.factories_files import file_with_version
from hromada.notifications import services as notification_services
from hromada.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrar():
    return UserFactory.create(roles=[Role.REGISTRAR])


@pytest.fixture
def letter(registrar):
    return DocumentFactory.create(
        kind=DocumentKind.OUTGOING, registered=True, created_by=registrar
    )


def _audit_count() -> int:
    return AuditEvent.objects.filter(action="documents.dispatch").count()


def test_a_signed_letter_is_sent_by_email_with_its_pdf(
    letter, registrar, django_capture_on_commit_callbacks
):
    # given: the signed copy of the letter
    signed = file_with_version(document=letter, actor=registrar, role=FileRole.SIGNED)
    stored = signed.versions.get().stored_file

    # when
    with django_capture_on_commit_callbacks(execute=True):
        dispatch.document_dispatch(
            document=letter,
            actor=registrar,
            channel=Channel.EMAIL,
            email="office@romashka.example",
        )

    # then: dispatched, audited, and the outbox carries the signed PDF
    letter.refresh_from_db()
    assert (letter.status, letter.dispatched_by) == (
        DocumentStatus.DISPATCHED,
        registrar,
    )
    event = AuditEvent.objects.get(action="documents.dispatch")
    assert event.data == {
        "from": "registered",
        "channel": "email",
        "email": "office@romashka.example",
        "signed_sha256": stored.sha256,
    }
    notification = Notification.objects.get()
    assert list(notification.attachments.all()) == [stored]
    assert [r.task.name for r in default_task_backend.results] == [
        "notification_deliver"
    ]

    # when: the outbox delivers it
    notification_services.notification_deliver(notification_id=notification.pk)

    # then
    message = mail.outbox[0]
    assert message.to == ["office@romashka.example"]
    assert [(name, mime) for name, _data, mime in message.attachments] == [
        (stored.original_name, "application/pdf")
    ]


def test_an_unsigned_letter_cannot_go_by_email_and_nothing_changes(letter, registrar):
    with pytest.raises(ApplicationError) as refusal:
        dispatch.document_dispatch(
            document=letter,
            actor=registrar,
            channel=Channel.EMAIL,
            email="office@romashka.example",
        )

    assert refusal.value.code == "not_signed"
    letter.refresh_from_db()
    assert letter.status == DocumentStatus.REGISTERED
    assert (_audit_count(), Notification.objects.count()) == (0, 0)


def test_a_letter_signed_on_paper_is_marked_sent_by_post(letter, registrar):
    dispatch.document_dispatch(document=letter, actor=registrar, channel=Channel.POST)

    letter.refresh_from_db()
    assert letter.status == DocumentStatus.DISPATCHED
    assert Notification.objects.exists() is False
    assert _audit_count() == 1


def test_dispatching_twice_is_refused(letter, registrar):
    dispatch.document_dispatch(document=letter, actor=registrar, channel=Channel.POST)

    with pytest.raises(ApplicationError):
        dispatch.document_dispatch(
            document=letter, actor=registrar, channel=Channel.POST
        )

    assert _audit_count() == 1


def test_a_bad_address_is_explained(letter, registrar):
    with pytest.raises(ApplicationError) as refusal:
        dispatch.document_dispatch(
            document=letter,
            actor=registrar,
            channel=Channel.EMAIL,
            email="not-an-address",
        )

    assert refusal.value.details == {
        "email": ["Введіть адресу електронної пошти, наприклад name@example.com."]
    }
    assert _audit_count() == 0


def test_an_executor_cannot_dispatch(letter):
    executor = UserFactory.create(roles=[Role.EXECUTOR])

    with pytest.raises(PermissionDeniedError):
        dispatch.document_dispatch(
            document=letter, actor=executor, channel=Channel.POST
        )

    letter.refresh_from_db()
    assert letter.status == DocumentStatus.REGISTERED


def test_an_incoming_letter_is_not_dispatched(registrar):
    incoming = DocumentFactory.create(registered=True, created_by=registrar)

    with pytest.raises(ApplicationError) as refusal:
        dispatch.document_dispatch(
            document=incoming, actor=registrar, channel=Channel.POST
        )

    assert refusal.value.code == "not_outgoing"


def test_the_card_offers_dispatch_and_posts_it(client, settings, letter, registrar):
    settings.HROMADA_DEMO = True
    client.force_login(registrar)
    url = f"/cabinet/documents/{letter.public_id}/"

    page = client.get(url)
    response = client.post(url + "dispatch/", {"channel": "post", "email": ""})

    assert page.context["can_dispatch"] is True
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == DocumentStatus.DISPATCHED
