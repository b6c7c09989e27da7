import threading

import pytest
from django.db import connection

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    AccessLevel,
    Channel,
    Document,
    DocumentAccessGrant,
    DocumentKind,
    DocumentLink,
    DocumentStatus,
    LinkKind,
)
from hromada.documents.services import correspondents, registration, relations
from hromada.documents.tests.factories_cards import (
    CorrespondentFactory,
    DocumentFactory,
    JournalFactory,
)
from hromada.org.tests.factories import OrgUnitFactory
from hromada.search import selectors as search_selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrar():
    return UserFactory.create(roles=[Role.REGISTRAR])


@pytest.fixture
def journal():
    return JournalFactory.create(kind=DocumentKind.INCOMING)


@pytest.fixture
def document(journal):
    return DocumentFactory.create(
        org_unit=journal.org_unit, correspondent__name="ТОВ «Водоканал-Сервіс»"
    )


def _state(document):
    document.refresh_from_db()
    return (document.status, document.registration_number, document.journal_id)


def test_registration_numbers_indexes_and_audits(
    document, journal, registrar, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        registration.document_register(
            document=document, journal=journal, actor=registrar
        )

    # then
    document.refresh_from_db()
    assert (document.status, document.registration_number) == (
        DocumentStatus.REGISTERED,
        "1/01-12",
    )
    assert (document.registration_year, document.registration_seq) == (
        document.registered_on.year,
        1,
    )
    assert (document.journal, document.registered_by) == (journal, registrar)
    assert document.holder == document.created_by
    event = AuditEvent.objects.get(action="documents.register")
    assert (event.actor, event.data) == (
        registrar,
        {"number": "1/01-12", "journal": journal.pk, "case_file": None},
    )
    found = search_selectors.search_lookup(
        kind="documents.document",
        field="registration_number",
        value="1/01-12",
        public_only=False,
    )
    assert found == [str(document.public_id)]
    page = search_selectors.search_query(
        query="Водоканал", kinds=["documents.document"], public_only=False
    )
    assert [hit.object_id for hit in page.hits] == [str(document.public_id)]


def test_the_next_registration_gets_the_next_number(journal, registrar):
    # given
    first, second = DocumentFactory.create_batch(2, org_unit=journal.org_unit)

    # when
    registration.document_register(document=first, journal=journal, actor=registrar)
    registration.document_register(document=second, journal=journal, actor=registrar)

    # then
    assert (_state(first)[1], _state(second)[1]) == ("1/01-12", "2/01-12")


def test_appeal_index_takes_the_applicants_initial(registrar):
    # given
    journal = JournalFactory.create(
        kind=DocumentKind.APPEAL, index_template="{letter}-{seq}"
    )
    appeal = DocumentFactory.create(
        kind=DocumentKind.APPEAL,
        org_unit=journal.org_unit,
        correspondent=CorrespondentFactory.create(name="Шевчук Ганна Петрівна"),
    )

    # when
    registration.document_register(document=appeal, journal=journal, actor=registrar)

    # then
    assert _state(appeal)[1] == "Ш-1"


def test_missing_mandatory_fields_are_listed_and_nothing_changes(journal, registrar):
    # given
    document = DocumentFactory.create(
        org_unit=journal.org_unit, correspondent=None, summary=" "
    )

    # when
    with pytest.raises(ApplicationError) as raised:
        registration.document_register(
            document=document, journal=journal, actor=registrar
        )

    # then
    assert raised.value.code == "card_incomplete"
    assert set(raised.value.details) == {"correspondent", "summary"}
    assert _state(document) == (DocumentStatus.DRAFT, "", None)
    assert AuditEvent.objects.exists() is False


def test_outgoing_needs_a_signatory(registrar):
    # given
    journal = JournalFactory.create(kind=DocumentKind.OUTGOING)
    document = DocumentFactory.create(
        kind=DocumentKind.OUTGOING, org_unit=journal.org_unit
    )

    # when
    with pytest.raises(ApplicationError) as raised:
        registration.document_register(
            document=document, journal=journal, actor=registrar
        )

    # then
    assert set(raised.value.details) == {"signatory"}


def test_journal_of_another_kind_is_refused(document, registrar):
    # given
    orders = JournalFactory.create(kind=DocumentKind.ORDER)

    # when
    with pytest.raises(ApplicationError) as raised:
        registration.document_register(
            document=document, journal=orders, actor=registrar
        )

    # then
    assert (raised.value.code, list(raised.value.details)) == (
        "journal_kind_mismatch",
        ["journal"],
    )
    assert _state(document) == (DocumentStatus.DRAFT, "", None)
    assert AuditEvent.objects.exists() is False


def test_non_registrar_is_refused_and_nothing_changes(document, journal):
    # given: an executor who drew up the draft
    executor = UserFactory.create(roles=[Role.EXECUTOR])
    document.created_by = executor
    document.save()

    # when
    with pytest.raises(PermissionDeniedError):
        registration.document_register(
            document=document, journal=journal, actor=executor
        )

    # then
    assert _state(document) == (DocumentStatus.DRAFT, "", None)
    assert AuditEvent.objects.exists() is False


def test_double_register_keeps_one_number(document, journal, registrar):
    # given
    registration.document_register(document=document, journal=journal, actor=registrar)

    # when
    with pytest.raises(InvalidTransitionError):
        registration.document_register(
            document=document, journal=journal, actor=registrar
        )

    # then
    assert _state(document) == (DocumentStatus.REGISTERED, "1/01-12", journal.pk)
    assert AuditEvent.objects.filter(action="documents.register").count() == 1


def test_cancel_keeps_the_number_and_it_is_never_reused(document, journal, registrar):
    # given
    registration.document_register(document=document, journal=journal, actor=registrar)
    later = DocumentFactory.create(org_unit=journal.org_unit)

    # when
    registration.document_cancel(
        document=document, actor=registrar, reason="Зареєстровано помилково"
    )
    registration.document_register(document=later, journal=journal, actor=registrar)

    # then
    assert _state(document) == (DocumentStatus.CANCELLED, "1/01-12", journal.pk)
    assert _state(later)[1] == "2/01-12"
    event = AuditEvent.objects.get(action="documents.cancel")
    assert event.data == {
        "from": "registered",
        "number": "1/01-12",
        "reason": "Зареєстровано помилково",
    }


def test_cancel_needs_a_reason(document, registrar):
    with pytest.raises(ApplicationError) as raised:
        registration.document_cancel(document=document, actor=registrar, reason=" ")

    assert list(raised.value.details) == ["reason"]
    assert _state(document) == (DocumentStatus.DRAFT, "", None)


def test_draft_create_puts_the_card_on_the_actors_desk(registrar):
    # given
    unit, other = OrgUnitFactory.create_batch(2)
    correspondent = CorrespondentFactory.create()

    # when
    document = registration.document_create_draft(
        actor=registrar,
        kind=DocumentKind.INCOMING,
        org_unit=unit,
        summary="Про ремонт даху школи №3",
        channel=Channel.EMAIL,
        correspondent=correspondent,
        addressee_units=[other],
    )

    # then
    assert (document.status, document.holder, document.created_by) == (
        DocumentStatus.DRAFT,
        registrar,
        registrar,
    )
    assert document.held_since is not None
    assert [a.org_unit for a in document.addressees.all()] == [other]
    assert AuditEvent.objects.get().action == "documents.draft_create"


def test_restricted_draft_needs_a_legal_basis(registrar):
    with pytest.raises(ApplicationError) as raised:
        registration.document_create_draft(
            actor=registrar,
            kind=DocumentKind.INCOMING,
            org_unit=OrgUnitFactory.create(),
            summary="Про мобілізаційні заходи",
            access_level=AccessLevel.RESTRICTED,
        )

    assert list(raised.value.details) == ["access_basis"]
    assert Document.objects.exists() is False


def test_update_draft_replaces_the_fields(document, registrar):
    # when
    registration.document_update_draft(
        document=document,
        actor=registrar,
        summary="Нове стисле зміст",
        correspondent=document.correspondent,
        correspondent_number="15/3",
    )

    # then
    document.refresh_from_db()
    assert (document.summary, document.correspondent_number) == (
        "Нове стисле зміст",
        "15/3",
    )


def test_a_numbered_card_is_not_edited(document, journal, registrar):
    registration.document_register(document=document, journal=journal, actor=registrar)

    with pytest.raises(PermissionDeniedError):
        registration.document_update_draft(
            document=document, actor=registrar, summary="Інше"
        )


def test_reply_is_prefilled_and_linked(document, journal, registrar):
    # given
    document = registration.document_register(
        document=document, journal=journal, actor=registrar
    )

    # when
    reply = relations.document_reply_create(incoming=document, actor=registrar)

    # then
    assert (reply.kind, reply.status, reply.correspondent) == (
        DocumentKind.OUTGOING,
        DocumentStatus.DRAFT,
        document.correspondent,
    )
    assert reply.summary == "Відповідь на 1/01-12"
    link = DocumentLink.objects.get()
    assert (link.source, link.target, link.kind) == (reply, document, LinkKind.REPLY_TO)


def test_a_second_reply_click_returns_the_open_draft(document, journal, registrar):
    # given
    document = registration.document_register(
        document=document, journal=journal, actor=registrar
    )
    first = relations.document_reply_create(incoming=document, actor=registrar)

    # when
    second = relations.document_reply_create(incoming=document, actor=registrar)

    # then
    assert second.pk == first.pk
    assert Document.objects.filter(kind=DocumentKind.OUTGOING).count() == 1
    assert DocumentLink.objects.count() == 1


def test_link_is_recorded_once(document, registrar):
    # given
    other = DocumentFactory.create()

    # when
    relations.document_link(
        source=document, target=other, kind=LinkKind.RELATED, actor=registrar
    )
    relations.document_link(
        source=document, target=other, kind=LinkKind.RELATED, actor=registrar
    )

    # then
    assert DocumentLink.objects.count() == 1
    assert AuditEvent.objects.filter(action="documents.link").count() == 1


def test_grant_access_to_a_dsk_card(registrar):
    # given
    document = DocumentFactory.create(
        access_level=AccessLevel.DSK, created_by=registrar
    )
    reader = UserFactory.create(roles=[Role.EXECUTOR])

    # when
    relations.document_grant_access(document=document, user=reader, actor=registrar)

    # then
    grant = DocumentAccessGrant.objects.get()
    assert (grant.user, grant.granted_by) == (reader, registrar)
    assert AuditEvent.objects.get().data == {"user": reader.pk}


def test_grant_on_an_open_card_is_refused(document, registrar):
    with pytest.raises(ApplicationError):
        relations.document_grant_access(
            document=document, user=registrar, actor=registrar
        )

    assert DocumentAccessGrant.objects.exists() is False


def test_journal_create_checks_the_template(registrar):
    with pytest.raises(ApplicationError):
        registration.journal_create(
            actor=registrar,
            name="Вхідні",
            kind=DocumentKind.INCOMING,
            org_unit=OrgUnitFactory.create(),
            index_template="{number}",
        )


def test_correspondent_create_folds_the_search_name(registrar):
    correspondent = correspondents.correspondent_create(
        actor=registrar, kind="organisation", name="  ПрАТ «Київобленерго» "
    )

    assert (correspondent.name, correspondent.search_name) == (
        "ПрАТ «Київобленерго»",
        "прат «київобленерго»",
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_registrars_at_once_get_consecutive_numbers():
    # given
    journal = JournalFactory.create()
    registrars = UserFactory.create_batch(2, roles=[Role.REGISTRAR])
    documents = DocumentFactory.create_batch(2, org_unit=journal.org_unit)
    barrier = threading.Barrier(2)
    errors = []

    def register(index):
        try:
            barrier.wait()
            registration.document_register(
                document=documents[index], journal=journal, actor=registrars[index]
            )
        except Exception as error:  # collected, then the test fails on it
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(i,)) for i in range(2)]

    # when
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    # then
    numbers = sorted(_state(d)[1] for d in documents)
    assert (errors, numbers) == ([], ["1/01-12", "2/01-12"])
