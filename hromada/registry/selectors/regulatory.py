"""Reads of regulatory acts' impact analyses and effectiveness reports."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from hromada.registry import tracking
from hromada.registry.models import LegalAct, RegulatoryDocument
from hromada.registry.selectors.acts import AnyUser, visible_acts_q


@dataclass(frozen=True, kw_only=True, slots=True)
class RegulatoryRecord:
    """A regulatory act's documents, oldest first, and its next tracking
    (``None`` when nothing is due)."""

    documents: list[RegulatoryDocument]
    due: tracking.TrackingDue | None


def act_regulatory_record(*, act: LegalAct, today: date) -> RegulatoryRecord | None:
    """What the act's page shows of REG-05; ``None``, and no query, for an
    act that is not regulatory. One query, with the files."""
    if not act.is_regulatory:
        return None
    documents = list(
        RegulatoryDocument.objects.filter(act=act)
        .select_related("file")
        .order_by("prepared_on", "id")
    )
    due = tracking.tracking_due(act=act, documents=documents, today=today)
    return RegulatoryRecord(documents=documents, due=due)


def regulatory_document_list_for_user(*, user: AnyUser) -> QuerySet[RegulatoryDocument]:
    """The documents of the acts ``user`` may read, with their acts and
    files: a document of an internal act is missing for the public."""
    return RegulatoryDocument.objects.filter(
        visible_acts_q(user, via="act__")
    ).select_related("act", "file")
