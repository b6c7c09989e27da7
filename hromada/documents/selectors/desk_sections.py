"""The rows of the "Today" sections that the page and the menu's badge share.

The page lists the first rows of each section (``control_inbox``); the
badge counts them (``counters``). Both build these sections from here, so
they cannot disagree on what waits for a person. The task sections are
counted by cheaper queries of the same rows (``counters``).
"""

from django.db.models import QuerySet

from hromada.accounts.models import User
from hromada.documents.models import (
    DeadlineChange,
    DeadlineChangeStatus,
    Document,
    DocumentStatus,
    Resolution,
    ResolutionStatus,
)
from hromada.documents.permissions import visibility
from hromada.documents.selectors.control_tasks import OPEN_STATUSES


def to_register_rows(user: User) -> QuerySet[Document] | None:
    """Drafts the registrar may see: e-mailed letters, cards begun.

    None for anyone else: only registrars register.
    """
    if not visibility.is_registrar(user):
        return None
    return Document.objects.filter(
        visibility.visible_documents_q(user), status=DocumentStatus.DRAFT
    )


def extensions_to_decide_rows(people: frozenset[int]) -> QuerySet[DeadlineChange]:
    """Requests for more time on open tasks of resolutions by ``people``."""
    return DeadlineChange.objects.filter(
        decider__in=people,
        status=DeadlineChangeStatus.REQUESTED,
        task__status__in=OPEN_STATUSES,
    )


def drafts_rows(people: frozenset[int]) -> QuerySet[Resolution]:
    """Draft resolutions by ``people``, entered on their behalf to approve."""
    return Resolution.objects.filter(author__in=people, status=ResolutionStatus.DRAFT)
