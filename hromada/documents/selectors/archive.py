"""Reads of the archive area: nomenclatures, cases, disposal acts.

The archive pages are open to those ``permissions.can_view_archive`` lets
in (the views ask); the documents inside a case are still scoped by
``visible_documents_q``.
"""

from datetime import date

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.documents import permissions
from hromada.documents.models import (
    CaseFile,
    CaseFileStatus,
    DisposalAct,
    DisposalActStatus,
    Document,
    FileVersion,
    Nomenclature,
    NomenclatureItem,
    RetentionKind,
)


def retention_label(*, kind: str, years: int | None) -> str:
    """The retention term as the schedule writes it: "Пост.", "5 р.", "ЕПК"."""
    match kind:
        case RetentionKind.PERMANENT:
            return _("Perm.")
        case RetentionKind.YEARS:
            return _("%(years)s yrs") % {"years": years}
        case RetentionKind.AFTER_EXPIRY:
            return _("%(years)s yrs after expiry") % {"years": years}
        case RetentionKind.UNTIL_LIQUIDATION:
            return _("Until liquidation")
        case RetentionKind.EPK:
            return _("EPK")
        case RetentionKind.UNTIL_NEED:
            return _("Until no longer needed")
    return kind


# The schedule's own notation (578/5), written into archive metadata as is.
_NOTATION = {
    RetentionKind.PERMANENT: "Пост.",
    RetentionKind.YEARS: "{years} р.",
    RetentionKind.AFTER_EXPIRY: "{years} р. після закінчення строку дії",
    RetentionKind.UNTIL_LIQUIDATION: "До ліквідації організації",
    RetentionKind.EPK: "ЕПК",
    RetentionKind.UNTIL_NEED: "Доки не мине потреба",
}


def retention_notation(*, kind: str, years: int | None) -> str:
    """The term in the schedule's Ukrainian notation, whatever the language."""
    return _NOTATION.get(RetentionKind(kind), kind).format(years=years)


def nomenclature_list(*, year: int | None = None) -> QuerySet[Nomenclature]:
    """Nomenclatures (of ``year``, or all) with their units and item counts."""
    nomenclatures = Nomenclature.objects.all()
    if year is not None:
        nomenclatures = nomenclatures.filter(year=year)
    return (
        nomenclatures.select_related("org_unit")
        .annotate(item_count=Count("items"))
        .order_by("-year", "org_unit__unit_index", "pk")
    )


def nomenclature_years() -> list[int]:
    """Years that have at least one nomenclature, newest first."""
    years = Nomenclature.objects.order_by().values_list("year", flat=True).distinct()
    return sorted(set(years), reverse=True)


def nomenclature_items(*, nomenclature: Nomenclature) -> QuerySet[NomenclatureItem]:
    """A nomenclature's items by index, with the number of their cases."""
    return (
        NomenclatureItem.objects.filter(nomenclature=nomenclature)
        .annotate(case_count=Count("case_files"))
        .order_by("case_index", "pk")
    )


def consolidated_nomenclature(*, year: int) -> QuerySet[NomenclatureItem]:
    """EDMS-19: the items of every unit's nomenclature of ``year`` by index."""
    return (
        NomenclatureItem.objects.filter(nomenclature__year=year)
        .select_related("nomenclature__org_unit")
        .order_by("case_index", "pk")
    )


def case_file_list(
    *,
    status: CaseFileStatus | None = None,
    year: int | None = None,
    nomenclature: Nomenclature | None = None,
) -> QuerySet[CaseFile]:
    """Case files with their item and year, and the number of documents."""
    cases = CaseFile.objects.all()
    if nomenclature is not None:
        cases = cases.filter(item__nomenclature=nomenclature)
    if status is not None:
        cases = cases.filter(status=status)
    if year is not None:
        cases = cases.filter(item__nomenclature__year=year)
    return (
        cases.select_related("item__nomenclature__org_unit")
        .annotate(document_count=Count("documents"))
        .order_by("-item__nomenclature__year", "item__case_index", "volume")
    )


def case_file_list_due(*, today: date) -> QuerySet[CaseFile]:
    """Closed non-permanent cases past their disposition date.

    A case already listed in a draft act is left to that act.
    """
    return (
        CaseFile.objects.filter(status=CaseFileStatus.CLOSED, disposition_on__lte=today)
        .exclude(item__retention_kind=RetentionKind.PERMANENT)
        .exclude(disposal_acts__status=DisposalActStatus.DRAFT)
    )


def case_file_documents(*, case_file: CaseFile, user: User) -> QuerySet[Document]:
    """The documents of a case that ``user`` may see, in registration order."""
    return (
        Document.objects.filter(
            permissions.visible_documents_q(user), case_file=case_file
        )
        .select_related("journal")
        .order_by("registered_on", "registration_seq", "pk")
    )


def case_file_current_versions(
    *, case_file: CaseFile
) -> list[tuple[Document, list[tuple[str, FileVersion]]]]:
    """Each document of the case with its files' current versions and paths.

    For the archive package: every document, whoever asks (the service that
    calls it has checked the actor). Paths are unique inside the package.
    """
    versions = FileVersion.objects.select_related("stored_file", "document_file")
    documents = (
        Document.objects.filter(case_file=case_file)
        .order_by("registered_on", "registration_seq", "pk")
        .prefetch_related(
            Prefetch("files__versions", queryset=versions.order_by("-number"))
        )
    )
    entries: list[tuple[Document, list[tuple[str, FileVersion]]]] = []
    for position, document in enumerate(documents, start=1):
        files: list[tuple[str, FileVersion]] = []
        for document_file in document.files.all():
            current = next(iter(document_file.versions.all()), None)
            if current is not None:
                name = current.stored_file.original_name
                path = f"documents/{position:04d}/{document_file.pk}_{name}"
                files.append((path, current))
        entries.append((document, files))
    return entries


def disposal_act_list() -> QuerySet[DisposalAct]:
    """Disposal acts, newest first, with the number of their cases."""
    return (
        DisposalAct.objects.select_related("created_by", "approved_by")
        .annotate(case_count=Count("case_files"))
        .order_by("-created_at", "-pk")
    )


def disposal_act_cases(*, act: DisposalAct) -> QuerySet[CaseFile]:
    """The cases an act lists, with their items, in index order."""
    return (
        act.case_files.select_related("item__nomenclature__org_unit")
        .annotate(document_count=Count("documents"))
        .order_by("item__case_index", "volume")
    )
