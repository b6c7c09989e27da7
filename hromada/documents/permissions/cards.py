"""Who may create, register, cancel, link and open up registration cards."""

import rules

from hromada.accounts import permissions as account_permissions
from hromada.accounts.models import User
from hromada.documents.models import (
    Document,
    DocumentKind,
    DocumentLink,
    DocumentStatus,
)
from hromada.documents.permissions.visibility import can_view, is_registrar
from hromada.org import selectors as org_selectors


@rules.predicate
def is_creator(user: User, document: Document) -> bool:
    """Drew up the card (its draft's author)."""
    return document.created_by_id == user.pk


@rules.predicate
def is_card_unit_head(user: User, document: Document) -> bool:
    """Heads the card's unit or a unit above it, or acts for its head."""
    headed = org_selectors.org_unit_ids_headed_by(user=user)
    if not headed:
        return False
    units = org_selectors.org_unit_descendant_ids(unit_ids=headed)
    return document.org_unit_id in units


@rules.predicate
def is_draft_card(user: User, document: Document) -> bool:
    """The card has no number yet."""
    return document.status == DocumentStatus.DRAFT


can_create_document = account_permissions.can_use_cabinet
# The status is the lifecycle's question, not the permission's: a second
ANSWERABLE_KINDS = frozenset(
    {
        DocumentKind.INCOMING,
        DocumentKind.APPEAL,
        DocumentKind.PUBLIC_INFO_REQUEST,
        DocumentKind.DEPUTY_APPEAL,
    }
)

# "register" on a numbered card is an invalid transition (409), not a 403.
can_number = rules.is_active & is_registrar & can_view
can_edit_draft = (
    rules.is_active & can_view & (is_creator | is_registrar) & is_draft_card
)
can_cancel = rules.is_active & can_view & (is_registrar | (is_creator & is_draft_card))
can_link = rules.is_active & can_view
# Who keeps the list of people allowed into a ДСК or restricted card.
can_grant_access = (
    rules.is_active & can_view & (is_registrar | is_creator | is_card_unit_head)
)


def can_remove_link(user: User, link: DocumentLink) -> bool:
    """Whoever could make the link may take it back: both cards in sight."""
    return bool(can_link(user, link.source) and can_view(user, link.target))


@rules.predicate
def is_answerable(user: User, document: Document) -> bool:
    """A card that expects a reply: incoming letters, appeals and requests."""
    return document.kind in ANSWERABLE_KINDS


can_reply = (
    rules.is_active & account_permissions.can_use_cabinet & can_view & is_answerable
)
can_intake = rules.is_active & is_registrar
can_dispatch = rules.is_active & is_registrar & can_view
