import random

import pytest
from django.contrib.auth.hashers import make_password

from hromada.core.demo import DemoContext
from hromada.documents import demo
from hromada.documents.models import Correspondent, Document, DocumentStatus, Journal
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
    documents = Document.objects.all()
    assert documents.count() == 30
    assert set(documents.values_list("status", flat=True)) == {
        DocumentStatus.REGISTERED
    }
    assert documents.filter(registered_on__gt=demo.REFERENCE_DAY).exists() is False
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
