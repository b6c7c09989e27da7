"""Nomenclature of cases, filing, and the transfer to the archive.

EDMS-18..22, 25, 26 (the package itself is built in ``archive_package``,
re-exported here): every registered document lands in one case file of its
year's nomenclature; once its year is closed (``disposal``), a permanent
case goes to the archive as an АЕД package.
"""

import hashlib
from typing import Final

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.transitions import Transitions, transition_apply
from hromada.documents import permissions
from hromada.documents.models import (
    CaseFile,
    CaseFileStatus,
    Document,
    DocumentStatus,
    Nomenclature,
    NomenclatureItem,
    RetentionKind,
)
from hromada.documents.services.archive_package import archive_package_build
from hromada.org.models import OrgUnit

# A case is filled in its year, closed on 31 December, then either disposed
# of (bytes destroyed, cards kept) or handed to the archive.
CASE_FILE_TRANSITIONS: Final[Transitions[CaseFileStatus]] = {
    CaseFileStatus.OPEN: frozenset({CaseFileStatus.CLOSED}),
    CaseFileStatus.CLOSED: frozenset(
        {CaseFileStatus.DISPOSED, CaseFileStatus.ARCHIVED}
    ),
    CaseFileStatus.DISPOSED: frozenset(),
    CaseFileStatus.ARCHIVED: frozenset(),
}
TERM_KINDS = (RetentionKind.YEARS, RetentionKind.AFTER_EXPIRY)
FILED_STATUSES = (DocumentStatus.REGISTERED, DocumentStatus.DISPATCHED)


def archive_manager_check(actor: User | None) -> None:
    """Refuse unless ``actor`` may keep the nomenclature and the archive.

    Shared by the archive and disposal services.
    """
    # actor=None: the demo loader or a management command acting as the
    # system, with the operator's shell access as its authority.
    if actor is not None and not permissions.can_manage_nomenclature(actor):
        raise PermissionDeniedError(
            _(
                "Only the archive department, the head of the general department "
                "or a system administrator keeps the nomenclature of cases."
            )
        )


@transaction.atomic
def nomenclature_create(
    *, actor: User | None, year: int, org_unit: OrgUnit
) -> Nomenclature:
    """Start a unit's nomenclature of cases for ``year`` (one per unit, year).

    ``actor=None`` is the system (demo loader); people need
    ``can_manage_nomenclature``.
    """
    archive_manager_check(actor)
    if not org_unit.unit_index:
        raise ApplicationError(
            _("The unit “%(unit)s” has no unit index for its case indexes.")
            % {"unit": org_unit},
            code="unit_without_index",
        )
    nomenclature, created = Nomenclature.objects.get_or_create(
        year=year, org_unit=org_unit
    )
    if not created:
        raise ApplicationError(
            _("The unit “%(unit)s” already has a nomenclature for %(year)s.")
            % {"unit": org_unit, "year": year},
            code="nomenclature_exists",
        )
    audit_record(
        actor=actor,
        action="documents.nomenclature_create",
        target=nomenclature,
        data={"year": year, "org_unit": org_unit.pk},
    )
    return nomenclature


def _case_index_check(case_index: str, unit_index: str) -> None:
    # EDMS-20: a case index is "{unit_index}-{nn}", e.g. "03-08".
    prefix = f"{unit_index}-"
    rest = case_index.removeprefix(prefix)
    if not case_index.startswith(prefix) or not rest or any(c.isspace() for c in rest):
        raise ApplicationError(
            _("A case index of this unit starts with “%(prefix)s”, e.g. “%(example)s”.")
            % {"prefix": prefix, "example": f"{prefix}01"},
            code="case_index_prefix",
        )


def _retention_years_check(kind: RetentionKind, years: int | None) -> int | None:
    if kind not in TERM_KINDS:
        return None
    if years is None or years < 1:
        raise ApplicationError(
            _("Give the retention term in years for “%(kind)s”.")
            % {"kind": kind.label},
            code="retention_years_required",
        )
    return years


def _not_approved_check(nomenclature: Nomenclature) -> None:
    if nomenclature.approved_at is not None:
        raise ApplicationError(
            _("The nomenclature is approved: its items can no longer change."),
            code="nomenclature_approved",
        )


@transaction.atomic
def nomenclature_item_add(
    *,
    nomenclature: Nomenclature,
    actor: User | None,
    case_index: str,
    title: str,
    retention_kind: RetentionKind,
    retention_years: int | None = None,
    retention_article: str = "",
    volumes: int = 1,
    note: str = "",
) -> NomenclatureItem:
    """Add a case to a nomenclature that is not approved yet.

    The index must start with the unit's index and a hyphen (EDMS-20).
    """
    nomenclature = (
        Nomenclature.objects.select_for_update()
        .select_related("org_unit")
        .get(pk=nomenclature.pk)
    )
    archive_manager_check(actor)
    _not_approved_check(nomenclature)
    case_index = case_index.strip()
    _case_index_check(case_index, nomenclature.org_unit.unit_index)
    kind = RetentionKind(retention_kind)
    item, created = NomenclatureItem.objects.get_or_create(
        nomenclature=nomenclature,
        case_index=case_index,
        defaults={
            "title": title.strip(),
            "retention_kind": kind,
            "retention_years": _retention_years_check(kind, retention_years),
            "retention_article": retention_article.strip(),
            "volumes": max(volumes, 1),
            "note": note.strip(),
        },
    )
    if not created:
        raise ApplicationError(
            _("The nomenclature already has a case “%(index)s”.")
            % {"index": case_index},
            code="case_index_taken",
        )
    audit_record(
        actor=actor,
        action="documents.nomenclature_item_add",
        target=nomenclature,
        data={"item": item.pk, "case_index": case_index, "retention": kind.value},
    )
    return item


