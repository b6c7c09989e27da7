"""The answer: the executor writes it, the controller accepts it, it is
published (public appeals) or shown only to the applicant (confidential).

The answer is the report on the EDMS task; accepting it closes the task
(on time or late, EDMS-13) and answers the appeal. A report accepted from
the card's own page answers the appeal too (``answer_record_from_task``).
"""

from collections.abc import Sequence

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.appeals import permissions, privacy
from hromada.appeals.models import (
    ANSWER_MAX_LENGTH,
    APPEAL_TRANSITIONS,
    AnswerStatus,
    Appeal,
    AppealAnswer,
    AppealEventKind,
    AppealOutcome,
    AppealStatus,
)
from hromada.appeals.services import attachments, notices
from hromada.appeals.services.attachments import FILES_MAX
from hromada.appeals.services.common import appeal_lock, event_add
from hromada.core.audit import audit_record
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
    ValidationError,
)
from hromada.core.transitions import transition_apply
from hromada.documents.models import Task, TaskReport, TaskReportStatus, TaskStatus
from hromada.documents.services import control

ANSWER_OUTCOMES = (
    AppealOutcome.SATISFIED,
    AppealOutcome.REFUSED,
    AppealOutcome.EXPLAINED,
)


def _current_task(appeal: Appeal) -> Task | None:
    """The executor's open task on the card: this control cycle's."""
    return (
        Task.objects.filter(
            document_id=appeal.document_id,
            executor_id=appeal.executor_id,
            status__in=(TaskStatus.ASSIGNED, TaskStatus.REPORTED),
        )
        .order_by("-pk")
        .first()
    )


@transaction.atomic
def answer_submit(
    *,
    appeal: Appeal,
    actor: User,
    text: str,
    outcome: str,
    files: Sequence[File[bytes]] = (),
) -> AppealAnswer:
    """The executor's answer, sent to the controller as the task's report."""
    appeal = appeal_lock(appeal)
    if not permissions.can_answer(actor, appeal):
        raise PermissionDeniedError(_("The appeal is answered by its executor."))
    _check(text=text, outcome=outcome, files=files)
    if AppealAnswer.objects.filter(
        appeal=appeal, status=AnswerStatus.SUBMITTED
    ).exists():
        raise InvalidTransitionError(
            _("An answer is already waiting for the controller."),
            code="answer_waiting",
        )
    task = _current_task(appeal)
    if task is None or task.status != TaskStatus.ASSIGNED:
        raise InvalidTransitionError(
            _("There is no open task on the appeal to answer."), code="no_task"
        )
    report = control.task_report_submit(task=task, actor=actor, text=text)
    answer = AppealAnswer.objects.create(
        appeal=appeal,
        text=text.strip(),
        outcome=outcome,
        author=actor,
        task_report=report,
    )
    attachments.attachments_store(appeal, files, actor=actor, answer=answer)
    audit_record(
        actor=actor,
        action="appeals.answer_submit",
        target=appeal,
        data={"answer": answer.pk, "report": report.pk, "files": len(files)},
    )
    return answer


def _check(*, text: str, outcome: str, files: Sequence[File[bytes]]) -> None:
    errors: dict[str, list[str]] = {}
    if not text.strip():
        errors["text"] = [_("Write the answer.")]
    elif len(text) > ANSWER_MAX_LENGTH:
        errors["text"] = [
            _("Write at most %(count)d characters.") % {"count": ANSWER_MAX_LENGTH}
        ]
    if outcome not in ANSWER_OUTCOMES:
        errors["outcome"] = [_("Choose the outcome.")]
    if len(files) > FILES_MAX:
        errors["files"] = [_("Attach at most %(count)d files.") % {"count": FILES_MAX}]
    if errors:
        raise ValidationError(
            _("Check the answer: some fields need your attention."),
            code="answer_invalid",
            details=errors,
        )


