"""Writes of the category tree and the routing rules, by administrators.

Who keeps them: the contact centre's supervisor in practice; here the
system administrator and the office (registrars), who answer for the
journal of appeals. Every change is audited.
"""

from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.appeals import permissions
from hromada.appeals.models import (
    Category,
    CategoryQuestion,
    QuestionKind,
    RoutingRule,
    TermRule,
    TopicCode,
)
from hromada.core import once
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.gis.models import District
from hromada.org.models import OrgUnit


def _check_keeper(actor: User | None) -> None:
    # actor=None: the demo loader and data migrations, the system itself.
    if actor is not None and not permissions.can_keep_dictionaries(actor):
        raise PermissionDeniedError(
            _("Categories and routing rules are kept by administrators.")
        )


def _refuse(field: str, message: str, code: str) -> ApplicationError:
    return ApplicationError(message, code=code, details={field: [message]})


@transaction.atomic
def category_save(
    *,
    actor: User | None,
    code: str,
    name: str,
    parent: Category | None = None,
    topic: TopicCode | None = None,
    term_rule: TermRule = TermRule.GENERAL,
    needs_location: bool = True,
    description: str = "",
    position: int = 0,
    is_active: bool = True,
    category: Category | None = None,
    once_key: UUID | None = None,
) -> Category:
    """Create a category, or change ``category``; a code is never reused
    (Open311 clients keep it) and a category cannot sit under itself.

    A form sent twice with the same ``once_key`` returns what the first saved.
    """
    _check_keeper(actor)
    if not name.strip():
        raise _refuse("name", _("Fill in this field."), "required")
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="appeals.category_save"
    )
    if earlier is not None:
        return Category.objects.get(pk=earlier)
    target = category or Category(code=code.strip())
    ancestor = parent
    while ancestor is not None:
        if category is not None and ancestor.pk == category.pk:
            raise _refuse(
                "parent",
                _("A category cannot be placed under itself."),
                "category_loop",
            )
        ancestor = ancestor.parent
    values: dict[str, Any] = {
        "name": name.strip(),
        "parent": parent,
        "topic": topic,
        "term_rule": term_rule,
        "needs_location": needs_location,
        "description": description.strip(),
        "position": position,
        "is_active": is_active,
    }
    for field, value in values.items():
        setattr(target, field, value)
    try:
        with transaction.atomic():
            target.save()
    except IntegrityError:
        raise _refuse(
            "code", _("A category with this code exists already."), "category_exists"
        ) from None
    audit_record(
        actor=actor,
        action="appeals.category_save",
        target=target,
        data={"code": target.code, "name": target.name, "created": category is None},
    )
    once.submission_bind(key=once_key, target=target)
    return target


@transaction.atomic
def category_question_add(
    *,
    actor: User | None,
    category: Category,
    code: str,
    label: str,
    kind: QuestionKind = QuestionKind.STRING,
    required: bool = False,
    choices: list[dict[str, str]] | None = None,
    help_text: str = "",
    once_key: UUID | None = None,
) -> CategoryQuestion:
    """One more question for the category's appeals (an Open311 attribute).

    A form sent twice with the same ``once_key`` returns the first question.
    """
    _check_keeper(actor)
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTI) and not choices:
        raise _refuse("choices", _("A list question needs its choices."), "no_choices")
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="appeals.question_add"
    )
    if earlier is not None:
        return CategoryQuestion.objects.get(pk=earlier)
    position = category.questions.count() + 1
    try:
        with transaction.atomic():
            question = CategoryQuestion.objects.create(
                category=category,
                code=code.strip(),
                label=label.strip(),
                help_text=help_text.strip(),
                kind=kind,
                required=required,
                choices=choices or [],
                position=position,
            )
    except IntegrityError:
        raise _refuse(
            "code",
            _("The category asks a question with this code already."),
            "question_exists",
        ) from None
    audit_record(
        actor=actor,
        action="appeals.question_add",
        target=question,
        data={"category": category.code, "code": question.code},
    )
    once.submission_bind(key=once_key, target=question)
    return question


