"""CapturedMailBackend keeps messages instead of sending them."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives

from hromada.notifications.models import CapturedMail

pytestmark = pytest.mark.django_db
BACKEND = "hromada.notifications.backends.CapturedMailBackend"


def test_backend_stores_text_and_html(settings):
    # given
    settings.EMAIL_BACKEND = BACKEND
    message = EmailMultiAlternatives(
        subject="Підтвердіть адресу",
        body="Перейдіть за посиланням.",
        from_email="Рада <noreply@hromada.example>",
        to=["olena@test.example"],
        cc=["petro@test.example"],
    )
    message.attach_alternative("<p>Перейдіть за посиланням.</p>", "text/html")

    # when
    sent = message.send()

    # then
    assert sent == 1
    stored = CapturedMail.objects.get()
    assert (stored.from_email, stored.to, stored.subject, stored.text, stored.html) == (
        "Рада <noreply@hromada.example>",
        "olena@test.example, petro@test.example",
        "Підтвердіть адресу",
        "Перейдіть за посиланням.",
        "<p>Перейдіть за посиланням.</p>",
    )
    assert stored.sent_at is not None
    assert mail.outbox == []


def test_backend_stores_plain_and_html_only_messages(settings):
    settings.EMAIL_BACKEND = BACKEND
    html_only = EmailMessage(
        subject="HTML", body="<p>Лише HTML</p>", to=["a@test.example"]
    )
    html_only.content_subtype = "html"
    plain = EmailMessage(subject="Текст", body="Лише текст", to=["b@test.example"])

    sent = mail.get_connection().send_messages([html_only, plain])

    assert sent == 2
    assert list(
        CapturedMail.objects.order_by("pk").values_list("subject", "text", "html")
    ) == [
        ("HTML", "", "<p>Лише HTML</p>"),
        ("Текст", "Лише текст", ""),
    ]
