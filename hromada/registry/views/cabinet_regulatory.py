"""The keepers' pages of a regulatory act's impact analysis and
effectiveness reports (REG-05), under /cabinet/acts/<act>/regulatory/.

As the rest of the cabinet: only the registry's keepers see them, and only
for a regulatory act; to anyone else they do not exist (404).
"""

from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from hromada.core.errors import ApplicationError
from hromada.registry.forms_cabinet import RegulatoryDocumentForm
from hromada.registry.models import LegalAct, RegulatoryDocument
from hromada.registry.selectors import regulatory as regulatory_selectors
from hromada.registry.services import regulatory as regulatory_services
from hromada.registry.views.cabinet import _act, _form_page, _keeper, _submitted
from hromada.ui.forms import errors_to_form
from hromada.ui.http import CabinetRequest


def _regulatory_act(request: CabinetRequest, slug: str) -> LegalAct:
    act = _act(request, slug)
    if not act.is_regulatory:
        raise Http404
    return act


def regulatory_document_create(request: CabinetRequest, slug: str) -> HttpResponse:
    """Attach an impact analysis or an effectiveness report to the act."""
    actor = _keeper(request)
    act = _regulatory_act(request, slug)
    form = RegulatoryDocumentForm(request.POST or None, request.FILES or None)

    def write(data: dict[str, Any]) -> RegulatoryDocument:
        return regulatory_services.regulatory_document_add(
            actor=actor,
            act=act,
            data=form.document_data(),
            content=data["file"],
            name=data["file"].name,
            once_key=data.get("once"),
        )

    if _submitted(request, form, write) is not None:
        messages.success(request, _("The document is attached to the act."))
        return redirect("registry_cabinet:act_manage", slug=act.slug)
    return _form_page(
        request,
        {
            "form": form,
            "act": act,
            "title": _("Attach a regulatory document"),
            "submit": _("Attach the document"),
        },
    )


def regulatory_document_remove(
    request: CabinetRequest, slug: str, public_id: UUID
) -> HttpResponse:
    """Ask, then take a wrongly attached document off the act."""
    actor = _keeper(request)
    act = _regulatory_act(request, slug)
    document = get_object_or_404(
        regulatory_selectors.regulatory_document_list_for_user(user=request.user),
        act=act,
        public_id=public_id,
    )
    form = forms.Form(request.POST)
    if request.method == "POST":
        try:
            regulatory_services.regulatory_document_remove(
                actor=actor, document=document
            )
        except ApplicationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("The document is removed from the act."))
            return redirect("registry_cabinet:act_manage", slug=act.slug)
    context = {"act": act, "document": document, "form": form}
    return render(
        request,
        "registry/cabinet_regulatory_remove.html",
        context,
        status=400 if form.errors else 200,
    )
