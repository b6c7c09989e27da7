"""Cabinet pages where administrators keep the category tree of appeals,
the categories' questions and the routing rules, and try the routing.

Only those who keep the dictionaries (system administrators and the
office) see these pages; to other staff they do not exist (404), as a
forbidden object looks missing.
"""

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts import selectors as account_selectors
from hromada.accounts.models import User
from hromada.appeals import permissions
from hromada.appeals.forms_dictionaries import (
    CategoryForm,
    QuestionForm,
    RoutingRuleForm,
    RoutingTrialForm,
    choices_text,
)
from hromada.appeals.models import (
    Category,
    CategoryQuestion,
    QuestionKind,
    RoutingRule,
    TermRule,
)
from hromada.appeals.selectors import dictionaries as dictionary_selectors
from hromada.appeals.services import dictionaries as dictionary_services
from hromada.appeals.views.cabinet import ROUTABLE_KINDS
from hromada.core.errors import ApplicationError
from hromada.gis import selectors as gis_selectors
from hromada.org import selectors as org_selectors
from hromada.ui.forms import errors_to_form
from hromada.ui.http import CabinetRequest

T = TypeVar("T")


def _keeper(request: CabinetRequest) -> User:
    """The signed-in keeper of the dictionaries; to others no such page."""
    if not permissions.can_keep_dictionaries(request.user):
        raise Http404
    return request.user


def _found(read: Callable[[], T]) -> T:
    try:
        return read()
    except ObjectDoesNotExist:
        raise Http404 from None


def _submitted(
    request: CabinetRequest,
    form: forms.Form,
    write: Callable[[dict[str, Any]], T],
) -> T | None:
    """What ``write`` made of the sent form's data; ``None`` when the form
    was only shown, or is wrong, or the service refused (said on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return write(form.cleaned_data)
    except ApplicationError as error:
        errors_to_form(form, error)
        return None


def _form_page(
    request: CabinetRequest, template: str, context: dict[str, Any]
) -> HttpResponse:
    status = 400 if context["form"].errors else 200
    return render(request, template, context, status=status)


def _category(public_id: UUID) -> Category:
    return _found(partial(dictionary_selectors.category_get, public_id=public_id))


def _question(category: Category, question_id: UUID) -> CategoryQuestion:
    return _found(
        partial(
            dictionary_selectors.question_get, category=category, public_id=question_id
        )
    )


# --- the category tree ---------------------------------------------------


def category_list(request: CabinetRequest) -> HttpResponse:
    """The whole tree, inactive categories too."""
    _keeper(request)
    nodes = dictionary_selectors.category_tree()
    return render(request, "appeals/dictionary_category_list.html", {"nodes": nodes})


def category_create(request: CabinetRequest) -> HttpResponse:
    return _category_page(request, actor=_keeper(request), category=None)


def category_edit(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    """A category's settings, and the questions it asks."""
    actor = _keeper(request)
    return _category_page(request, actor=actor, category=_category(public_id))


def _category_form(request: CabinetRequest, category: Category | None) -> CategoryForm:
    nodes = dictionary_selectors.category_nodes()
    if category is not None:
        nodes = dictionary_selectors.category_subtree_excluded(nodes, category)
    topics = dictionary_selectors.topic_list_valid(
        on=timezone.localdate(), keep=category.topic if category else None
    )
    return CategoryForm(
        request.POST or None,
        parents=nodes,
        topics=topics,
        editing=category is not None,
        initial=_category_initial(category),
    )


def _category_initial(category: Category | None) -> dict[str, Any]:
    if category is None:
        return {}
    return {
        "parent": str(category.parent.public_id) if category.parent else "",
        "code": category.code,
        "name": category.name,
        "description": category.description,
        "topic": category.topic_id,
        "term_rule": category.term_rule,
        "needs_location": category.needs_location,
        "position": category.position,
        "is_active": category.is_active,
    }


def _category_page(
    request: CabinetRequest, *, actor: User, category: Category | None
) -> HttpResponse:
    form = _category_form(request, category)
    saved = _submitted(request, form, partial(_category_write, actor, category))
    if saved is not None:
        return _category_saved(request, saved, created=category is None)
    questions = (
        dictionary_selectors.question_list(category=category) if category else []
    )
    context = {"form": form, "category": category, "questions": questions}
    return _form_page(request, "appeals/dictionary_category_form.html", context)


def _category_write(
    actor: User, category: Category | None, data: dict[str, Any]
) -> Category:
    return dictionary_services.category_save(
        actor=actor,
        code=category.code if category else data["code"],
        name=data["name"],
        parent=data["parent"],
        topic=data["topic"],
        term_rule=TermRule(data["term_rule"]),
        needs_location=data["needs_location"],
        description=data["description"],
        position=data["position"],
        is_active=data["is_active"],
        category=category,
        once_key=data["once"],
    )


def _category_saved(
    request: CabinetRequest, category: Category, *, created: bool
) -> HttpResponse:
    if created:
        messages.success(
            request, _("The category is added. Add its questions, if it asks any.")
        )
        return redirect("appeals_cabinet:category_edit", category.public_id)
    messages.success(request, _("The category is saved."))
    return redirect("appeals_cabinet:category_list")


# --- a category's questions -----------------------------------------------


