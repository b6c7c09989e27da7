"""The keepers' pages of the registry, under /cabinet/acts/.

Only the registry's keepers (the office, the council secretary, the system
administrator) see them; to other staff they do not exist (404).
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.errors import ApplicationError
from hromada.registry import permissions
from hromada.registry.forms import ActSearchForm
from hromada.registry.forms_cabinet import (
    ActForm,
    EditionForm,
    ImportForm,
    RelationForm,
    StatusForm,
)
from hromada.registry.models import (
    ACT_TRANSITIONS,
    ActImport,
    ActStatus,
    LegalAct,
    RelationKind,
)
from hromada.registry.selectors import acts as act_selectors
from hromada.registry.selectors import regulatory as regulatory_selectors
from hromada.registry.selectors import search as search_selectors
from hromada.registry.services import acts as act_services
from hromada.registry.services import changes as change_services
from hromada.registry.services import imports as import_services
from hromada.registry.views.public import result_page
from hromada.ui.forms import errors_to_form
from hromada.ui.http import CabinetRequest

T = TypeVar("T")
IMPORTS_SHOWN = 10


def _keeper(request: CabinetRequest) -> User:
    """The signed-in keeper of the registry; to others no such page."""
    if not permissions.can_keep_registry(request.user):
        raise Http404
    return request.user


def _act(request: CabinetRequest, slug: str) -> LegalAct:
    return get_object_or_404(
        act_selectors.act_list_for_user(user=request.user), slug=slug
    )


def _submitted(
    request: CabinetRequest, form: forms.Form, write: Callable[[dict[str, Any]], T]
) -> T | None:
    """What ``write`` made of the sent form; ``None`` when the form was only
    shown, is wrong, or the service refused (said on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return write(form.cleaned_data)
    except ApplicationError as error:
        errors_to_form(form, error)
        return None


def _form_page(request: CabinetRequest, context: dict[str, Any]) -> HttpResponse:
    status = 400 if context["form"].errors else 200
    return render(request, "registry/cabinet_form.html", context, status=status)


def act_list(request: CabinetRequest) -> HttpResponse:
    """Every act, internal ones too, searchable, and the latest imports."""
    _keeper(request)
    form = ActSearchForm(request.GET or None)
    criteria = (
        form.criteria()
        if form.is_bound and form.is_valid()
        else search_selectors.ActCriteria()
    )
    result = search_selectors.act_search(user=request.user, criteria=criteria)
    imports = act_selectors.act_import_list_for_user(user=request.user)
    context = {
        "form": form,
        "result": result,
        "page": result_page(result),
        "imports": imports[:IMPORTS_SHOWN],
    }
    return render(request, "registry/cabinet_act_list.html", context)


def act_create(request: CabinetRequest) -> HttpResponse:
    """Register an act."""
    actor = _keeper(request)
    form = ActForm(request.POST or None, request.FILES or None)

    def write(data: dict[str, Any]) -> LegalAct:
        scan = data.get("scan")
        return act_services.act_register(
            actor=actor,
            data=form.act_data(),
            scan=scan,
            scan_name=scan.name if scan else "",
            once_key=data.get("once"),
        )

    act = _submitted(request, form, write)
    if act is not None:
        messages.success(request, _("The act is registered."))
        return redirect("registry_cabinet:act_manage", slug=act.slug)
    return _form_page(
        request,
        {"form": form, "title": _("Register an act"), "submit": _("Register the act")},
    )


def act_manage(request: CabinetRequest, slug: str) -> HttpResponse:
    """An act for its keeper: the card and what can be done to it."""
    _keeper(request)
    act = _act(request, slug)
    context = {
        "act": act,
        "editions": act_selectors.act_editions(act=act),
        "relations": act_selectors.act_relations(act=act, user=request.user),
        "can_change_status": bool(_status_choices(act)),
        "regulatory": regulatory_selectors.act_regulatory_record(
            act=act, today=timezone.localdate()
        ),
    }
    return render(request, "registry/cabinet_act.html", context)


def act_edit(request: CabinetRequest, slug: str) -> HttpResponse:
    """Correct an act's card, or put a new scan beside it."""
    actor = _keeper(request)
    act = _act(request, slug)
    form = ActForm(
        request.POST or None, request.FILES or None, initial=ActForm.initial_for(act)
    )

    def write(data: dict[str, Any]) -> LegalAct:
        changed = act_services.act_update(actor=actor, act=act, data=form.act_data())
        if data.get("scan"):
            changed = act_services.act_scan_attach(
                actor=actor, act=changed, content=data["scan"], name=data["scan"].name
            )
        return changed

    if _submitted(request, form, write) is not None:
        messages.success(request, _("The act's card is saved."))
        return redirect("registry_cabinet:act_manage", slug=act.slug)
    return _form_page(
        request,
        {"form": form, "act": act, "title": _("Correct the card"), "submit": _("Save")},
    )


def act_relate(request: CabinetRequest, slug: str) -> HttpResponse:
    """Record what this act does to another: amends, repeals, …"""
    actor = _keeper(request)
    act = _act(request, slug)
    form = RelationForm(request.POST or None)

    def write(data: dict[str, Any]) -> object:
        target = _target(request, form, data["target"])
        return change_services.act_relate(
            actor=actor,
            source=act,
            target=target,
            kind=RelationKind(data["kind"]),
            effective_on=data.get("effective_on"),
            text=data.get("text") or "",
        )

    if _submitted(request, form, write) is not None:
        messages.success(request, _("The relation is recorded."))
        return redirect("registry_cabinet:act_manage", slug=act.slug)
    return _form_page(
        request,
        {
            "form": form,
            "act": act,
            "title": _("Relate to another act"),
            "submit": _("Record the relation"),
        },
    )


def _target(request: CabinetRequest, form: forms.Form, reference: str) -> LegalAct:
    found = act_selectors.act_resolve(user=request.user, reference=reference)
    if len(found) == 1:
        return found[0]
    message = (
        _("No act has this address or number.")
        if not found
        else _("Several acts have this number: give the other act's address.")
    )
    raise ApplicationError(
        message, code="relation_target", details={"target": [message]}
    )


def edition_create(request: CabinetRequest, slug: str) -> HttpResponse:
    """Add a consolidated text of the act from a day."""
    actor = _keeper(request)
    act = _act(request, slug)
    form = EditionForm(request.POST or None)

    def write(data: dict[str, Any]) -> object:
        return change_services.act_edition_add(
            actor=actor,
            act=act,
            valid_from=data["valid_from"],
            text=data["text"],
            note=data.get("note") or "",
        )

    if _submitted(request, form, write) is not None:
        messages.success(request, _("The edition is added."))
        return redirect("registry_cabinet:act_manage", slug=act.slug)
    return _form_page(
        request,
        {"form": form, "act": act, "title": _("Add an edition"), "submit": _("Add")},
    )


def _status_choices(act: LegalAct) -> list[tuple[str, str]]:
    allowed = ACT_TRANSITIONS[ActStatus(act.status)] - {ActStatus.AMENDED}
    return [
        (status.value, str(status.label)) for status in ActStatus if status in allowed
    ]


def act_status(request: CabinetRequest, slug: str) -> HttpResponse:
    """Change the act's status by hand: adopt a draft, suspend, repeal."""
    actor = _keeper(request)
    act = _act(request, slug)
    choices = _status_choices(act)
    if not choices:
        raise Http404
    form = StatusForm(request.POST or None, choices=choices)

    def write(data: dict[str, Any]) -> LegalAct:
        return act_services.act_status_change(
            actor=actor, act=act, to=ActStatus(data["status"]), on=data.get("on")
        )

    if _submitted(request, form, write) is not None:
        messages.success(request, _("The status is changed."))
        return redirect("registry_cabinet:act_manage", slug=act.slug)
    return _form_page(
        request,
        {
            "form": form,
            "act": act,
            "title": _("Change the status"),
            "submit": _("Change"),
        },
    )


def import_create(request: CabinetRequest) -> HttpResponse:
    """Start a bulk import of a table and an archive of scans."""
    actor = _keeper(request)
    form = ImportForm(request.POST or None, request.FILES or None)

    def write(data: dict[str, Any]) -> ActImport:
        archive = data.get("archive")
        return import_services.act_import_start(
            actor=actor,
            metadata=data["metadata"],
            metadata_name=data["metadata"].name,
            archive=archive,
            archive_name=archive.name if archive else "",
            once_key=data.get("once"),
        )

    job = _submitted(request, form, write)
    if job is not None:
        return redirect("registry_cabinet:import_detail", public_id=job.public_id)
    return _form_page(
        request,
        {"form": form, "title": _("Import acts"), "submit": _("Start the import")},
    )


def import_detail(request: CabinetRequest, public_id: str) -> HttpResponse:
    """An import's progress and, when it ends, its report of rejected rows.

    While it runs the page asks again by itself (htmx, or a link without
    JavaScript); htmx gets only the progress part.
    """
    _keeper(request)
    job = get_object_or_404(
        act_selectors.act_import_list_for_user(user=request.user), public_id=public_id
    )
    template = (
        "registry/_import_progress.html"
        if request.htmx
        else "registry/cabinet_import.html"
    )
    return render(request, template, {"job": job})
