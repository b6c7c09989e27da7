"""The load of the units: open, unassigned, overdue and at-risk appeals
by unit, today's registrations by channel, the overdue list."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import Appeal, AppealIntake
from hromada.appeals.services import intake
from hromada.appeals.tests.contact_centre_support import (  # noqa: F401 (fixtures)
    LOAD,
    city_fixture,
    page,
)
from hromada.appeals.tests.factories import (
    CategoryFactory,
    RoutingRuleFactory,
    appeal_file,
    appeal_input,
    enterprise,
)
from hromada.documents.models import Journal

pytestmark = pytest.mark.django_db


def overdue(appeal: Appeal, days: int) -> Appeal:
    on = timezone.localdate() - timedelta(days=days)
    Appeal.objects.filter(pk=appeal.pk).update(due_on=on, limit_on=on)
    appeal.refresh_from_db()
    return appeal


def test_the_load_page_shows_the_units_and_the_overdue_oldest_first(client, city):
    # given
    late = overdue(appeal_file(category=city.category), 2)
    later = overdue(appeal_file(category=city.category), 9)
    appeal_file(category=city.category)
    client.force_login(UserFactory(roles=[Role.MAYOR]))

    # when
    html = page(client.get(LOAD))

    # then
    assert "КП «Благоустрій»" in html
    assert html.index(later.number) < html.index(late.number)
    detail = reverse("appeals_cabinet:appeal_detail", args=[later.public_id])
    assert f'href="{detail}"' in html
    assert f"?unit={city.lights.unit.public_id}#overdue" in html
    assert "Форма на порталі" in html


def test_the_overdue_list_of_one_unit(client, city):
    mine = overdue(appeal_file(category=city.category), 2)
    stray = overdue(appeal_file(category=CategoryFactory(name="Інше")), 3)
    client.force_login(UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR]))

    html = page(client.get(LOAD, {"unit": str(city.lights.unit.public_id)}))
    unrouted = page(client.get(LOAD, {"unit": "none"}))

    overdue_part = html.split('id="overdue"')[1]
    assert mine.number in overdue_part
    assert stray.number not in overdue_part
    assert stray.number in unrouted.split('id="overdue"')[1]


def test_a_bad_unit_filter_is_not_found(client, city):
    client.force_login(UserFactory(roles=[Role.MAYOR]))

    assert client.get(LOAD, {"unit": "not-a-unit"}).status_code == 404


def test_the_overdue_list_is_paginated(client, city):
    for days in range(1, 28):
        overdue(appeal_file(category=city.category), days)
    client.force_login(UserFactory(roles=[Role.MAYOR]))

    first = page(client.get(LOAD))
    second = page(client.get(LOAD, {"page": "2"}))

    assert 'class="govuk-pagination"' in first
    assert second.split('id="overdue"')[1].count("govuk-table__row") == 3


def test_the_load_page_costs_the_same_queries_for_more_appeals(
    client, city, django_assert_max_num_queries
):
    # given: one overdue appeal, then six more in each of two units
    overdue(appeal_file(category=city.category), 1)
    client.force_login(UserFactory(roles=[Role.MAYOR]))
    client.get(LOAD)
    with django_assert_max_num_queries(11) as few:
        client.get(LOAD)
    water = CategoryFactory(code="water", name="Вода")
    RoutingRuleFactory(category=water, unit=enterprise("КП «Міськводоканал»").unit)
    for days in range(2, 8):
        overdue(appeal_file(category=city.category), days)
        overdue(appeal_file(category=water), days)

    # when
    with django_assert_max_num_queries(11) as more:
        html = page(client.get(LOAD))

    # then
    assert len(more.captured_queries) == len(few.captured_queries)
    assert "КП «Міськводоканал»" in html


def test_appeals_waiting_for_registration_are_shown_with_the_reason(client, city):
    # given: two appeals accepted a while ago and refused (the journal gone),
    # one accepted just now
    Journal.objects.all().delete()
    for _ in range(3):
        intake.appeal_accept(
            actor=None, channel="portal", data=appeal_input(category=city.category)
        )
    stuck = AppealIntake.objects.order_by("pk")[:2]
    for accepted in stuck:
        intake.appeal_intake_register(intake_id=accepted.pk)
    since = timezone.now() - timedelta(minutes=5)
    AppealIntake.objects.filter(pk__in=[a.pk for a in stuck]).update(received_at=since)
    client.force_login(UserFactory(roles=[Role.MAYOR]))

    # when
    html = page(client.get(LOAD))

    # then
    local = timezone.localtime(since)
    assert (
        f"2 звернення від громадян чекають на реєстрацію з {local:%d.%m.%Y %H:%M}"
        in html
    )
    assert "немає журналу звернень" in html


def test_nothing_about_registration_while_none_waits(client, city):
    appeal_file(category=city.category)
    client.force_login(UserFactory(roles=[Role.MAYOR]))

    assert "чека" not in page(client.get(LOAD))
