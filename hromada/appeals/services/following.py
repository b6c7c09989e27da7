"""Joining an appeal: "I have the same problem" instead of a new appeal."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.appeals import permissions
from hromada.appeals.models import (
    OPEN_STATUSES,
    Appeal,
    AppealEvent,
    AppealEventKind,
    AppealFollower,
)
from hromada.core.audit import audit_record
from hromada.core.errors import InvalidTransitionError, PermissionDeniedError


@transaction.atomic
def appeal_follow(*, appeal: Appeal, actor: User) -> bool:
    """Count ``actor`` among those who reported the same; ``False`` if they
    had joined already (nothing changes then).

    Only an open public appeal, and not one's own; the follower hears of
    the answer with the applicant.
    """
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if not permissions.can_follow(actor, appeal):
        raise PermissionDeniedError(_("You cannot join this appeal."))
    if appeal.status not in OPEN_STATUSES:
        raise InvalidTransitionError(
            _("The appeal is already answered; file a new one if the problem is back."),
            code="appeal_not_open",
        )
    try:
        with transaction.atomic():
            AppealFollower.objects.create(appeal=appeal, user=actor)
    except IntegrityError:
        return False
    Appeal.objects.filter(pk=appeal.pk).update(follower_count=F("follower_count") + 1)
    AppealEvent.objects.create(
        appeal=appeal, kind=AppealEventKind.JOINED, at=timezone.now(), actor=actor
    )
    audit_record(actor=actor, action="appeals.follow", target=appeal)
    return True
