"""What people add to an appeal after it is filed: a comment on the
timeline — the applicant's own, or another person's (a neighbour who
relays more through an Open311 client) — that the executor and the
controller read and are told of.

A comment is not a new appeal and does not restart the term (Закон «Про
звернення громадян», ст. 20 counts from registration); an applicant who
wants a new matter considered files a new appeal. What a person writes may
hold anything, so a comment is shown to staff and the applicant only,
never on public pages, feeds or exports (``PRIVATE_EVENT_KINDS``).
"""

from typing import Final

from django.db import transaction
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.appeals.models import Appeal, AppealEvent, AppealEventKind
from hromada.appeals.services import notices
from hromada.appeals.services.common import appeal_lock, event_add
from hromada.appeals.services.filing_input import LINK, LINKS_MAX, MARKUP
from hromada.core.audit import audit_record
from hromada.core.errors import ValidationError

COMMENT_MAX: Final = 2000


@transaction.atomic
def appeal_comment_add(
    *,
    appeal: Appeal,
    text: str,
    actor: User | None,
    via: str,
    by_applicant: bool,
) -> AppealEvent:
    """Add ``text`` to the appeal's timeline, as the applicant's comment
    or another person's (``by_applicant``), and tell the officials
    handling it. ``via`` names who relayed it (an Open311 client's name)
    for the audit log; ``actor`` is the author's account if any."""
    text = comment_check(text)
    appeal = appeal_lock(appeal)
    kind = AppealEventKind.COMMENTED if by_applicant else AppealEventKind.REMARKED
    event = event_add(appeal, kind, actor=actor, text=text)
    audit_record(
        actor=actor,
        action="appeals.comment",
        target=appeal,
        data={
            "event": str(event.public_id),
            "via": via,
            "by_applicant": by_applicant,
            "length": len(text),
        },
    )
    people = [pk for pk in (appeal.executor_id, appeal.controller_id) if pk]
    notices.staff_notify(
        appeal,
        recipients=people,
        template="appeals/commented",
        key=f"commented:{event.pk}",
    )
    return event


def comment_check(text: str) -> str:
    """The comment as kept, or a refusal naming what is wrong with it."""
    text = text.strip()
    message = ""
    if not text:
        message = _("Write the comment.")
    elif len(text) > COMMENT_MAX:
        message = _("Write at most %(count)d characters.") % {"count": COMMENT_MAX}
    elif MARKUP.search(text):
        message = _("Write plain text: HTML tags and scripts are not accepted.")
    elif len(LINK.findall(text)) > LINKS_MAX:
        message = _("An appeal may hold at most %(count)d links.") % {
            "count": LINKS_MAX
        }
    if message:
        raise ValidationError(
            message, code="comment_invalid", details={"description": [message]}
        )
    return text
