"""The catalogue keepers' pages, under ``/cabinet/opendata/``.

Only the keepers (analysts, system administrators, superusers) see them;
to other staff they do not exist (404). Every change is a service call
answered with a redirect and a message (POST-redirect-GET), so each
button works without JavaScript.
"""

from collections.abc import Callable
from copy import copy
from functools import wraps
from typing import Concatenate, ParamSpec, cast

from django import forms
from django.apps import apps
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hromada.core.errors import ApplicationError
from hromada.opendata import ckan_dicts, permissions, selectors, services
from hromada.opendata.forms_cabinet import DatasetPassportForm
from hromada.opendata.models import Dataset, Resource
from hromada.ui.forms import errors_to_form
from hromada.ui.http import CabinetRequest

PAGE_SIZE = 20
P = ParamSpec("P")
View = Callable[Concatenate[CabinetRequest, P], HttpResponse]


def _keepers_only(view: View[P]) -> View[P]:
    """To anyone who does not keep the catalogue, no such page; checked
    before anything else, the request's method included."""

    @wraps(view)
    def guarded(
        request: CabinetRequest, *args: P.args, **kwargs: P.kwargs
    ) -> HttpResponse:
        if not permissions.can_keep_catalogue(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return guarded


def _dataset(request: CabinetRequest, name: str) -> Dataset:
    return get_object_or_404(
        selectors.dataset_list_for_keeper(user=request.user), name=name
    )


def _room_names() -> dict[str, str]:
    """Each room's name by its label: a dataset's ``owner`` is a label."""
    return {config.label: str(config.verbose_name) for config in apps.get_app_configs()}


@_keepers_only
def dataset_list(request: CabinetRequest) -> HttpResponse:
    """Every dataset, published or not, a page at a time."""
    datasets = selectors.dataset_list_for_keeper(user=request.user)
    page = Paginator(datasets, PAGE_SIZE).get_page(request.GET.get("page"))
    rooms = _room_names()
    rows = [(dataset, rooms.get(dataset.owner, dataset.owner)) for dataset in page]
    context = {"page": page, "rows": rows}
    return render(request, "opendata/cabinet_dataset_list.html", context)


def _files(request: CabinetRequest, dataset: Dataset) -> list[tuple[Resource, str]]:
    """The dataset's files, each with its public address, or "" while the
    dataset is not published (its files then download from nowhere)."""
    site = ckan_dicts.site_for(request)
    return [
        (
            resource,
            ckan_dicts.download_url(resource, dataset=dataset, site=site)
            if dataset.is_published
            else "",
        )
        for resource in selectors.resource_list_for_keeper(
            user=request.user, dataset=dataset
        )
    ]


@_keepers_only
def dataset_manage(request: CabinetRequest, name: str) -> HttpResponse:
    """A dataset for its keeper: the passport to edit, the files, and the
    buttons that publish, withdraw or generate the files."""
    dataset = _dataset(request, name)
    # The form writes what it cleans into its instance; the page shows the
    # dataset as saved, so the form gets a copy.
    form = DatasetPassportForm(request.POST or None, instance=copy(dataset))
    if request.method == "POST" and form.is_valid():
        try:
            services.dataset_passport_update(
                dataset=dataset, actor=request.user, passport=form.passport()
            )
        except ApplicationError as error:
            # errors_to_form uses only what every form has: fields, add_error.
            errors_to_form(cast(forms.Form, form), error)
        else:
            messages.success(request, _("The passport is saved."))
            return redirect("opendata_cabinet:dataset_manage", name=dataset.name)
    context = {
        "dataset": dataset,
        "room": _room_names().get(dataset.owner, dataset.owner),
        "files": _files(request, dataset),
        "form": form,
    }
    status = 400 if form.errors else 200
    return render(request, "opendata/cabinet_dataset.html", context, status=status)


def _apply(
    request: CabinetRequest,
    name: str,
    write: Callable[[Dataset], str],
) -> HttpResponse:
    """Run ``write`` on the dataset and say what it did, or why the service
    refused; back to the dataset's page either way."""
    dataset = _dataset(request, name)
    try:
        done = write(dataset)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("opendata_cabinet:dataset_manage", name=dataset.name)


@_keepers_only
@require_POST
def dataset_publish(request: CabinetRequest, name: str) -> HttpResponse:
    """Publish the dataset in the catalogue."""

    def write(dataset: Dataset) -> str:
        services.dataset_publish(dataset=dataset, actor=request.user)
        return _("The dataset is published.")

    return _apply(request, name, write)


@_keepers_only
@require_POST
def dataset_unpublish(request: CabinetRequest, name: str) -> HttpResponse:
    """Withdraw the dataset from the catalogue."""

    def write(dataset: Dataset) -> str:
        services.dataset_unpublish(dataset=dataset, actor=request.user)
        return _("The dataset is withdrawn from the catalogue.")

    return _apply(request, name, write)


@_keepers_only
@require_POST
def dataset_refresh(request: CabinetRequest, name: str) -> HttpResponse:
    """Generate the dataset's files from its producer now."""

    def write(dataset: Dataset) -> str:
        result = services.dataset_refresh(dataset=dataset, actor=request.user)
        if not result.changed:
            return _("The data have not changed: the files stay as they were.")
        return _("The files are generated anew.")

    return _apply(request, name, write)
