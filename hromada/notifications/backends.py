"""The demo e-mail backend: keeps every message in the database."""

import logging
from collections.abc import Sequence

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError

from hromada.notifications import services

logger = logging.getLogger(__name__)


class CapturedMailBackend(BaseEmailBackend):
    """Store each message as ``CapturedMail`` instead of sending it.

    Demo mode installs it (``EMAIL_BACKEND``), so a newcomer can read every
    e-mail the platform sent, allauth's included, on the captured-mail page.
    """

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        kept = 0
        for message in email_messages:
            try:
                services.captured_mail_record(
                    from_email=str(message.from_email or ""),
                    to=[str(address) for address in message.recipients()],
                    subject=str(message.subject),
                    text=_text(message),
                    html=_html(message),
                )
            except DatabaseError:
                if not self.fail_silently:
                    raise
                logger.warning("Could not keep a captured e-mail", exc_info=True)
                continue
            kept += 1
        return kept


def _text(message: EmailMessage) -> str:
    return "" if message.content_subtype == "html" else str(message.body)


def _html(message: EmailMessage) -> str:
    if message.content_subtype == "html":
        return str(message.body)
    if isinstance(message, EmailMultiAlternatives):
        for content, mimetype in message.alternatives:
            if mimetype == "text/html" and isinstance(content, str | bytes):
                return content if isinstance(content, str) else content.decode()
    return ""
