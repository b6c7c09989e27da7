"""Reads of registration cards, journals and correspondents, by access."""

from datetime import date
from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from hromada.accounts.models import User
from hromada.core.models import AuditEvent
from hromada.documents import permissions
from hromada.documents.models import (
    Correspondent,
    Document,
    DocumentKind,
    DocumentStatus,
    Journal,
    Task,
)
from hromada.org.models import OrgUnit
from hromada.search import selectors as search_selectors

SEARCH_KIND = "documents.document"
SEARCH_LIMIT = 100
CORRESPONDENT_LIMIT = 20


def document_list_for_user(
    *,
    user: User,
    kind: DocumentKind | None = None,
    journal: Journal | None = None,
    status: DocumentStatus | None = None,
    org_unit: OrgUnit | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    query: str = "",
    executor: User | None = None,
    overdue: bool | None = None,
) -> QuerySet[Document]:
    """Cards ``user`` may see, drafts first, then the newest numbers.

    ``query`` goes through the search room and is then filtered by the same
    scope, so a search never reveals a hidden card. Views take single cards
    from here too: hidden looks missing.
    """
    documents = Document.objects.filter(permissions.visible_documents_q(user))
    filters = {
        "kind": kind,
        "journal": journal,
        "status": status,
        "org_unit": org_unit,
        "registered_on__gte": date_from,
        "registered_on__lte": date_to,
    }
    documents = documents.filter(
        **{name: value for name, value in filters.items() if value is not None}
    )
    if executor is not None:
        tasks = Task.objects.filter(document=OuterRef("pk"), executor=executor)
        documents = documents.filter(Exists(tasks))
    if overdue is not None:
        late = Q(status=DocumentStatus.REGISTERED, due_on__lt=timezone.localdate())
        documents = documents.filter(late if overdue else ~late)
    if query.strip():
        documents = documents.filter(public_id__in=_matching_ids(query.strip()))
    return documents.select_related(
        "correspondent", "holder", "journal", "org_unit"
    ).order_by(F("registered_at").desc(nulls_first=True), "-created_at", "-pk")


def document_get_for_user(*, user: User, public_id: UUID | str) -> Document:
    """One card ``user`` may see; ``Document.DoesNotExist`` when hidden."""
    return (
        document_list_for_user(user=user)
        .select_related("registered_by", "signatory", "created_by", "case_file")
        .get(public_id=public_id)
    )


def document_addressee_names(*, document: Document) -> list[str]:
    """The units and people a card is addressed to, for its detail page."""
    addressees = document.addressees.select_related("org_unit", "user").order_by("pk")
    return [str(addressee) for addressee in addressees]


def document_link_list(*, document: Document, user: User) -> QuerySet[Document]:
    """Cards linked to ``document`` either way that ``user`` may see."""
    linked = Q(links_in__source=document) | Q(links_out__target=document)
    return (
        Document.objects.filter(linked)
        .filter(permissions.visible_documents_q(user))
        .distinct()
        .order_by("-registered_at", "-pk")
    )


def document_intake_skipped(*, document: Document) -> list[str]:
    """Attachment names the e-mail intake could not store for this card."""
    event = (
        AuditEvent.objects.filter(
            action="documents.intake",
            target_type=ContentType.objects.get_for_model(Document),
            target_id=str(document.pk),
        )
        .order_by("pk")
        .first()
    )
    skipped = event.data.get("skipped", []) if event is not None else []
    return [str(name) for name in skipped] if isinstance(skipped, list) else []


def journal_list(*, kind: DocumentKind | None = None) -> QuerySet[Journal]:
    """Active journals, optionally of one kind, with their unit."""
    journals = Journal.objects.filter(is_active=True)
    if kind is not None:
        journals = journals.filter(kind=kind)
    return journals.select_related("org_unit").order_by("org_unit__name", "name")


def correspondent_search(*, query: str) -> QuerySet[Correspondent]:
    """Active correspondents whose name, code or e-mail contains ``query``."""
    correspondents = Correspondent.objects.filter(is_active=True)
    for word in query.casefold().split():
        correspondents = correspondents.filter(
            Q(search_name__contains=word)
            | Q(edrpou__startswith=word)
            | Q(email__iexact=word)
        )
    return correspondents.order_by("name")[:CORRESPONDENT_LIMIT]


def correspondent_list() -> QuerySet[Correspondent]:
    """Active correspondents for a form's choice list, by name."""
    return Correspondent.objects.filter(is_active=True).order_by("name")


def _matching_ids(query: str) -> set[str]:
    page = search_selectors.search_query(
        query=query, kinds=[SEARCH_KIND], public_only=False, limit=SEARCH_LIMIT
    )
    ids = {hit.object_id for hit in page.hits}
    for field in ("registration_number", "correspondent_number"):
        ids.update(
            search_selectors.search_lookup(
                kind=SEARCH_KIND, field=field, value=query, public_only=False
            )
        )
    return ids
