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
    CaseFile,
    CaseFileStatus,
    Correspondent,
    CorrespondentKind,
    Document,
    DocumentAccessGrant,
    DocumentKind,
    DocumentLink,
    DocumentStatus,
    Journal,
    LinkKind,
    Task,
)
from hromada.org.models import OrgUnit
from hromada.search import lemmatiser
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
        .select_related(
            "registered_by", "signatory", "created_by", "case_file", "closed_by"
        )
        .get(public_id=public_id)
    )


def document_addressee_names(*, document: Document) -> list[str]:
    """The units and people a card is addressed to, for its detail page."""
    addressees = document.addressees.select_related("org_unit", "user").order_by("pk")
    return [str(addressee) for addressee in addressees]


def document_links_for_user(
    *, document: Document, user: User
) -> QuerySet[DocumentLink]:
    """Links from and to ``document`` whose other card ``user`` may see.

    Both ends come joined: the card shows each link from its own side.
    """
    visible = Document.objects.filter(permissions.visible_documents_q(user))
    # Correlated on the other card's key: one index probe per link, never a
    # scan of every card the user may see.
    target_visible = Exists(visible.filter(pk=OuterRef("target_id")))
    source_visible = Exists(visible.filter(pk=OuterRef("source_id")))
    return (
        DocumentLink.objects.filter(
            (Q(source=document) & target_visible)
            | (Q(target=document) & source_visible)
        )
        .select_related("source", "target")
        .order_by("created_at", "pk")
    )


def document_link_exists(*, source: Document, target: Document, kind: LinkKind) -> bool:
    """Whether ``source`` is already linked to ``target`` in this way."""
    return DocumentLink.objects.filter(source=source, target=target, kind=kind).exists()


def document_find_by_number(
    *, user: User, number: str, year: int
) -> QuerySet[Document]:
    """Cards ``user`` may see with exactly this index in ``year``.

    Journals number independently, so an index may repeat across journals.
    """
    return document_list_for_user(user=user).filter(
        registration_number=number.strip(), registration_year=year
    )


def document_access_grants(*, document: Document) -> QuerySet[DocumentAccessGrant]:
    """Who was let into a ДСК or restricted card, and by whom.

    For the people who keep the list (``can_grant_access``) only.
    """
    return document.access_grants.select_related("user", "granted_by").order_by(
        "user__last_name", "user__first_name", "pk"
    )


def document_case_file_choices(*, document: Document) -> QuerySet[CaseFile]:
    """Open cases a registered card may be filed into (EDMS-18).

    Cases of its registration year in the nomenclatures of its unit, its
    journal's unit and the units above them.
    """
    if document.registration_year is None:
        return CaseFile.objects.none()
    units = {document.org_unit_id}
    if document.journal is not None:
        units.add(document.journal.org_unit_id)
    return (
        CaseFile.objects.filter(
            status=CaseFileStatus.OPEN,
            item__nomenclature__year=document.registration_year,
            item__nomenclature__org_unit__in=_units_and_parents(units),
        )
        .select_related("item__nomenclature__org_unit")
        .order_by("item__case_index", "volume", "pk")
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
    for word in correspondent_search_key(query).split():
        correspondents = correspondents.filter(
            Q(search_name__contains=word)
            | Q(edrpou__startswith=word)
            | Q(email__iexact=word)
        )
    return correspondents.order_by("name")[:CORRESPONDENT_LIMIT]


def correspondent_list() -> QuerySet[Correspondent]:
    """Active correspondents for a form's choice list, by name."""
    return Correspondent.objects.filter(is_active=True).order_by("name")


def correspondent_search_key(text: str) -> str:
    """``text`` as the registry compares names: one apostrophe, case folded.

    SQLite's LIKE folds only ASCII, so names are stored folded already.
    """
    return lemmatiser.normalise_value(text).casefold()


def correspondent_list_for_user(
    *,
    user: User,
    query: str = "",
    kind: CorrespondentKind | None = None,
    is_active: bool | None = True,
) -> QuerySet[Correspondent]:
    """Registry entries ``user`` may see, by name; views take single ones here.

    Every word of ``query`` must start the ЄДРПОУ code or occur in the name.
    """
    correspondents = Correspondent.objects.filter(
        permissions.visible_correspondents_q(user)
    )
    if kind is not None:
        correspondents = correspondents.filter(kind=kind)
    if is_active is not None:
        correspondents = correspondents.filter(is_active=is_active)
    for word in correspondent_search_key(query).split():
        correspondents = correspondents.filter(
            Q(search_name__contains=word) | Q(edrpou__startswith=word)
        )
    return correspondents.order_by("search_name", "pk")


def correspondent_get_for_user(*, user: User, public_id: UUID | str) -> Correspondent:
    """One entry ``user`` may see; ``DoesNotExist`` when hidden or missing."""
    return correspondent_list_for_user(user=user, is_active=None).get(
        public_id=public_id
    )


def correspondent_documents(
    *, correspondent: Correspondent, user: User
) -> QuerySet[Document]:
    """The correspondent's cards that ``user`` may see, newest first."""
    return document_list_for_user(user=user).filter(correspondent=correspondent)


def correspondent_choices_for_user(
    *, user: User, keep: Correspondent | None = None
) -> QuerySet[Correspondent]:
    """Active entries ``user`` may put on a card, plus the card's own one."""
    chosen = Q(pk=keep.pk) if keep is not None else Q(pk__in=[])
    return Correspondent.objects.filter(
        (Q(is_active=True) & permissions.visible_correspondents_q(user)) | chosen
    ).order_by("search_name", "pk")


def _units_and_parents(unit_ids: set[int]) -> set[int]:
    parents = dict(OrgUnit.objects.values_list("pk", "parent_id"))
    found: set[int] = set()
    for unit_id in unit_ids:
        current: int | None = unit_id
        while current is not None and current not in found:
            found.add(current)
            current = parents.get(current)
    return found


def _matching_ids(query: str) -> set[str]:
    ids = set(
        search_selectors.search_best_ids(
            query=query, kinds=[SEARCH_KIND], public_only=False, limit=SEARCH_LIMIT
        )
    )
    for field in ("registration_number", "correspondent_number"):
        ids.update(
            search_selectors.search_lookup(
                kind=SEARCH_KIND, field=field, value=query, public_only=False
            )
        )
    return ids
