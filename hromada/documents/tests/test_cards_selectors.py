from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.documents import permissions
from hromada.documents.models import (
    AccessLevel,
    Document,
    DocumentAccessGrant,
    DocumentKind,
    DocumentStatus,
    Resolution,
    Task,
    TaskRole,
)
from hromada.documents.selectors import cards as selectors
from hromada.documents.tests.factories_cards import (
    CorrespondentFactory,
    DocumentFactory,
    JournalFactory,
)
from hromada.documents.tests.factories_control import DocumentAddresseeFactory
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory

pytestmark = pytest.mark.django_db


def person(who, document):
    unit = document.org_unit
    match who:
        case "registrar":
            return UserFactory.create(roles=[Role.REGISTRAR])
        case "unit executor":
            return EmployeeFactory.create(position__org_unit=unit).user
        case "other-unit executor":
            return EmployeeFactory.create().user
        case "head of parent unit":
            return EmployeeFactory.create(
                position__org_unit=unit.parent,
                position__is_head=True,
                user__roles=[Role.UNIT_HEAD],
            ).user
        case "mayor":
            return UserFactory.create(roles=[Role.MAYOR])
        case "citizen":
            return UserFactory.create(roles=[Role.CITIZEN])
        case "addressee":
            user = UserFactory.create(roles=[Role.EXECUTOR])
            DocumentAddresseeFactory(document=document, user=user)
            return user
        case "granted":
            user = UserFactory.create(roles=[Role.EXECUTOR])
            DocumentAccessGrant.objects.create(
                document=document, user=user, granted_by=document.created_by
            )
            return user
    raise ValueError(who)


OPEN = (AccessLevel.PUBLIC, AccessLevel.INTERNAL)
CLOSED = (AccessLevel.DSK, AccessLevel.RESTRICTED)


@pytest.mark.parametrize(
    ("who", "sees_open", "sees_closed"),
    [
        ("registrar", True, False),
        ("unit executor", True, False),
        ("other-unit executor", False, False),
        ("head of parent unit", True, False),
        ("mayor", True, False),
        ("citizen", False, False),
        ("addressee", True, True),
        ("granted", True, True),
    ],
)
@pytest.mark.parametrize("level", [*OPEN, *CLOSED])
def test_card_visibility_matrix(who, sees_open, sees_closed, level):
    # given
    unit = OrgUnitFactory.create(parent=OrgUnitFactory.create())
    document = DocumentFactory.create(
        org_unit=unit, access_level=level, access_basis="ст. 9 Закону 2939-VI"
    )
    user = person(who, document)
    expected = sees_open if level in OPEN else sees_closed

    # when
    outcome = (
        selectors.document_list_for_user(user=user).filter(pk=document.pk).exists(),
        permissions.can_view(user, document),
    )

    # then: the selector and can_view never disagree
    assert outcome == (expected, expected)


def test_get_for_user_hides_what_the_user_cannot_see():
    # given
    document = DocumentFactory.create(registered=True)
    outsider = EmployeeFactory.create().user

    # when / then
    with pytest.raises(Document.DoesNotExist):
        selectors.document_get_for_user(user=outsider, public_id=document.public_id)


def test_list_filters():
    # given
    registrar = UserFactory.create(roles=[Role.REGISTRAR])
    today = timezone.localdate()
    incoming = DocumentFactory.create(registered=True, registered_on=today)
    old = DocumentFactory.create(
        registered=True, registered_on=today - timedelta(days=30)
    )
    order = DocumentFactory.create(kind=DocumentKind.ORDER)

    def listed(**filters):
        documents = selectors.document_list_for_user(user=registrar, **filters)
        return {document.pk for document in documents}

    # when / then
    assert listed(kind=DocumentKind.ORDER) == {order.pk}
    assert listed(status=DocumentStatus.REGISTERED) == {incoming.pk, old.pk}
    assert listed(date_from=today - timedelta(days=1)) == {incoming.pk}
    assert listed(date_to=today - timedelta(days=1)) == {old.pk}
    assert listed(journal=old.journal) == {old.pk}
    assert listed(org_unit=order.org_unit) == {order.pk}


def test_list_overdue_and_executor():
    # given
    registrar = UserFactory.create(roles=[Role.REGISTRAR])
    today = timezone.localdate()
    late = DocumentFactory.create(registered=True, due_on=today - timedelta(days=1))
    on_time = DocumentFactory.create(registered=True, due_on=today + timedelta(days=5))
    executor = UserFactory.create(roles=[Role.EXECUTOR])
    resolution = Resolution.objects.create(
        document=on_time,
        author=registrar,
        entered_by=registrar,
        text="Розглянути",
        due_on=today + timedelta(days=5),
        signed_at=timezone.now(),
    )
    Task.objects.create(
        resolution=resolution,
        document=on_time,
        executor=executor,
        role=TaskRole.RESPONSIBLE,
        controller=registrar,
        reviewer=registrar,
        assigned_at=timezone.now(),
        due_on=today + timedelta(days=5),
    )

    # when
    overdue = selectors.document_list_for_user(user=registrar, overdue=True)
    assigned = selectors.document_list_for_user(user=registrar, executor=executor)

    # then
    assert [d.pk for d in overdue] == [late.pk]
    assert [d.pk for d in assigned] == [on_time.pk]


def test_drafts_come_first_then_newest_numbers():
    # given
    registrar = UserFactory.create(roles=[Role.REGISTRAR])
    first = DocumentFactory.create(registered=True)
    second = DocumentFactory.create(registered=True)
    draft = DocumentFactory.create()

    # when
    documents = selectors.document_list_for_user(user=registrar)

    # then
    assert [d.pk for d in documents] == [draft.pk, second.pk, first.pk]


def test_correspondent_search_folds_case():
    # given
    wanted = CorrespondentFactory.create(name="КП «Вишневе-Тепло»")
    CorrespondentFactory.create(name="ТОВ «Будсервіс»")

    # when
    found = selectors.correspondent_search(query="вишневе")

    # then
    assert list(found) == [wanted]


def test_journal_list_by_kind():
    incoming = JournalFactory.create(kind=DocumentKind.INCOMING)
    JournalFactory.create(kind=DocumentKind.ORDER)
    JournalFactory.create(kind=DocumentKind.INCOMING, is_active=False)

    assert list(selectors.journal_list(kind=DocumentKind.INCOMING)) == [incoming]
