"""Cards waiting for a resolution, and closing a card «До справи».

The addressee rows say whether a card waits for its heads
(``services/awaiting.py``); every service that changes the answer keeps
them in line, which ``_in_line`` checks against the definition itself.
"""

import importlib

import pytest
from django.db import connection
from django.urls import reverse

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
    CardClosure,
    Document,
    DocumentAddressee,
    DocumentKind,
)
from hromada.documents.permissions import visibility
from hromada.documents.selectors import control as selectors
from hromada.documents.selectors import counters, desk_sections
from hromada.documents.services import (
    awaiting,
    closing,
    control_cancel,
    registration,
    resolutions,
)
from hromada.documents.tests.factories_cards import (
    DocumentAccessGrantFactory,
    JournalFactory,
)
from hromada.documents.tests.factories_control import (
    DocumentAddresseeFactory,
    RegisteredDocumentFactory,
    employee_in,
)
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def unit():
    return OrgUnitFactory.create()


@pytest.fixture
def head(unit):
    return employee_in(unit, is_head=True, roles=(Role.UNIT_HEAD,))


@pytest.fixture
def clerk(unit):
    return employee_in(unit)


@pytest.fixture
def card(unit):
    document = RegisteredDocumentFactory.create(org_unit=unit)
    DocumentAddresseeFactory(document=document, org_unit=unit)
    return document


def _waiting(document: Document) -> set[bool]:
    return set(
        DocumentAddressee.objects.filter(document=document).values_list(
            "awaiting_resolution", flat=True
        )
    )


def _in_line() -> bool:
    """Every addressee row says what ``awaiting_resolution_q`` says."""
    waiting = set(
        Document.objects.filter(awaiting.awaiting_resolution_q()).values_list(
            "pk", flat=True
        )
    )
    rows = DocumentAddressee.objects.values_list("document_id", "awaiting_resolution")
    return all((document_id in waiting) == flag for document_id, flag in rows)


def _resolve(document, head, executor, **kwargs):
    return resolutions.resolution_create(
        document=document,
        author=head,
        entered_by=kwargs.pop("entered_by", head),
        text="Розглянути",
        executors=[executor],
        **kwargs,
    )


# Waiting for a resolution ----------------------------------------------------


def test_registering_a_card_puts_it_before_its_heads(unit, head):
    # given: a draft addressed to the unit and to a person
    registrar = employee_in(unit, roles=(Role.REGISTRAR,))
    journal = JournalFactory.create(org_unit=unit, kind=DocumentKind.INTERNAL)
    draft = registration.document_create_draft(
        kind=DocumentKind.INTERNAL,
        org_unit=unit,
        actor=registrar,
        summary="Службова записка про ремонт",
        signatory=registrar,
        addressee_units=[unit],
        addressee_users=[head],
    )
    assert _waiting(draft) == {False}

    # when
    card = registration.document_register(
        document=draft, journal=journal, actor=registrar
    )

    # then
    assert _waiting(card) == {True}
    assert _in_line()
    inbox = selectors.inbox_for_user(user=head, today=card.registered_on)
    assert [entry.item for entry in inbox.to_resolve] == [card]


def test_a_resolution_even_a_draft_takes_the_card_off_to_resolve(card, head, clerk):
    # given
    registrar = UserFactory.create(roles=[Role.REGISTRAR])

    # when: the office enters a draft for the head
    _resolve(card, head, clerk, entered_by=registrar, is_draft=True)

    # then: it waits for the head's signature instead
    assert _waiting(card) == {False}
    inbox = selectors.inbox_for_user(user=head, today=card.registered_on)
    assert (len(inbox.to_resolve), len(inbox.resolutions_to_approve)) == (0, 1)
    assert _in_line()


def test_cancelling_the_last_live_resolution_puts_the_card_back(card, head, clerk):
    # given: two resolutions on the card
    first = _resolve(card, head, clerk)
    second = _resolve(card, head, clerk)

    # when: one is cancelled, then the other
    control_cancel.resolution_cancel(resolution=first, actor=head, reason="Помилка")
    after_one = _waiting(card)
    control_cancel.resolution_cancel(resolution=second, actor=head, reason="Теж")

    # then
    assert (after_one, _waiting(card)) == ({False}, {True})
    assert _in_line()


