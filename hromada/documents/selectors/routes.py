"""Reads of approval routes: what a person has to approve, a card's route."""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

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
)
from hromada.org.models import OrgUnit, Substitution, SubstitutionScope


def _acting_for_q(user: User, scope: SubstitutionScope) -> Q:
    # A subquery, not org_selectors.substitution_absent_ids_for: the menu
    # counter must cost one query (ui.navigation). Keep the two in step.
    today = timezone.localdate()
    absent = Substitution.objects.filter(
        substitute=user,
        starts_on__lte=today,
        ends_on__gte=today,
        is_cancelled=False,
        scope__in={SubstitutionScope.ALL, scope},
    ).values("absent_id")
    return Q(participant__in=absent)


def _acting_q(user: User) -> Q:
    signing = Q(step__kind=ApprovalKind.SIGN)
    return (
        Q(participant=user)
        | (signing & _acting_for_q(user, SubstitutionScope.SIGN))
        | (~signing & _acting_for_q(user, SubstitutionScope.APPROVE))
    )


def approval_list_for_user(*, user: User) -> QuerySet[ApprovalTask]:
    """Undecided tasks of active steps for ``user`` and whom they act for.

    A waiting step is not listed (EDMS-14). Views take a single task from
    this queryset, so a task the user may not decide answers 404.
    """
    if not user.is_active:
        return ApprovalTask.objects.none()
    return (
        ApprovalTask.objects.filter(
            _acting_q(user),
            decision=ApprovalDecision.PENDING,
            step__status=ApprovalStepStatus.ACTIVE,
            step__route__status=RouteStatus.RUNNING,
        )
        .select_related(
            "participant",
            "step__route__document",
            "step__route__file_version__stored_file",
            "step__route__file_version__document_file",
        )
        .order_by("step__due_on", "pk")
    )


def approval_count_for_user(user: User) -> int:
    """How many tasks wait for ``user``: the cabinet menu's counter."""
    return approval_list_for_user(user=user).count()


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
