"""Who may add files and versions to a card, and who may sign a version."""

import rules

from hromada.accounts.models import User
from hromada.documents.models import (
    ApprovalKind,
    ApprovalRoute,
    ApprovalStepStatus,
    ApprovalTask,
    Document,
    DocumentStatus,
    FileVersion,
    RouteStatus,
    Task,
)
from hromada.documents.models.routes import ApprovalDecision
from hromada.documents.permissions.visibility import can_view, is_registrar
from hromada.org import selectors as org_selectors
from hromada.org.models import SubstitutionScope


@rules.predicate
def is_holder(user: User, document: Document) -> bool:
    """The card is on the user's desk."""
    return document.holder_id == user.pk


@rules.predicate
def is_creator_or_holder_of_draft(user: User, document: Document) -> bool:
    """Drew up or holds a card that has no number yet."""
    return document.status == DocumentStatus.DRAFT and user.pk in (
        document.created_by_id,
        document.holder_id,
    )


@rules.predicate
def is_task_executor(user: User, document: Document) -> bool:
    """Executes a task on the card (attaches the draft answer, EDMS-08)."""
    return Task.objects.filter(document=document, executor=user).exists()


@rules.predicate
def is_route_author(user: User, document: Document) -> bool:
    """Started an approval route over one of the card's files."""
    return ApprovalRoute.objects.filter(document=document, started_by=user).exists()


@rules.predicate
def is_open_card(user: User, document: Document) -> bool:
    """The card is not voided: a cancelled card takes no new files."""
    return document.status != DocumentStatus.CANCELLED


can_add_file = (
    rules.is_active
    & is_open_card
    & can_view
    & (
        is_registrar
        | is_creator_or_holder_of_draft
        | is_task_executor
        | is_route_author
    )
)


@rules.predicate
def is_signatory(user: User, version: FileVersion) -> bool:
    """The card names the user as its signatory."""
    return version.document_file.document.signatory_id == user.pk


@rules.predicate
def has_active_sign_task(user: User, version: FileVersion) -> bool:
    """A pending SIGN task of an active step of a running route over it.

    The user's own task, or the task of someone they substitute for with a
    signing scope.
    """
    absent = org_selectors.substitution_absent_ids_for(
        user=user, scope=SubstitutionScope.SIGN
    )
    return ApprovalTask.objects.filter(
        participant__in={user.pk, *absent},
        decision=ApprovalDecision.PENDING,
        step__kind=ApprovalKind.SIGN,
        step__status=ApprovalStepStatus.ACTIVE,
        step__route__status=RouteStatus.RUNNING,
        step__route__file_version=version,
    ).exists()


can_sign_version = rules.is_active & (is_signatory | has_active_sign_task)
