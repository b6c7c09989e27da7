"""Cabinet pages of the archive: nomenclatures, cases, disposal acts."""

from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hromada.core.errors import ApplicationError
from hromada.documents import permissions
from hromada.documents.models import (
    CaseFile,
    CaseFileStatus,
    DisposalActStatus,
    Nomenclature,
    NomenclatureItem,
    RetentionKind,
)
from hromada.documents.selectors import archive as selectors
from hromada.documents.services import archive as services
from hromada.documents.services import disposal as disposal_services
from hromada.org.models import OrgUnit
from hromada.ui.http import CabinetRequest

YEAR_MIN = 2000
YEAR_MAX = 2100


class NomenclatureCreateForm(forms.Form):
    org_unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"),
        queryset=OrgUnit.objects.filter(is_active=True).exclude(unit_index=""),
    )
    year = forms.IntegerField(
        label=gettext_lazy("Year"), min_value=YEAR_MIN, max_value=YEAR_MAX
    )


class NomenclatureItemForm(forms.Form):
    case_index = forms.CharField(
        label=gettext_lazy("Case index"),
        max_length=20,
        help_text=gettext_lazy("The unit index, a hyphen and a number, e.g. 01-12."),
    )
    title = forms.CharField(label=gettext_lazy("Title of the case"), max_length=500)
    retention_kind = forms.ChoiceField(
        label=gettext_lazy("Retention"), choices=RetentionKind.choices
    )
    retention_years = forms.IntegerField(
        label=gettext_lazy("Term in years"),
        min_value=1,
        max_value=100,
        required=False,
        help_text=gettext_lazy("Only for terms in years."),
    )
    retention_article = forms.CharField(
        label=gettext_lazy("Article of the retention schedule"),
        max_length=50,
        required=False,
    )
    volumes = forms.IntegerField(
        label=gettext_lazy("Volumes"), min_value=1, max_value=99, initial=1
    )
    note = forms.CharField(label=gettext_lazy("Note"), max_length=300, required=False)


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Year to close"), min_value=YEAR_MIN, max_value=YEAR_MAX
    )


def _archive_require(request: CabinetRequest) -> bool:
    """Let in archive readers; return whether the user may also manage."""
    if not permissions.can_view_archive(request.user):
        raise Http404
    return bool(permissions.can_manage_nomenclature(request.user))


def _year(request: CabinetRequest) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if YEAR_MIN <= year <= YEAR_MAX else timezone.localdate().year


def nomenclature_list(request: CabinetRequest) -> HttpResponse:
    can_manage = _archive_require(request)
    year = _year(request)
    context = {
        "year": year,
        "years": sorted({year, *selectors.nomenclature_years()}, reverse=True),
        "nomenclatures": selectors.nomenclature_list(year=year),
        "can_manage": can_manage,
        "form": NomenclatureCreateForm(initial={"year": year}),
        "year_form": YearForm(initial={"year": year - 1}),
    }
    return render(request, "documents/nomenclature_list.html", context)