def _waiting(appeal: Appeal) -> AppealAnswer:
    answer = (
        AppealAnswer.objects.select_for_update()
        .filter(appeal=appeal, status=AnswerStatus.SUBMITTED)
        .select_related("task_report")
        .first()
    )
    if answer is None:
        raise InvalidTransitionError(
            _("No answer is waiting for review."), code="no_answer_waiting"
        )
    return answer


@transaction.atomic
def answer_accept(*, appeal: Appeal, actor: User) -> Appeal:
    """The controller accepts the answer: the task is done, the appeal is
    answered, the applicant and those who joined are told."""
    appeal = appeal_lock(appeal)
    if not permissions.can_review_answer(actor, appeal):
        raise PermissionDeniedError(_("The answer is accepted by the controller."))
    answer = _waiting(appeal)
    control.task_report_accept(report=answer.task_report, actor=actor)
    return _publish(appeal, answer, actor=actor)


@transaction.atomic
def answer_return(*, appeal: Appeal, actor: User, comment: str) -> AppealAnswer:
    """The controller returns the answer to the executor with a comment."""
    appeal = appeal_lock(appeal)
    if not permissions.can_review_answer(actor, appeal):
        raise PermissionDeniedError(_("The answer is reviewed by the controller."))
    answer = _waiting(appeal)
    control.task_report_return(report=answer.task_report, actor=actor, comment=comment)
    answer.status = AnswerStatus.RETURNED
    answer.reviewed_by = actor
    answer.reviewed_at = timezone.now()
    answer.review_comment = comment.strip()
    answer.save(
        update_fields=[
            "status",
            "reviewed_by",
            "reviewed_at",
            "review_comment",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action="appeals.answer_return",
        target=appeal,
        data={"answer": answer.pk},
    )
    return answer


def _publish(appeal: Appeal, answer: AppealAnswer, *, actor: User | None) -> Appeal:
    now = timezone.now()
    answer.status = AnswerStatus.ACCEPTED
    answer.reviewed_by = actor
    answer.reviewed_at = now
    answer.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])
    transition_apply(appeal, to=AppealStatus.ANSWERED, table=APPEAL_TRANSITIONS)
    appeal.answer_text = answer.text
    people = [appeal.applicant, *appeal.co_signers.all()]
    appeal.public_answer = privacy.redact(
        answer.text,
        names=[n for p in people for n in (p.family_name, p.given_name, p.patronymic)],
        places=[person.postal_address for person in people],
    )
    appeal.outcome = answer.outcome
    appeal.answered_at = now
    appeal.save(
        update_fields=[
            "status",
            "answer_text",
            "public_answer",
            "outcome",
            "answered_at",
            "updated_at",
        ]
    )
    event_add(appeal, AppealEventKind.ANSWERED, actor=actor, unit_id=appeal.unit_id)
    audit_record(
        actor=actor,
        action="appeals.answer_accept",
        target=appeal,
        data={"answer": answer.pk, "outcome": answer.outcome},
    )
    cycle = appeal.reopened_count
    notices.applicant_notify(
        appeal, template="appeals/answered", key=f"answered:{cycle}"
    )
    if appeal.is_public:
        notices.followers_notify(
            appeal, template="appeals/answered", key=f"answered:{cycle}"
        )
    return appeal


@transaction.atomic
@transaction.atomic
def answer_record_from_task(*, task_id: int) -> Appeal | None:
    """Answer the appeal whose task report was accepted on the card's own
    page; nothing when the appeals page did it already. Idempotent."""
    report = (
        TaskReport.objects.filter(task_id=task_id, status=TaskReportStatus.ACCEPTED)
        .order_by("-pk")
        .first()
    )
    if report is None:
        return None
    answer = (
        AppealAnswer.objects.select_for_update()
        .filter(task_report=report, status=AnswerStatus.SUBMITTED)
        .first()
    )
    if answer is None:
        return None
    appeal = appeal_lock(answer.appeal)
    if appeal.status != AppealStatus.IN_PROGRESS:
        raise ApplicationError(
            _("The appeal is not in progress."), code="appeal_not_in_progress"
        )
    return _publish(appeal, answer, actor=report.reviewed_by)
