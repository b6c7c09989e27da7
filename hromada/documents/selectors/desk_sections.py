"""The rows of the "Today" sections that the page and the menu's badge share.

The page lists the first rows of each section (``control_inbox``); the
badge counts them (``counters``). Both build a section from here, so they
cannot disagree on what waits for a person.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from hromada.accounts.models import User
from hromada.documents.models import (
    DeadlineChange,
    DeadlineChangeStatus,
    Document,
    DocumentAddressee,
    DocumentStatus,
    Resolution,
    ResolutionStatus,
)
from hromada.documents.permissions import control as control_permissions
from hromada.documents.permissions import visibility
from hromada.documents.selectors.control_tasks import OPEN_STATUSES
from hromada.org import selectors as org_selectors


def to_register_rows(user: User) -> QuerySet[Document]:
    """Drafts the registrar may see: e-mailed letters, cards begun."""
    return Document.objects.filter(
        visibility.visible_documents_q(user), status=DocumentStatus.DRAFT
    )


def to_resolve_rows(user: User, people: frozenset[int]) -> QuerySet[Document] | None:
    """Registered cards addressed to what ``user`` heads, not yet resolved."""
    headed = org_selectors.org_unit_ids_headed_by(user=user)
    if not headed and not control_permissions.is_head(user):
        return None
    addressed = DocumentAddressee.objects.filter(document=OuterRef("pk")).filter(
        Q(org_unit__in=headed) | Q(user__in=people)
    )
    resolved = Resolution.objects.filter(
        document=OuterRef("pk"),
        status__in=(ResolutionStatus.ACTIVE, ResolutionStatus.DRAFT),
    )
    return (
        Document.objects.filter(
            visibility.visible_documents_q(user), status=DocumentStatus.REGISTERED
        )
        .filter(Exists(addressed))
        .exclude(Exists(resolved))
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