def test_a_voided_card_waits_for_nobody(card):
    # given
    registrar = UserFactory.create(roles=[Role.REGISTRAR])

    # when
    registration.document_cancel(document=card, actor=registrar, reason="Дубль")

    # then
    assert _waiting(card) == {False}
    assert _in_line()


def test_the_badge_counts_the_cards_to_resolve(unit, head):
    # given: three cards for the unit, one for another unit
    for _ in range(3):
        DocumentAddresseeFactory(
            document=RegisteredDocumentFactory.create(org_unit=unit), org_unit=unit
        )
    elsewhere = OrgUnitFactory.create()
    DocumentAddresseeFactory(
        document=RegisteredDocumentFactory.create(org_unit=elsewhere),
        org_unit=elsewhere,
    )

    # when
    counts = counters.desk_counts(head)

    # then
    assert counts.to_resolve == 3
    assert selectors.inbox_counter(head) == 3


def test_a_dsk_card_to_a_unit_waits_for_its_head_once_named(unit, head):
    # given: ДСК cards, one to the unit, one to the head personally
    to_unit = RegisteredDocumentFactory.create(
        org_unit=unit, access_level=AccessLevel.DSK
    )
    DocumentAddresseeFactory(document=to_unit, org_unit=unit)
    to_head = RegisteredDocumentFactory.create(
        org_unit=unit, access_level=AccessLevel.DSK
    )
    DocumentAddresseeFactory(document=to_head, user=head)

    def waiting():
        inbox = selectors.inbox_for_user(user=head, today=to_unit.registered_on)
        return {entry.item for entry in inbox.to_resolve}

    unnamed = waiting()

    # when: the office grants the head access to the unit's card
    DocumentAccessGrantFactory(document=to_unit, user=head)

    # then: only cards the head may open wait for them
    assert unnamed == {to_head}
    assert waiting() == {to_head, to_unit}
    assert all(visibility.can_view(head, card) for card in waiting())
    assert counters.desk_counts(head).to_resolve == 2


def test_cards_to_resolve_are_cards_the_head_may_open(unit, head, clerk):
    # given: cards of every access level, to the unit, the head, a colleague
    for level in (AccessLevel.PUBLIC, AccessLevel.INTERNAL, AccessLevel.DSK):
        for addressee in ({"org_unit": unit}, {"user": head}, {"user": clerk}):
            DocumentAddresseeFactory(
                document=RegisteredDocumentFactory.create(
                    org_unit=unit, access_level=level
                ),
                **addressee,
            )

    # when
    rows = desk_sections.to_resolve_rows(head, frozenset({head.pk}))

    # then: the open ones to the unit and all to the head; none hidden
    assert rows.count() == 2 + 3
    visible = Document.objects.filter(visibility.visible_documents_q(head))
    assert set(rows) <= set(visible)


BACKFILL = importlib.import_module(
    "hromada.documents.migrations.0011_card_closure_awaiting_resolution"
).BACKFILL


def test_the_backfill_marks_the_cards_without_a_live_resolution(
    unit, head, clerk, card
):
    # given: a resolved card, a card whose resolution was cancelled, a draft
    resolved = RegisteredDocumentFactory.create(org_unit=unit)
    DocumentAddresseeFactory(document=resolved, org_unit=unit)
    _resolve(resolved, head, clerk)
    again = RegisteredDocumentFactory.create(org_unit=unit)
    DocumentAddresseeFactory(document=again, org_unit=unit)
    control_cancel.resolution_cancel(
        resolution=_resolve(again, head, clerk), actor=head, reason="Ні"
    )
    DocumentAddressee.objects.update(awaiting_resolution=False)

    # when
    with connection.cursor() as cursor:
        cursor.execute(BACKFILL)

    # then
    assert (_waiting(card), _waiting(resolved), _waiting(again)) == (
        {True},
        {False},
        {True},
    )
    assert _in_line()


# «До справи» ----------------------------------------------------------------


