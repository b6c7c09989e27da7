"""Reads of approval routes: what a person has to approve, a card's route.

Also the route templates a person may edit, with their steps.
"""

from django.db.models import Count, F, Prefetch, Q, QuerySet

from hromada.accounts.models import User
from hromada.documents import permissions
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    ApprovalRoute,
    ApprovalStep,
    ApprovalStepStatus,
    ApprovalTask,
    Document,
    DocumentKind,
    FileVersion,
    RouteStatus,
    RouteTemplate,
    RouteTemplateStep,
)
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit, SubstitutionScope


def approvals_acting_for_q(user: User) -> Q | None:
    """Approval tasks of the people ``user`` acts for today, each within the
    substitution's scope (signing or approving); None when nobody.

    From the substitutions the request already knows (``org.selectors``).
    """
    sign_for = org_selectors.substitution_absent_ids_for(
        user=user, scope=SubstitutionScope.SIGN
    )
    approve_for = org_selectors.substitution_absent_ids_for(
        user=user, scope=SubstitutionScope.APPROVE
    )
    if not (sign_for or approve_for):
        return None
    signing = Q(step__kind=ApprovalKind.SIGN)
    return (signing & Q(participant__in=sign_for)) | (
        ~signing & Q(participant__in=approve_for)
    )


def _acting_q(user: User) -> Q:
    acting = approvals_acting_for_q(user)
    own = Q(participant=user)
    return own if acting is None else own | acting


def approvals_pending() -> QuerySet[ApprovalTask]:
    """Undecided tasks of the active steps of running routes, anyone's."""
    return ApprovalTask.objects.filter(
        decision=ApprovalDecision.PENDING,
        step__status=ApprovalStepStatus.ACTIVE,
        step__route__status=RouteStatus.RUNNING,
    )


def approval_list_for_user(*, user: User) -> QuerySet[ApprovalTask]:
    """Undecided tasks of active steps for ``user`` and whom they act for.

    A waiting step is not listed (EDMS-14). Views take a single task from
    this queryset, so a task the user may not decide answers 404.
    """
    if not user.is_active:
        return ApprovalTask.objects.none()
    return (
        approvals_pending()
        .filter(_acting_q(user))
        .select_related(
            "participant",
            "step__route__document",
            "step__route__file_version__stored_file",
            "step__route__file_version__document_file",
        )
        .order_by("step__due_on", "pk")
    )


def route_for_document(*, document: Document) -> ApprovalRoute | None:
    """The card's latest route with its steps, tasks and people, or None."""
    tasks = ApprovalTask.objects.select_related("participant", "decided_by")
    steps = ApprovalStep.objects.prefetch_related(Prefetch("tasks", queryset=tasks))
    return (
        ApprovalRoute.objects.filter(document=document)
        .select_related(
            "started_by",
            "template",
            "file_version__stored_file",
            "file_version__document_file",
        )
        .prefetch_related(Prefetch("steps", queryset=steps))
        .order_by("-created_at", "-pk")
        .first()
    )


def route_running_exists(*, document: Document) -> bool:
    """Whether a route runs over the card now (one at a time)."""
    return ApprovalRoute.objects.filter(
        document=document, status=RouteStatus.RUNNING
    ).exists()


def route_list_for_user(*, user: User) -> QuerySet[ApprovalRoute]:
    """Routes over cards ``user`` may see; views take single routes here."""
    return ApprovalRoute.objects.filter(
        document__in=route_document_list_for_user(user=user)
    ).select_related("document", "started_by")


def route_document_list_for_user(*, user: User) -> QuerySet[Document]:
    """Cards ``user`` may see, the door to the start form and the panel."""
    return Document.objects.filter(permissions.visible_documents_q(user))


def route_template_list(
    *, kind: DocumentKind | str, org_unit: OrgUnit | None
) -> QuerySet[RouteTemplate]:
    """Active templates for ``kind``: the unit's own and council-wide ones."""
    units = Q(org_unit__isnull=True)
    if org_unit is not None:
        units |= Q(org_unit=org_unit)
    return (
        RouteTemplate.objects.filter(units, kind=kind, is_active=True)
        .prefetch_related("steps__participants")
        .order_by("name", "pk")
    )


def route_version_list(*, document: Document) -> QuerySet[FileVersion]:
    """The document's file versions a route may run over, newest first."""
    return (
        FileVersion.objects.filter(document_file__document=document)
        .select_related("document_file", "stored_file")
        .order_by("document_file__order", "document_file__pk", "-number")
    )


def route_participant_list() -> QuerySet[User]:
    """People who hold a post today: whom a route or a template may name."""
    employees = org_selectors.employee_list_current().values("user_id")
    return User.objects.filter(pk__in=employees).order_by(
        "last_name", "first_name", "pk"
    )


def route_template_list_for_user(
    *,
    user: User,
    kind: str = "",
    org_unit: OrgUnit | None = None,
    council_wide: bool = False,
) -> QuerySet[RouteTemplate]:
    """Templates ``user`` may edit, by unit, kind and name, with step counts.

    ``kind``, ``org_unit`` or ``council_wide`` (templates of no unit) narrow
    the list. Views take single templates from this queryset, so a template
    the user may not edit answers 404.
    """
    templates = RouteTemplate.objects.filter(
        permissions.visible_route_templates_q(user)
    )
    if kind:
        templates = templates.filter(kind=kind)
    if org_unit is not None:
        templates = templates.filter(org_unit=org_unit)
    if council_wide:
        templates = templates.filter(org_unit__isnull=True)
    return (
        templates.select_related("org_unit")
        .annotate(step_count=Count("steps"))
        .order_by(
            F("org_unit__sort_order").asc(nulls_first=True),
            "org_unit__name",
            "kind",
            "name",
            "pk",
        )
    )


def route_template_steps(*, template: RouteTemplate) -> QuerySet[RouteTemplateStep]:
    """The template's steps in order, each with its participants by name."""
    people = User.objects.order_by("last_name", "first_name", "pk")
    return (
        RouteTemplateStep.objects.filter(template=template)
        .prefetch_related(Prefetch("participants", queryset=people))
        .order_by("order")
    )


def route_template_step_list_for_user(*, user: User) -> QuerySet[RouteTemplateStep]:
    """Steps of the templates ``user`` may edit; the door to a single step."""
    return RouteTemplateStep.objects.filter(
        template__in=RouteTemplate.objects.filter(
            permissions.visible_route_templates_q(user)
        )
    ).select_related("template", "template__org_unit")


def route_template_unit_list(*, user: User) -> QuerySet[OrgUnit]:
    """Active units ``user`` may build templates for (heads: their own)."""
    units = org_selectors.org_unit_list_active()
    if permissions.can_manage_route_templates(user, None):
        return units
    headed = org_selectors.org_unit_descendant_ids(
        unit_ids=org_selectors.org_unit_ids_headed_by(user=user)
    )
    return units.filter(pk__in=headed)
