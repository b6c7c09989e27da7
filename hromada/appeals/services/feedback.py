"""The applicant's word on the answer: resolved (and a rating), or not
resolved — which reopens the appeal to its executor and controller with a
new control cycle, instead of leaving the citizen to file it again.

The window is ``REOPEN_DAYS`` after the answer; later, a repeat appeal
(повторне, 858 §I.2) is the way. An answered appeal nobody rates is closed
by ``appeals_close_unrated`` once the window has passed.
"""

from datetime import datetime, timedelta
from typing import Final

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.appeals import permissions
from hromada.appeals.models import (
    APPEAL_TRANSITIONS,
    Appeal,
    AppealEvent,
    AppealEventKind,
    AppealStatus,
)
from hromada.appeals.services import execution, notices
from hromada.appeals.services.common import appeal_lock, event_add
from hromada.core import deadlines
from hromada.core.audit import audit_record
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from hromada.core.transitions import transition_apply
from hromada.documents.services import control_renew

REOPEN_DAYS: Final = 30
COMMENT_MAX_LENGTH: Final = 1000
REOPEN_TEXT: Final = (
    "Повторний розгляд: заявник повідомив, що питання не вирішено. "
    "Розглянути та надати відповідь."
)


def may_reopen_until(appeal: Appeal) -> datetime | None:
    """Until when the applicant may still say "not resolved"."""
    if appeal.answered_at is None:
        return None
    return appeal.answered_at + timedelta(days=REOPEN_DAYS)


@transaction.atomic
def appeal_rate(
    *, appeal: Appeal, actor: User, resolved: bool, rating: int, comment: str = ""
) -> Appeal:
    """Record the applicant's rating; close the appeal, or reopen it."""
    appeal = appeal_lock(appeal)
    if not permissions.can_view_own(actor, appeal):
        raise PermissionDeniedError(_("Only the applicant rates the answer."))
    _word(appeal, actor=actor, resolved=resolved, rating=rating, comment=comment)
    return appeal


@transaction.atomic
def appeal_word_relayed(
    *, appeal: Appeal, resolved: bool, comment: str, via: str
) -> AppealEvent:
    """The applicant's word on the answer, relayed by a client that has
    checked who they are (an Open311 client matched the applicant's
    e-mail address): close the appeal as resolved, or reopen it, as
    ``appeal_rate`` does but without a rating. ``via`` names the client
    in the audit log. Returns the step that closed or reopened it."""
    appeal = appeal_lock(appeal)
    event = _word(appeal, actor=None, resolved=resolved, rating=None, comment=comment)
    audit_record(
        actor=None,
        action="appeals.word_relayed",
        target=appeal,
        data={"via": via, "resolved": resolved},
    )
    return event


def _word(
    appeal: Appeal,
    *,
    actor: User | None,
    resolved: bool,
    rating: int | None,
    comment: str,
) -> AppealEvent:
    if appeal.status != AppealStatus.ANSWERED:
        raise InvalidTransitionError(
            _("Only an answered appeal can be rated."), code="appeal_not_answered"
        )
    errors: dict[str, list[str]] = {}
    if rating is not None and not 1 <= rating <= 5:
        errors["rating"] = [_("Choose a rating from 1 to 5.")]
    if len(comment) > COMMENT_MAX_LENGTH:
        errors["comment"] = [
            _("Write at most %(count)d characters.") % {"count": COMMENT_MAX_LENGTH}
        ]
    if errors:
        raise ApplicationError(
            _("Check the rating."), code="rating_invalid", details=errors
        )
    now = timezone.now()
    appeal.rating, appeal.rated_at = rating, now
    appeal.rating_comment = comment.strip()
    if rating is not None:
        event_add(appeal, AppealEventKind.RATED, actor=actor)
    if resolved:
        return _close(appeal, actor=actor)
    until = may_reopen_until(appeal)
    if until is not None and now > until:
        raise InvalidTransitionError(
            _(
                "More than %(days)d days have passed since the answer; send a "
                "new appeal and say it repeats this one."
            )
            % {"days": REOPEN_DAYS},
            code="reopen_too_late",
        )
    return _reopen(appeal, actor=actor)


def _close(appeal: Appeal, *, actor: User | None) -> AppealEvent:
    transition_apply(appeal, to=AppealStatus.CLOSED, table=APPEAL_TRANSITIONS)
    appeal.closed_at = timezone.now()
    appeal.save(
        update_fields=[
            "status",
            "rating",
            "rated_at",
            "rating_comment",
            "closed_at",
            "updated_at",
        ]
    )
    event = event_add(appeal, AppealEventKind.CLOSED, actor=actor)
    audit_record(
        actor=actor,
        action="appeals.close",
        target=appeal,
        data={"rating": appeal.rating},
    )
    return event


def _reopen(appeal: Appeal, *, actor: User | None) -> AppealEvent:
    resolution = execution.live_resolution(appeal)
    if resolution is None:
        raise InvalidTransitionError(
            _("The appeal has no resolution to continue."), code="no_resolution"
        )
    due = deadlines.deadline_compute(
        rule_code="appeal.no_study", start=timezone.localdate()
    )
    cap = deadlines.deadline_compute(
        rule_code="appeal.general", start=timezone.localdate()
    )
    control_renew.resolution_renew(
        resolution=resolution,
        actor=actor,
        text=REOPEN_TEXT,
        due_on=due.due_on,
        due_explanation=due.explanation,
    )
    transition_apply(appeal, to=AppealStatus.IN_PROGRESS, table=APPEAL_TRANSITIONS)
    appeal.reopened_count += 1
    appeal.due_on, appeal.due_rule = due.due_on, due.rule_code
    appeal.due_explanation = due.explanation
    appeal.limit_on = cap.limit_on or due.due_on
    appeal.save(
        update_fields=[
            "status",
            "rating",
            "rated_at",
            "rating_comment",
            "reopened_count",
            "due_on",
            "due_rule",
            "due_explanation",
            "limit_on",
            "updated_at",
        ]
    )
    event = event_add(
        appeal, AppealEventKind.REOPENED, actor=actor, unit_id=appeal.unit_id
    )
    audit_record(
        actor=actor,
        action="appeals.reopen",
        target=appeal,
        data={"cycle": appeal.reopened_count, "due_on": due.due_on},
    )
    people = [pk for pk in (appeal.executor_id, appeal.controller_id) if pk]
    notices.staff_notify(
        appeal,
        recipients=people,
        template="appeals/reopened",
        key=f"reopened:{appeal.reopened_count}",
    )
    return event


@transaction.atomic
def appeals_close_unrated(*, now: datetime | None = None) -> int:
    """Close answered appeals whose applicant said nothing within the
    window; the periodic task calls this daily. Returns how many."""
    now = now or timezone.now()
    stale = Appeal.objects.select_for_update().filter(
        status=AppealStatus.ANSWERED,
        answered_at__lt=now - timedelta(days=REOPEN_DAYS),
    )
    closed = 0
    for appeal in stale.iterator():
        _close(appeal, actor=None)
        closed += 1
    return closed
