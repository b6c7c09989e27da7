import random

import pytest
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from hromada.accounts.models import User
from hromada.core.demo import DemoContext
from hromada.documents import demo
from hromada.documents.models import (
    Correspondent,
    Document,
    DocumentStatus,
    Journal,
    Task,
    TaskStatus,
)
from hromada.documents.selectors import control as selectors
from hromada.org import demo as org_demo

pytestmark = pytest.mark.django_db


def context():
    return DemoContext(rng=random.Random(1), password_hash=make_password(None))


def test_demo_builds_journals_correspondents_and_cards_once():
    # given
    org_demo.load(context())

    # when
    demo.load(context())
    demo.load(context())

    # then
    assert (Journal.objects.count(), Correspondent.objects.count()) == (6, 10)
    # the history up to the reference day, then today's work (demo_desk):
    # three letters registered today and one e-mail still a draft
    history = Document.objects.filter(registered_on__lte=demo.REFERENCE_DAY)
    assert history.count() == 30
    today = Document.objects.exclude(pk__in=history.values("pk"))
    assert sorted(today.values_list("status", flat=True)) == [
        DocumentStatus.DRAFT,
        *[DocumentStatus.REGISTERED] * 3,
    ]
    incoming = Journal.objects.get(name="Вхідна кореспонденція")
    numbers = incoming.documents.order_by("registration_seq").values_list(
        "registration_number", flat=True
    )
    assert list(numbers)[:2] == ["1/01-12", "2/01-12"]


@pytest.mark.parametrize(
    ("base", "code"),
    [("0003212", "00032129"), ("1436057", "14360570"), ("3131671", "31316718")],
)
def test_edrpou_check_digit(base, code):
    assert demo.edrpou_with_check_digit(base) == code


def test_demo_skips_without_staff():
    log_context = context()

    demo.load(log_context)

    assert Journal.objects.exists() is False
    assert log_context.log[-1] == "documents: skipped, the demo staff is missing"


def test_demo_puts_todays_work_on_the_desks():
    # given
    org_demo.load(context())

    # when
    demo.load(context())

    # then: each demo account finds something on "Сьогодні"
    today = timezone.localdate()
    desks = {
        who: selectors.inbox_for_user(
            user=User.objects.get(email=f"{who}@{demo.DEMO_DOMAIN}"), today=today
        )
        for who in ("registrar", "head", "executor")
    }
    assert len(desks["registrar"].to_register) == 1
    assert (len(desks["head"].to_resolve), len(desks["head"].to_review)) == (1, 1)
    assert len(desks["executor"].to_execute) == 1
    # and the menu's badge says as much as the page
    for who, desk in desks.items():
        person = User.objects.get(email=f"{who}@{demo.DEMO_DOMAIN}")
        assert selectors.inbox_counter(person) == desk.total, who
    reported = Task.objects.get(status=TaskStatus.REPORTED)
    assert reported.executor.email == f"executor@{demo.DEMO_DOMAIN}"
