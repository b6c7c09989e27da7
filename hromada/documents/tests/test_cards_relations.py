import pytest

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import AuditEvent
from hromada.documents import permissions
from hromada.documents.models import (
    AccessLevel,
    Document,
    DocumentAccessGrant,
    DocumentLink,
    LinkKind,
)
from hromada.documents.selectors import cards as selectors
from hromada.documents.services import relations
from hromada.documents.tests.factories_cards import (
    DocumentAccessGrantFactory,
    DocumentFactory,
    DocumentLinkFactory,
)
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrar():
    return UserFactory.create(roles=[Role.REGISTRAR])


@pytest.fixture
def executor():
    return UserFactory.create(roles=[Role.EXECUTOR])


def test_link_to_itself_is_refused(registrar):
    document = DocumentFactory.create(registered=True)

    with pytest.raises(ApplicationError) as raised:
        relations.document_link(
            source=document, target=document, kind=LinkKind.RELATED, actor=registrar
        )

    assert raised.value.code == "link_to_self"
    assert DocumentLink.objects.exists() is False


def test_link_to_a_card_out_of_sight_is_refused(executor):
    # given: the executor drew up one card and sees nothing else
    own = DocumentFactory.create(created_by=executor)
    hidden = DocumentFactory.create(registered=True)

    # when
    with pytest.raises(PermissionDeniedError):
        relations.document_link(
            source=own, target=hidden, kind=LinkKind.REPLY_TO, actor=executor
        )

    # then
    assert DocumentLink.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_link_remove_deletes_and_audits_once(registrar):
    # given
    link = DocumentLinkFactory.create(kind=LinkKind.AMENDS)

    # when: sent twice
    relations.document_link_remove(link=link, actor=registrar)
    relations.document_link_remove(link=link, actor=registrar)

    # then
    assert DocumentLink.objects.exists() is False
    event = AuditEvent.objects.get()
    assert (event.action, event.target_id, event.data) == (
        "documents.unlink",
        str(link.source.pk),
        {"target": link.target.pk, "kind": "amends"},
    )


def test_link_remove_needs_both_cards_in_sight(executor):
    # given: the executor sees the source only
    link = DocumentLinkFactory.create(source__created_by=executor)

    # when
    with pytest.raises(PermissionDeniedError):
        relations.document_link_remove(link=link, actor=executor)

    # then
    assert DocumentLink.objects.filter(pk=link.pk).exists() is True
    assert AuditEvent.objects.exists() is False


def test_links_are_listed_from_both_ends_without_hidden_cards(registrar):
    # given
    card = DocumentFactory.create(registered=True)
    reply = DocumentLinkFactory.create(target=card, kind=LinkKind.REPLY_TO)
    amends = DocumentLinkFactory.create(source=card, kind=LinkKind.AMENDS)
    DocumentLinkFactory.create(
        source=card,
        target__access_level=AccessLevel.DSK,
        target__created_by=UserFactory.create(roles=[Role.REGISTRAR]),
    )

    # when
    links = selectors.document_links_for_user(document=card, user=registrar)

    # then
    assert [link.pk for link in links] == [reply.pk, amends.pk]


def test_grant_goes_to_staff_only(registrar):
    # given
    document = DocumentFactory.create(
        access_level=AccessLevel.DSK, created_by=registrar
    )
    citizen = UserFactory.create(roles=[Role.CITIZEN])

    # when
    with pytest.raises(ApplicationError) as raised:
        relations.document_grant_access(
            document=document, user=citizen, actor=registrar
        )

    # then
    assert raised.value.code == "grantee_not_staff"
    assert DocumentAccessGrant.objects.exists() is False


def test_the_head_of_the_card_s_unit_grants_access():
    # given: the head of the parent unit is named on a ДСК card of a sector
    department = OrgUnitFactory.create()
    sector = OrgUnitFactory.create(parent=department)
    head = EmployeeFactory.create(
        position__org_unit=department, position__is_head=True
    ).user
    document = DocumentFactory.create(
        org_unit=sector, access_level=AccessLevel.DSK, signatory=head
    )
    reader = UserFactory.create(roles=[Role.EXECUTOR])

    # when
    relations.document_grant_access(document=document, user=reader, actor=head)

    # then
    assert permissions.is_card_unit_head(head, document) is True
    assert DocumentAccessGrant.objects.get().user == reader


def test_revoke_removes_the_grant_and_the_sight(registrar):
    # given
    document = DocumentFactory.create(
        access_level=AccessLevel.RESTRICTED,
        access_basis="ст. 6 Закону 2939-VI",
        created_by=registrar,
    )
    grant = DocumentAccessGrantFactory.create(document=document)
    reader = grant.user
    assert permissions.can_view(reader, document) is True

    # when: sent twice
    relations.document_grant_revoke(grant=grant, actor=registrar)
    relations.document_grant_revoke(grant=grant, actor=registrar)

    # then
    assert DocumentAccessGrant.objects.exists() is False
    fresh = Document.objects.get(pk=document.pk)  # can_view is kept per instance
    assert permissions.can_view(reader, fresh) is False
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.data) == (
        "documents.revoke_access",
        registrar,
        {"user": reader.pk},
    )


def test_own_grant_is_not_withdrawn_by_oneself(registrar):
    # given: a registrar who sees the card through a grant of their own
    document = DocumentFactory.create(access_level=AccessLevel.DSK)
    grant = DocumentAccessGrantFactory.create(document=document, user=registrar)

    # when
    with pytest.raises(ApplicationError) as raised:
        relations.document_grant_revoke(grant=grant, actor=registrar)

    # then
    assert raised.value.code == "grant_own"
    assert DocumentAccessGrant.objects.filter(pk=grant.pk).exists() is True


def test_revoke_by_a_grantee_who_is_no_manager_is_refused(registrar):
    # given
    document = DocumentFactory.create(
        access_level=AccessLevel.DSK, created_by=registrar
    )
    first = DocumentAccessGrantFactory.create(document=document)
    second = DocumentAccessGrantFactory.create(document=document)

    # when
    with pytest.raises(PermissionDeniedError):
        relations.document_grant_revoke(grant=second, actor=first.user)

    # then
    assert DocumentAccessGrant.objects.count() == 2
    assert AuditEvent.objects.exists() is False
