import email.policy
from datetime import date
from email.message import EmailMessage

import pytest

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import PermissionDeniedError
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    Channel,
    Correspondent,
    CorrespondentKind,
    Document,
    DocumentFile,
    DocumentKind,
    DocumentStatus,
    FileRole,
)
from hromada.documents.services import intake
from hromada.documents.tests.factories_cards import CorrespondentFactory
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def letter(
    *,
    sender="ТОВ «Будсервіс» <office@budservis.example>",
    message_id="<abc-123@budservis.example>",
):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "general@vyshneve.example"
    message["Subject"] = "Про погодження графіка ремонту доріг"
    message["Date"] = "Mon, 02 Nov 2026 09:15:00 +0200"
    message["Message-ID"] = message_id
    message.set_content("Просимо погодити графік ремонту доріг на листопад.")
    message.add_attachment(
        PDF, maintype="application", subtype="pdf", filename="графік.pdf"
    )
    message.add_attachment(
        b"MZ\x90\x00", maintype="application", subtype="octet-stream", filename="x.exe"
    )
    # Python's folder drops the space between two encoded words; mail
    # clients do not, so the test keeps the subject on one line.
    return message.as_bytes(policy=email.policy.default.clone(max_line_length=300))


@pytest.fixture
def registrar():
    return UserFactory.create(roles=[Role.REGISTRAR])


@pytest.fixture
def unit():
    return OrgUnitFactory.create()


def test_a_letter_becomes_a_draft_incoming_card(registrar, unit):
    # when
    document = intake.intake_eml(raw=letter(), actor=registrar, org_unit=unit)

    # then
    assert (document.kind, document.status, document.channel) == (
        DocumentKind.INCOMING,
        DocumentStatus.DRAFT,
        Channel.EMAIL,
    )
    assert document.summary == "Про погодження графіка ремонту доріг"
    assert document.correspondent_date == date(2026, 11, 2)
    assert document.source_message_id == "<abc-123@budservis.example>"
    correspondent = Correspondent.objects.get()
    assert (correspondent.kind, correspondent.name, correspondent.email) == (
        CorrespondentKind.ORGANISATION,
        "ТОВ «Будсервіс»",
        "office@budservis.example",
    )
    assert document.correspondent == correspondent
    files = [
        (f.title, f.role, f.versions.get().stored_file.content_type)
        for f in DocumentFile.objects.order_by("order")
    ]
    assert files == [
        ("letter.txt", FileRole.MAIN, "text/plain"),
        ("графік.pdf", FileRole.ATTACHMENT, "application/pdf"),
    ]
    main = DocumentFile.objects.get(role=FileRole.MAIN).versions.get()
    assert main.text == "Просимо погодити графік ремонту доріг на листопад."
    event = AuditEvent.objects.get(action="documents.intake")
    assert event.data == {
        "message_id": "<abc-123@budservis.example>",
        "skipped": ["x.exe"],
    }


def test_the_same_letter_twice_gives_one_card(registrar, unit):
    # given
    first = intake.intake_eml(raw=letter(), actor=registrar, org_unit=unit)
    events = AuditEvent.objects.count()

    # when
    second = intake.intake_eml(raw=letter(), actor=registrar, org_unit=unit)

    # then
    assert second == first
    assert Document.objects.count() == 1
    assert DocumentFile.objects.count() == 2
    assert AuditEvent.objects.count() == events


def test_a_known_sender_is_reused_and_a_person_is_a_person(registrar, unit):
    # given
    known = CorrespondentFactory.create(email="office@budservis.example")

    # when
    first = intake.intake_eml(raw=letter(), actor=registrar, org_unit=unit)
    second = intake.intake_eml(
        raw=letter(sender="Петренко Іван <ivan@mail.example>", message_id="<2@m>"),
        actor=registrar,
        org_unit=unit,
    )

    # then
    assert first.correspondent == known
    assert (second.correspondent.kind, second.correspondent.name) == (
        CorrespondentKind.PERSON,
        "Петренко Іван",
    )


def test_only_registrars_take_letters_in(unit):
    executor = UserFactory.create(roles=[Role.EXECUTOR])

    with pytest.raises(PermissionDeniedError):
        intake.intake_eml(raw=letter(), actor=executor, org_unit=unit)

    assert Document.objects.exists() is False
    assert AuditEvent.objects.exists() is False


class FakeImap:
    """Stands in for imaplib.IMAP4_SSL: two unseen letters, one seen."""

    calls: list[tuple] = []
    letters = {b"1": letter(), b"2": letter(message_id="<other@budservis.example>")}

    def __init__(self, host):
        self.calls.append(("connect", host))

    def login(self, user, password):
        self.calls.append(("login", user, password))

    def select(self, mailbox):
        self.calls.append(("select", mailbox))

    def search(self, charset, *criteria):
        self.calls.append(("search", *criteria))
        return "OK", [b"1 2"]

    def fetch(self, number, parts):
        return "OK", [(b"1 (RFC822 {100}", self.letters[number.encode()]), b")"]

    def logout(self):
        self.calls.append(("logout",))


def test_imap_poll_takes_in_unseen_letters(registrar, unit, settings, monkeypatch):
    # given
    unit.unit_index = "01"
    unit.save()
    settings.HROMADA_INTAKE_IMAP = {
        "host": "imap.vyshneve.example",
        "user": "kantselyariia",
        "password": "secret",
        "folder": "INBOX",
        "org_unit_index": "01",
        "registrar_email": registrar.email,
    }
    FakeImap.calls = []
    monkeypatch.setattr(intake.imaplib, "IMAP4_SSL", FakeImap)

    # when
    documents = intake.intake_imap_poll()

    # then
    assert [d.source_message_id for d in documents] == [
        "<abc-123@budservis.example>",
        "<other@budservis.example>",
    ]
    assert {d.org_unit for d in documents} == {unit}
    assert FakeImap.calls == [
        ("connect", "imap.vyshneve.example"),
        ("login", "kantselyariia", "secret"),
        ("select", "INBOX"),
        ("search", "UNSEEN"),
        ("logout",),
    ]


def test_imap_poll_does_nothing_unconfigured(settings, monkeypatch):
    settings.HROMADA_INTAKE_IMAP = None
    monkeypatch.setattr(intake.imaplib, "IMAP4_SSL", None)

    assert intake.intake_imap_poll() == []


def test_skipped_attachments_are_listed_for_the_card(registrar, unit):
    # given
    from hromada.documents.selectors import cards as selectors

    document = intake.intake_eml(raw=letter(), actor=registrar, org_unit=unit)

    # when
    skipped = selectors.document_intake_skipped(document=document)

    # then
    assert skipped == ["x.exe"]


def test_a_sender_address_the_registry_cannot_keep_leaves_the_card_without_one(
    registrar, unit
):
    # when
    document = intake.intake_eml(
        raw=letter(sender="Коваль Олена <olena@>"), actor=registrar, org_unit=unit
    )

    # then: the office sets the correspondent by hand
    assert document.correspondent is None
    assert Correspondent.objects.exists() is False