def test_the_head_files_a_card_to_resolve(card, head):
    # when
    closing.document_close_to_file(document=card, actor=head, note="Для відома")

    # then: registered still, off every desk, recorded
    card.refresh_from_db()
    assert (card.closed_as, card.closed_by, card.closed_note) == (
        CardClosure.TO_FILE,
        head,
        "Для відома",
    )
    assert (card.status, card.holder) == ("registered", None)
    assert _waiting(card) == {False}
    inbox = selectors.inbox_for_user(user=head, today=card.registered_on)
    assert inbox.to_resolve == []
    assert selectors.inbox_counter(head) == 0
    event = AuditEvent.objects.get(action="documents.close_to_file")
    assert event.data["note"] == "Для відома"


def test_filing_twice_changes_nothing_the_second_time(card, head):
    # given
    closing.document_close_to_file(document=card, actor=head)
    card.refresh_from_db()
    before = (card.closed_at, AuditEvent.objects.count())

    # when
    closing.document_close_to_file(document=card, actor=head)

    # then
    card.refresh_from_db()
    assert (card.closed_at, AuditEvent.objects.count()) == before


def test_a_filed_card_takes_no_resolution(card, head, clerk):
    # given
    closing.document_close_to_file(document=card, actor=head)

    # when
    with pytest.raises(InvalidTransitionError) as raised:
        _resolve(card, head, clerk)

    # then
    assert raised.value.code == "document_closed"


def _state(card):
    card.refresh_from_db()
    return (card.closed_as, AuditEvent.objects.count(), _waiting(card))


def test_a_resolved_card_is_not_filed(card, head, clerk):
    # given
    _resolve(card, head, clerk)
    before = _state(card)

    # when
    with pytest.raises(InvalidTransitionError) as raised:
        closing.document_close_to_file(document=card, actor=head)

    # then
    assert raised.value.code == "document_resolved"
    assert _state(card) == before


def test_only_a_head_files_a_card(card, clerk):
    # given
    before = _state(card)

    # when
    with pytest.raises(PermissionDeniedError):
        closing.document_close_to_file(document=card, actor=clerk)

    # then
    assert _state(card) == before


def test_a_long_note_is_refused(card, head):
    # given
    before = _state(card)

    # when
    with pytest.raises(ApplicationError) as raised:
        closing.document_close_to_file(document=card, actor=head, note="щ" * 501)

    # then
    assert "note" in raised.value.details
    assert _state(card) == before


# The pages ------------------------------------------------------------------


def _to_file_url(card):
    return reverse("documents:document_close_to_file", args=[card.public_id])


def test_the_card_offers_filing_to_its_head_and_the_form_files_it(client, card, head):
    # given
    client.force_login(head)
    detail = reverse("documents:document_detail", args=[card.public_id])
    assert _to_file_url(card) in client.get(detail).content.decode()

    # when
    response = client.post(_to_file_url(card), {"note": "Відповідь не потрібна"})

    # then
    assert response.status_code == 302
    page = client.get(detail).content.decode()
    assert "Відповідь не потрібна" in page
    assert "До справи" in page
    assert _to_file_url(card) not in page
    assert reverse("documents:resolution_create", args=[card.public_id]) not in page


def test_the_form_shows_a_refusal_and_files_nothing(client, card, head, clerk):
    # given: resolved meanwhile
    _resolve(card, head, clerk)
    client.force_login(head)

    # when
    response = client.post(_to_file_url(card), {"note": ""})

    # then
    assert response.status_code == 200
    assert "Спершу скасуйте резолюцію" in response.content.decode()
    card.refresh_from_db()
    assert card.closed_as == ""


def test_someone_who_may_not_file_gets_404(client, card, clerk):
    # given
    client.force_login(clerk)

    # when
    answers = (
        client.get(_to_file_url(card)).status_code,
        client.post(_to_file_url(card), {"note": ""}).status_code,
    )

    # then
    assert answers == (404, 404)
    card.refresh_from_db()
    assert card.closed_as == ""


def test_the_mobile_card_offers_filing_and_then_says_it_is_filed(client, card, head):
    # given
    client.force_login(head)
    mobile = reverse("documents:mobile_document", args=[card.public_id])
    offered = _to_file_url(card) in client.get(mobile).content.decode()

    # when
    closing.document_close_to_file(document=card, actor=head)

    # then
    page = client.get(mobile).content.decode()
    assert offered
    assert _to_file_url(card) not in page
    assert "Направлено «До справи»" in page
