import uuid

import factory
from django.utils import timezone

from hromada.accounts.tests.factories import UserFactory
from hromada.notifications.models import CapturedMail, Notification, NotificationStatus

factory.Faker._DEFAULT_LOCALE = "uk_UA"


class NotificationFactory(factory.django.DjangoModelFactory):
    """An outbox row as notification_send writes it: pending and due."""

    class Meta:
        model = Notification

    class Params:
        sent = factory.Trait(
            status=NotificationStatus.SENT,
            attempts=1,
            sent_at=factory.LazyFunction(timezone.now),
            next_attempt_at=None,
        )
        failed = factory.Trait(
            status=NotificationStatus.FAILED,
            attempts=6,
            last_error="SMTPServerDisconnected: Connection unexpectedly closed",
            next_attempt_at=None,
        )

    public_id = factory.LazyFunction(uuid.uuid4)
    recipient = factory.SubFactory(UserFactory)
    template = "notifications/test_message"
    context = factory.LazyFunction(dict)
    language = "uk"
    dedup_key = factory.Sequence(lambda n: f"test:{n}")
    message_id = factory.LazyAttribute(
        lambda o: f"<notif-{o.public_id}@hromada.example>"
    )
    status = NotificationStatus.PENDING
    next_attempt_at = factory.LazyFunction(timezone.now)


class CapturedMailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CapturedMail

    sent_at = factory.LazyFunction(timezone.now)
    from_email = "Hromada <noreply@hromada.example>"
    to = factory.Sequence(lambda n: f"person{n}@test.example")
    subject = factory.Sequence(lambda n: f"Лист {n}")
    text = "\n\n".join(
        ["Доброго дня!", "Перелік змін:", "https://hromada.example/?a=1&b=2"]
    )
    html = '<p>Доброго дня!</p><script>alert("x")</script>'