def question_create(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    actor = _keeper(request)
    return _question_page(request, actor, _category(public_id), None)


def question_edit(
    request: CabinetRequest, public_id: UUID, question_id: UUID
) -> HttpResponse:
    actor = _keeper(request)
    category = _category(public_id)
    return _question_page(request, actor, category, _question(category, question_id))


def _question_page(
    request: CabinetRequest,
    actor: User,
    category: Category,
    question: CategoryQuestion | None,
) -> HttpResponse:
    form = QuestionForm(
        request.POST or None,
        editing=question is not None,
        initial=_question_initial(question),
    )
    write = partial(_question_write, actor, category, question)
    if _submitted(request, form, write) is not None:
        done = _("The question is saved.") if question else _("The question is added.")
        messages.success(request, done)
        return redirect("appeals_cabinet:category_edit", category.public_id)
    context = {"form": form, "category": category, "question": question}
    return _form_page(request, "appeals/dictionary_question_form.html", context)


def _question_write(
    actor: User,
    category: Category,
    question: CategoryQuestion | None,
    data: dict[str, Any],
) -> CategoryQuestion:
    if question is None:
        return dictionary_services.category_question_add(
            actor=actor,
            category=category,
            code=data["code"],
            once_key=data["once"],
            **_question_values(data),
        )
    return dictionary_services.category_question_update(
        actor=actor,
        question=question,
        position=data["position"],
        **_question_values(data),
    )


def _question_values(data: dict[str, Any]) -> dict[str, Any]:
    """What adding and changing a question take alike."""
    return {
        "label": data["label"],
        "help_text": data["help_text"],
        "kind": QuestionKind(data["kind"]),
        "required": data["required"],
        "choices": data["choices"],
    }


def _question_initial(question: CategoryQuestion | None) -> dict[str, Any]:
    if question is None:
        return {}
    return {
        "code": question.code,
        "label": question.label,
        "help_text": question.help_text,
        "kind": question.kind,
        "required": question.required,
        "choices": choices_text(question.choices or []),
        "position": question.position,
    }


def question_remove(
    request: CabinetRequest, public_id: UUID, question_id: UUID
) -> HttpResponse:
    """Ask first; the answer (a POST) removes the question."""
    actor = _keeper(request)
    category = _category(public_id)
    question = _question(category, question_id)
    if request.method != "POST":
        context = {"category": category, "question": question}
        return render(request, "appeals/dictionary_question_remove.html", context)
    try:
        dictionary_services.category_question_remove(actor=actor, question=question)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The question «%(label)s» is removed.") % {"label": question.label},
        )
    return redirect("appeals_cabinet:category_edit", category.public_id)


# --- routing rules --------------------------------------------------------


def routing_rule_list(request: CabinetRequest) -> HttpResponse:
    _keeper(request)
    rows = dictionary_selectors.routing_rule_rows()
    return render(request, "appeals/dictionary_rule_list.html", {"rows": rows})


def routing_rule_create(request: CabinetRequest) -> HttpResponse:
    return _rule_page(request, actor=_keeper(request), rule=None)


def routing_rule_edit(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    actor = _keeper(request)
    rule = _found(partial(dictionary_selectors.routing_rule_get, public_id=public_id))
    return _rule_page(request, actor=actor, rule=rule)


def _rule_form(request: CabinetRequest, rule: RoutingRule | None) -> RoutingRuleForm:
    units = org_selectors.org_unit_list_active().filter(kind__in=ROUTABLE_KINDS)
    return RoutingRuleForm(
        request.POST or None,
        categories=dictionary_selectors.category_nodes(),
        districts=gis_selectors.district_list(),
        units=units.order_by("name"),
        controllers=account_selectors.staff_user_list(),
        initial=_rule_initial(rule),
    )


def _rule_initial(rule: RoutingRule | None) -> dict[str, Any]:
    if rule is None:
        return {}
    return {
        "name": rule.name,
        "category": str(rule.category.public_id) if rule.category else "",
        "district": rule.district_id,
        "keywords": rule.keywords,
        "unit": rule.unit_id,
        "controller": rule.controller_id,
        "outside_competence": rule.outside_competence,
        "forward_to": rule.forward_to,
        "priority": rule.priority,
        "is_active": rule.is_active,
    }


def _rule_page(
    request: CabinetRequest, *, actor: User, rule: RoutingRule | None
) -> HttpResponse:
    form = _rule_form(request, rule)
    if _submitted(request, form, partial(_rule_write, actor, rule)) is not None:
        messages.success(request, _("The routing rule is saved."))
        return redirect("appeals_cabinet:routing_rule_list")
    context = {"form": form, "rule": rule}
    return _form_page(request, "appeals/dictionary_rule_form.html", context)


def _rule_write(
    actor: User, rule: RoutingRule | None, data: dict[str, Any]
) -> RoutingRule:
    fields = ("name", "category", "district", "keywords", "unit", "controller")
    options = ("outside_competence", "forward_to", "priority", "is_active")
    return dictionary_services.routing_rule_save(
        actor=actor,
        rule=rule,
        once_key=data["once"],
        **{name: data[name] for name in (*fields, *options)},
    )


def routing_try(request: CabinetRequest) -> HttpResponse:
    """Which rule would route an appeal, and why; nothing is filed."""
    _keeper(request)
    form = RoutingTrialForm(
        request.GET or None,
        categories=dictionary_selectors.category_nodes(),
        districts=gis_selectors.district_list(),
    )
    trial = None
    if form.is_valid():
        district = form.cleaned_data["district"]
        trial = dictionary_selectors.routing_trial(
            category=form.cleaned_data["category"],
            district_id=district.pk if district else None,
            text=form.cleaned_data["text"],
        )
    context = {"form": form, "trial": trial}
    return _form_page(request, "appeals/dictionary_routing_try.html", context)
