"""Whether a card waits for its addressees' heads to resolve it.

A registered card addressed to units or people waits for a resolution
until a head writes one (a draft entered on their behalf counts: it waits
for the head's signature in "Drafts to approve" instead), or closes it
«До справи». Cancelling the last live resolution puts it back on the
desk; voiding or dispatching the card takes it off. The answer is kept on
the addressee rows (``DocumentAddressee.awaiting_resolution``) so that
"To resolve" and its badge start from the waiting rows alone.

Every service that changes one of those facts calls
``awaiting_resolution_sync`` in its own transaction.
"""

from django.db.models import Exists, OuterRef, Q

from hromada.documents.models import (
    Document,
    DocumentAddressee,
    DocumentStatus,
    Resolution,
    ResolutionStatus,
)

LIVE_RESOLUTION_STATUSES = (ResolutionStatus.DRAFT, ResolutionStatus.ACTIVE)


def awaiting_resolution_q() -> Q:
    """The documents that wait for a resolution, as a filter on Document."""
    live = Resolution.objects.filter(
        document=OuterRef("pk"), status__in=LIVE_RESOLUTION_STATUSES
    )
    return Q(status=DocumentStatus.REGISTERED, closed_as="") & ~Q(Exists(live))


def awaiting_resolution_sync(*, document_id: int) -> None:
    """Set the card's addressee rows as ``awaiting_resolution_q`` says."""
    awaiting = Document.objects.filter(awaiting_resolution_q(), pk=document_id).exists()
    DocumentAddressee.objects.filter(document_id=document_id).exclude(
        awaiting_resolution=awaiting
    ).update(awaiting_resolution=awaiting)
