"""A section of "Today" fed by two sources says "25+" only when cut.

"To read" lists a person's acquaintance steps of approval routes and the
tasks they got for information: two queries, each cut at
``SECTION_LIMIT``. The section is full when either was cut, not when the
two together reach the limit.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from hromada.documents.models import ApprovalKind, TaskRole
from hromada.documents.selectors import control as selectors
from hromada.documents.services.route_steps import StepSpec
from hromada.documents.tests.factories_control import TaskFactory
from hromada.documents.tests.route_runs.world import start
from hromada.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.HROMADA_DEMO = True  # staff sign in without a second factor


@pytest.fixture
def reader(visa_a, client):
    EmployeeFactory.create(user=visa_a)  # the cabinet is for the staff
    client.force_login(visa_a)
    return visa_a


def _acquaint(document, version, author, person):
    steps = [StepSpec(kind=ApprovalKind.ACQUAINT, participants=[person])]
    start(document, version, author, steps)


def _informed(person, count):
    TaskFactory.create_batch(count, executor=person, role=TaskRole.FOR_INFORMATION)


def _today(client, person):
    inbox = selectors.inbox_for_user(user=person, today=timezone.localdate())
    return inbox, client.get(reverse("documents:inbox")).content.decode()


def test_two_sources_together_at_the_limit_are_all_shown(
    client, document, version, author, reader
):
    # given: one acquaintance step and 24 tasks for information: 25 rows,
    # neither source cut
    _acquaint(document, version, author, reader)
    _informed(reader, selectors.SECTION_LIMIT - 1)

    # when
    inbox, content = _today(client, reader)

    # then: the exact count, no "+" and no "most urgent shown"
    assert len(inbox.to_acquaint) == selectors.SECTION_LIMIT
    assert "to_acquaint" not in inbox.full
    assert 'href="#inbox-to_acquaint">До ознайомлення (25)</a>' in content
    assert "найтерміновіших" not in content
    assert "щонайменше" not in content


def test_one_source_cut_makes_the_section_full(
    client, document, version, author, reader
):
    # given: one acquaintance step and more tasks for information than shown
    _acquaint(document, version, author, reader)
    _informed(reader, selectors.SECTION_LIMIT + 2)

    # when
    inbox, content = _today(client, reader)

    # then: 25 + 1 shown, and the heading says there are more
    assert len(inbox.to_acquaint) == selectors.SECTION_LIMIT + 1
    assert inbox.full == frozenset({"to_acquaint"})
    assert 'href="#inbox-to_acquaint">До ознайомлення (26+)</a>' in content
    assert "Показано 26 найтерміновіших." in content
    assert "На вас чекають щонайменше 26 справ." in content