@transaction.atomic
def routing_rule_save(
    *,
    actor: User | None,
    name: str,
    category: Category | None = None,
    district: District | None = None,
    keywords: str = "",
    unit: OrgUnit | None = None,
    controller: User | None = None,
    outside_competence: bool = False,
    forward_to: str = "",
    priority: int = 100,
    is_active: bool = True,
    rule: RoutingRule | None = None,
    once_key: UUID | None = None,
) -> RoutingRule:
    """Create a routing rule, or change ``rule``; it names a unit, or says
    where a matter outside the council's competence goes (APL-07).

    A form sent twice with the same ``once_key`` returns what the first saved.
    """
    _check_keeper(actor)
    if outside_competence and not forward_to.strip():
        raise _refuse(
            "forward_to",
            _("Name the competent body the appeals are forwarded to."),
            "forward_to_missing",
        )
    if not outside_competence and unit is None:
        raise _refuse("unit", _("Choose the responsible unit."), "unit_missing")
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="appeals.routing_rule_save"
    )
    if earlier is not None:
        return RoutingRule.objects.get(pk=earlier)
    target = rule or RoutingRule()
    values: dict[str, Any] = {
        "name": name.strip() or _("Rule"),
        "category": category,
        "district": district,
        "keywords": keywords.strip(),
        "unit": None if outside_competence else unit,
        "controller": controller,
        "outside_competence": outside_competence,
        "forward_to": forward_to.strip() if outside_competence else "",
        "priority": priority,
        "is_active": is_active,
    }
    for field, value in values.items():
        setattr(target, field, value)
    target.save()
    audit_record(
        actor=actor,
        action="appeals.routing_rule_save",
        target=target,
        data={
            "category": category.code if category else None,
            "district": district.pk if district else None,
            "keywords": target.keywords,
            "unit": target.unit_id,
            "outside_competence": outside_competence,
            "created": rule is None,
        },
    )
    once.submission_bind(key=once_key, target=target)
    return target


def _check_choices(kind: str, choices: list[dict[str, str]]) -> list[dict[str, str]]:
    """The choices a question of ``kind`` keeps: a list kind needs them,
    the other kinds have none."""
    if kind not in (QuestionKind.SINGLE, QuestionKind.MULTI):
        return []
    if not choices:
        raise _refuse("choices", _("A list question needs its choices."), "no_choices")
    return choices


@transaction.atomic
def category_question_update(
    *,
    actor: User | None,
    question: CategoryQuestion,
    label: str,
    help_text: str = "",
    kind: QuestionKind = QuestionKind.STRING,
    required: bool = False,
    choices: list[dict[str, str]] | None = None,
    position: int = 0,
) -> CategoryQuestion:
    """Change a question's wording, kind, choices or place; its code stays,
    as Open311 clients send answers under it."""
    question = CategoryQuestion.objects.select_for_update().get(pk=question.pk)
    _check_keeper(actor)
    if not label.strip():
        raise _refuse("label", _("Fill in this field."), "required")
    question.label = label.strip()
    question.help_text = help_text.strip()
    question.kind = kind
    question.required = required
    question.choices = _check_choices(kind, choices or [])
    question.position = position
    question.save(
        update_fields=[
            "label",
            "help_text",
            "kind",
            "required",
            "choices",
            "position",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action="appeals.question_update",
        target=question,
        data={"code": question.code, "kind": kind, "choices": len(question.choices)},
    )
    return question


@transaction.atomic
def category_question_remove(*, actor: User | None, question: CategoryQuestion) -> None:
    """Stop asking a question; removing it twice is removing it once.

    Appeals filed before keep their answers, stored under the question's code.
    """
    locked = (
        CategoryQuestion.objects.select_for_update()
        .select_related("category")
        .filter(pk=question.pk)
        .first()
    )
    _check_keeper(actor)
    if locked is None:
        return
    question = locked
    # Recorded first: deleting the row clears the key the event names.
    audit_record(
        actor=actor,
        action="appeals.question_remove",
        target=question,
        data={
            "category": question.category.code,
            "code": question.code,
            "label": question.label,
        },
    )
    question.delete()