@require_POST
def nomenclature_create(request: CabinetRequest) -> HttpResponse:
    _archive_require(request)
    form = NomenclatureCreateForm(request.POST)
    if form.is_valid():
        try:
            nomenclature = services.nomenclature_create(
                actor=request.user,
                year=form.cleaned_data["year"],
                org_unit=form.cleaned_data["org_unit"],
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The nomenclature was created."))
            return redirect("documents:nomenclature_detail", nomenclature.public_id)
    year = timezone.localdate().year
    context = {
        "year": year,
        "years": [year],
        "nomenclatures": selectors.nomenclature_list(year=year),
        "can_manage": True,
        "form": form,
        "year_form": YearForm(initial={"year": year - 1}),
    }
    return render(request, "documents/nomenclature_list.html", context, status=400)


def _nomenclature(public_id: UUID) -> Nomenclature:
    return get_object_or_404(selectors.nomenclature_list(), public_id=public_id)


def _detail_context(
    nomenclature: Nomenclature, form: NomenclatureItemForm, can_manage: bool
) -> dict[str, object]:
    items = selectors.nomenclature_items(nomenclature=nomenclature)
    rows = [(item, _retention(item)) for item in items]
    return {
        "nomenclature": nomenclature,
        "rows": rows,
        "case_files": selectors.case_file_list(nomenclature=nomenclature),
        "form": form,
        "can_manage": can_manage,
        "can_change": can_manage and nomenclature.approved_at is None,
    }


def _retention(item: NomenclatureItem) -> str:
    return selectors.retention_label(
        kind=item.retention_kind, years=item.retention_years
    )


def nomenclature_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    can_manage = _archive_require(request)
    nomenclature = _nomenclature(public_id)
    context = _detail_context(nomenclature, NomenclatureItemForm(), can_manage)
    return render(request, "documents/nomenclature_detail.html", context)


@require_POST
def nomenclature_item_add(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    can_manage = _archive_require(request)
    nomenclature = _nomenclature(public_id)
    form = NomenclatureItemForm(request.POST)
    if form.is_valid():
        try:
            services.nomenclature_item_add(
                nomenclature=nomenclature, actor=request.user, **form.cleaned_data
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The case was added to the nomenclature."))
            return redirect("documents:nomenclature_detail", nomenclature.public_id)
    context = _detail_context(nomenclature, form, can_manage)
    return render(request, "documents/nomenclature_detail.html", context, status=400)


@require_POST
def nomenclature_approve(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    _archive_require(request)
    nomenclature = _nomenclature(public_id)
    try:
        services.nomenclature_approve(nomenclature=nomenclature, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The nomenclature was approved."))
    return redirect("documents:nomenclature_detail", nomenclature.public_id)


def nomenclature_consolidated(request: CabinetRequest, year: int) -> HttpResponse:
    _archive_require(request)
    items = selectors.consolidated_nomenclature(year=year)
    rows = [(item, _retention(item)) for item in items]
    context = {"year": year, "rows": rows}
    return render(request, "documents/nomenclature_consolidated.html", context)


@require_POST
def year_close(request: CabinetRequest) -> HttpResponse:
    _archive_require(request)
    form = YearForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the year to close."))
        return redirect("documents:nomenclature_list")
    year = form.cleaned_data["year"]
    try:
        closed = disposal_services.year_close(year=year, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Cases closed for %(year)s: %(count)s.")
            % {"year": year, "count": len(closed)},
        )
    return redirect(f"{reverse('documents:nomenclature_list')}?year={year}")


def _case_file(public_id: UUID) -> CaseFile:
    return get_object_or_404(selectors.case_file_list(), public_id=public_id)


def case_file_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    can_manage = _archive_require(request)
    case_file = _case_file(public_id)
    documents = list(
        selectors.case_file_documents(case_file=case_file, user=request.user)
    )
    item = case_file.item
    # Annotated by case_file_list; django-stubs cannot see annotations here.
    total: int = case_file.document_count  # type: ignore[attr-defined]
    context = {
        "case_file": case_file,
        "retention": _retention(item),
        "documents": documents,
        "hidden_count": total - len(documents),
        "can_archive": can_manage
        and item.retention_kind == RetentionKind.PERMANENT
        and case_file.status in (CaseFileStatus.CLOSED, CaseFileStatus.ARCHIVED),
    }
    return render(request, "documents/case_file_detail.html", context)


@require_POST
def case_file_archive(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    _archive_require(request)
    case_file = _case_file(public_id)
    try:
        if case_file.status == CaseFileStatus.ARCHIVED:
            package = _package_for_manager(request, case_file)
        else:
            package = services.case_file_archive(
                case_file=case_file, actor=request.user
            )
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("documents:case_file_detail", case_file.public_id)
    response = HttpResponse(package, content_type="application/zip")
    name = f"case-{case_file.item.case_index}-{case_file.volume}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _package_for_manager(request: CabinetRequest, case_file: CaseFile) -> bytes:
    # A transferred case may be downloaded again; the transfer was audited.
    if not permissions.can_manage_nomenclature(request.user):
        raise Http404
    return services.archive_package_build(case_file=case_file)


def disposal_act_list(request: CabinetRequest) -> HttpResponse:
    can_manage = _archive_require(request)
    context = {"acts": selectors.disposal_act_list(), "can_manage": can_manage}
    return render(request, "documents/disposal_act_list.html", context)


@require_POST
def disposal_act_create(request: CabinetRequest) -> HttpResponse:
    _archive_require(request)
    try:
        act = disposal_services.disposal_act_create(
            actor=request.user, today=timezone.localdate()
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("documents:disposal_act_list")
    messages.success(request, _("A draft disposal act was prepared."))
    return redirect("documents:disposal_act_detail", act.public_id)


def disposal_act_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    can_manage = _archive_require(request)
    act = get_object_or_404(selectors.disposal_act_list(), public_id=public_id)
    cases = selectors.disposal_act_cases(act=act)
    context = {
        "act": act,
        "rows": [(case, _retention(case.item)) for case in cases],
        "can_approve": can_manage and act.status == DisposalActStatus.DRAFT,
    }
    return render(request, "documents/disposal_act_detail.html", context)


@require_POST
def disposal_act_approve(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    _archive_require(request)
    act = get_object_or_404(selectors.disposal_act_list(), public_id=public_id)
    try:
        act = disposal_services.disposal_act_approve(act=act, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Act %(number)s was approved; the files of its cases are destroyed.")
            % {"number": act.number},
        )
    return redirect("documents:disposal_act_detail", act.public_id)


urlpatterns: list[URLPattern] = [
    path("nomenclature/", nomenclature_list, name="nomenclature_list"),
    path("nomenclature/create/", nomenclature_create, name="nomenclature_create"),
    path("nomenclature/close-year/", year_close, name="year_close"),
    path(
        "nomenclature/consolidated/<int:year>/",
        nomenclature_consolidated,
        name="nomenclature_consolidated",
    ),
    path(
        "nomenclature/<uuid:public_id>/",
        nomenclature_detail,
        name="nomenclature_detail",
    ),
    path(
        "nomenclature/<uuid:public_id>/items/",
        nomenclature_item_add,
        name="nomenclature_item_add",
    ),
    path(
        "nomenclature/<uuid:public_id>/approve/",
        nomenclature_approve,
        name="nomenclature_approve",
    ),
    path("cases/<uuid:public_id>/", case_file_detail, name="case_file_detail"),
    path(
        "cases/<uuid:public_id>/archive/",
        case_file_archive,
        name="case_file_archive",
    ),
    path("disposal-acts/", disposal_act_list, name="disposal_act_list"),
    path("disposal-acts/create/", disposal_act_create, name="disposal_act_create"),
    path(
        "disposal-acts/<uuid:public_id>/",
        disposal_act_detail,
        name="disposal_act_detail",
    ),
    path(
        "disposal-acts/<uuid:public_id>/approve/",
        disposal_act_approve,
        name="disposal_act_approve",
    ),
]
