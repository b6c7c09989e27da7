"""Multi-level control: at risk, overdue, long overdue — who hears, once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import Appeal
from hromada.appeals.services import escalation, execution
from hromada.appeals.tests.factories import (
    CategoryFactory,
    RoutingRuleFactory,
    appeal_file,
    appeals_journal,
    enterprise,
)
from hromada.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    appeals_journal()
    lights = enterprise()
    controller = UserFactory(roles=[Role.UNIT_HEAD])
    category = CategoryFactory(code="lighting_fault")
    RoutingRuleFactory(category=category, unit=lights.unit, controller=controller)
    deputy = UserFactory(roles=[Role.DEPUTY_MAYOR])
    return category, lights, controller, deputy


def due_in(appeal: Appeal, days: int) -> Appeal:
    today = timezone.localdate()
    Appeal.objects.filter(pk=appeal.pk).update(due_on=today + timedelta(days=days))
    appeal.refresh_from_db()
    return appeal


def digest_of(user):
    return Notification.objects.filter(
        template="appeals/escalation", recipient=user
    ).first()


def test_each_level_reaches_its_people_in_one_digest_a_day(city):
    category, lights, controller, deputy = city
    today = timezone.localdate()
    at_risk = due_in(appeal_file(category=category, title="Скоро"), 1)
    assigned = execution.appeal_assign(
        appeal=appeal_file(category=category, title="Виконується"),
        actor=lights.dispatcher,
        executor=lights.executor,
    )
    overdue = due_in(assigned, -2)
    long_overdue = due_in(appeal_file(category=category, title="Давно"), -9)
    due_in(appeal_file(category=category, title="Ще є час"), 10)

    sent = escalation.appeals_escalate(today=today)
    again = escalation.appeals_escalate(today=today)

    # the unassigned appeal at risk: the dispatcher and the director
    dispatcher = digest_of(lights.dispatcher)
    assert at_risk.number in dispatcher.context["lines"]
    assert long_overdue.number in dispatcher.context["lines"]
    assert "Ще є час" not in dispatcher.context["lines"]
    # the executor hears of their own overdue appeal only
    executor = digest_of(lights.executor)
    assert executor.context["count"] == 1
    assert overdue.number in executor.context["lines"]
    # the controller: the overdue ones
    assert digest_of(controller).context["overdue"] == 2
    # the deputy mayor: only what is long overdue
    assert digest_of(deputy).context["lines"].count("\n") == 0
    assert long_overdue.number in digest_of(deputy).context["lines"]
    assert sent == again == 5
    assert Notification.objects.filter(template="appeals/escalation").count() == 5


def test_answered_appeals_are_not_escalated(city):
    category, _lights, _controller, _deputy = city
    appeal = due_in(appeal_file(category=category), -3)
    Appeal.objects.filter(pk=appeal.pk).update(
        status="answered", answered_at=timezone.now()
    )

    assert escalation.appeals_escalate(today=timezone.localdate()) == 0


def test_the_run_costs_a_bounded_number_of_queries(city, django_assert_max_num_queries):
    category, _lights, _controller, _deputy = city
    for days in (-8, -3, 0, 1, 2):
        for _ in range(3):
            due_in(appeal_file(category=category), days)

    with django_assert_max_num_queries(25):
        escalation.appeals_escalate(today=timezone.localdate())


def test_the_desk_hears_of_unrouted_appeals_whose_forwarding_term_nears(city):
    _category, _lights, _controller, _deputy = city
    operator = UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR])
    other = CategoryFactory(code="other", needs_location=False)
    today = timezone.localdate()
    old = appeal_file(category=other, title="Не знаємо чиє")
    fresh = appeal_file(category=other, title="Щойно подане")
    Appeal.objects.filter(pk=old.pk).update(
        registered_at=timezone.now() - timedelta(days=4)
    )

    escalation.appeals_escalate(today=today)

    digest = digest_of(operator)
    assert old.number in digest.context["lines"]
    assert fresh.number not in digest.context["lines"]
    old.refresh_from_db()
    assert escalation.forward_by(old).strftime("%d.%m.%Y") in digest.context["lines"]
