"""E-mails to the applicant and to those who joined, through the outbox.

Each is written in the caller's transaction and sent once after commit
(``notification_send``: a rolled-back change sends nothing, a repeated
key sends nothing more, a failed delivery is retried). The context holds
plain values and no personal data beyond the recipient's own appeal.
"""

from collections.abc import Mapping

from django.urls import reverse
from django.utils import timezone

from hromada.accounts.models import User
from hromada.appeals.models import Appeal, AppealFollower
from hromada.notifications import services as notification_services
from hromada.notifications.services import ContextValue


def _context(appeal: Appeal) -> dict[str, ContextValue]:
    return {
        "number": appeal.number,
        "title": appeal.title[:200],
        "registered_on": timezone.localtime(appeal.registered_at).strftime("%d.%m.%Y"),
        "due_on": appeal.due_on.strftime("%d.%m.%Y"),
        "unit": appeal.unit.name if appeal.unit_id and appeal.unit else "",
        "forward_to": appeal.forward_to,
        "appeal_path": reverse("appeals_my:my_appeal_detail", args=[appeal.public_id])
        if appeal.owner_id
        else (
            reverse("appeals:appeal_detail", args=[appeal.public_id])
            if appeal.is_public
            else ""
        ),
    }


def applicant_notify(
    appeal: Appeal,
    *,
    template: str,
    key: str,
    extra: Mapping[str, ContextValue] | None = None,
) -> None:
    """Write to the applicant: their account, else the address they gave."""
    email = appeal.applicant.email
    if appeal.owner_id is None and not email:
        return
    notification_services.notification_send(
        recipient=appeal.owner,
        recipient_email=email,
        template=template,
        context={**_context(appeal), **(extra or {})},
        dedup_key=f"appeals.{key}:{appeal.pk}",
    )


def followers_notify(appeal: Appeal, *, template: str, key: str) -> None:
    """Write to everyone who joined the appeal (public page link only)."""
    context = {
        **_context(appeal),
        "appeal_path": reverse("appeals:appeal_detail", args=[appeal.public_id]),
    }
    followers = AppealFollower.objects.filter(appeal=appeal).select_related("user")
    for follower in followers:
        notification_services.notification_send(
            recipient=follower.user,
            template=template,
            context=context,
            dedup_key=f"appeals.{key}:{appeal.pk}:{follower.user_id}",
        )


def staff_notify(
    appeal: Appeal, *, recipients: list[int], template: str, key: str
) -> None:
    """Write to the officials handling the appeal (by user id, once each)."""
    for user in User.objects.filter(pk__in=set(recipients), is_active=True):
        notification_services.notification_send(
            recipient=user,
            template=template,
            context={
                **_context(appeal),
                "appeal_path": reverse(
                    "appeals_cabinet:appeal_detail", args=[appeal.public_id]
                ),
            },
            dedup_key=f"appeals.{key}:{appeal.pk}:{user.pk}",
        )