@transaction.atomic
def nomenclature_approve(
    *, nomenclature: Nomenclature, actor: User | None
) -> Nomenclature:
    """Approve a nomenclature; from now on its items are frozen."""
    nomenclature = Nomenclature.objects.select_for_update().get(pk=nomenclature.pk)
    archive_manager_check(actor)
    _not_approved_check(nomenclature)
    if not nomenclature.items.exists():
        raise ApplicationError(
            _("Add at least one case before approving the nomenclature."),
            code="nomenclature_empty",
        )
    nomenclature.approved_at = timezone.now()
    nomenclature.save(update_fields=["approved_at", "updated_at"])
    audit_record(
        actor=actor,
        action="documents.nomenclature_approve",
        target=nomenclature,
        data={"items": nomenclature.items.count()},
    )
    return nomenclature


def _unit_and_parents(org_unit_id: int) -> list[int]:
    parents = dict(OrgUnit.objects.values_list("pk", "parent_id"))
    chain: list[int] = []
    current: int | None = org_unit_id
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


def _item_for(
    *, case_index: str, year: int, unit_ids: list[int]
) -> NomenclatureItem | None:
    items = NomenclatureItem.objects.filter(
        case_index=case_index,
        nomenclature__year=year,
        nomenclature__org_unit_id__in=unit_ids,
    ).select_related("nomenclature")

    def rank(item: NomenclatureItem) -> tuple[int, bool]:
        nomenclature = item.nomenclature
        return unit_ids.index(
            nomenclature.org_unit_id
        ), nomenclature.approved_at is None

    return min(items, key=rank, default=None)


def case_file_for_registration(*, document: Document) -> CaseFile | None:
    """The open case a document being registered is filed into, or ``None``.

    Looks in the nomenclatures of the registration year of the journal's
    unit, then of its parents (nearest first), for the journal's case index.
    An approved nomenclature wins over a draft one of the same unit, but a
    draft counts when the unit has none approved: January's documents are
    filed before the nomenclature is signed, and items are never removed.
    Returns the highest open volume (creating volume 1 if the case has none);
    ``None`` when nothing matches or every volume is closed, and the card
    waits for ``document_file_into_case``. A building block of registration:
    call it inside that transaction, assign ``document.case_file`` and save;
    it writes no audit event, the registration's event covers the filing.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("case_file_for_registration runs inside registration")
    journal = document.journal
    year = document.registration_year or (
        document.registered_on.year if document.registered_on else None
    )
    if journal is None or not journal.case_index or year is None:
        return None
    item = _item_for(
        case_index=journal.case_index,
        year=year,
        unit_ids=_unit_and_parents(journal.org_unit_id),
    )
    if item is None:
        return None
    open_case = (
        item.case_files.filter(status=CaseFileStatus.OPEN).order_by("-volume").first()
    )
    if open_case is not None:
        return open_case
    case_file, _created = CaseFile.objects.get_or_create(item=item, volume=1)
    return case_file if case_file.status == CaseFileStatus.OPEN else None


def _filing_check(document: Document, case_file: CaseFile, year: int) -> None:
    if document.status not in FILED_STATUSES:
        raise ApplicationError(
            _("Only a registered document is filed into a case."),
            code="document_not_registered",
        )
    if case_file.status != CaseFileStatus.OPEN:
        raise ApplicationError(
            _("The case “%(case)s” is closed: choose an open case.")
            % {"case": case_file},
            code="case_file_not_open",
        )
    if year != document.registration_year:
        raise ApplicationError(
            _(
                "The document was registered in %(document_year)s; "
                "choose a case of that year."
            )
            % {"document_year": document.registration_year},
            code="case_file_other_year",
        )


@transaction.atomic
def document_file_into_case(
    *, document: Document, case_file: CaseFile, actor: User
) -> Document:
    """File a registered document into an open case of its registration year.

    For cards that found no case when registered, or were filed wrongly;
    registrars and records keepers only (``can_file_into_case``).
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    case_file = CaseFile.objects.select_for_update().get(pk=case_file.pk)
    if not permissions.can_file_into_case(actor):
        raise PermissionDeniedError(
            _("Only the office or the archive department files documents into cases.")
        )
    year = Nomenclature.objects.values_list("year", flat=True).get(
        items__case_files=case_file
    )
    _filing_check(document, case_file, year)
    previous = document.case_file_id
    document.case_file = case_file
    document.save(update_fields=["case_file", "updated_at"])
    audit_record(
        actor=actor,
        action="documents.document_file",
        target=document,
        data={"case_file": case_file.pk, "from": previous},
    )
    return document


@transaction.atomic
def case_file_archive(*, case_file: CaseFile, actor: User) -> bytes:
    """Export a closed permanent case and mark it transferred to the archive.

    Returns the package (``archive_package_build``); its SHA-256 is audited.
    """
    case_file = CaseFile.objects.select_for_update().get(pk=case_file.pk)
    archive_manager_check(actor)
    package = archive_package_build(case_file=case_file)
    transition_apply(case_file, to=CaseFileStatus.ARCHIVED, table=CASE_FILE_TRANSITIONS)
    case_file.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="documents.case_file_archive",
        target=case_file,
        data={
            "sha256": hashlib.sha256(package).hexdigest(),
            "documents": case_file.documents.count(),
        },
    )
    return package
