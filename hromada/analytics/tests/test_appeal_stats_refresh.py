"""The summaries of appeals: cohorts by registration day, the nightly
refresh of recent and changed days, the rebuild, the month rows."""

from datetime import timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.analytics import services
from hromada.analytics.models import (
    FIGURE_FIELDS,
    AppealCellStat,
    AppealClassifierStat,
    AppealStat,
    Span,
    StatsRefresh,
)
from hromada.analytics.tests.history import answered, due, filed, rated
from hromada.appeals.models import (
    Appeal,
    AppealChannel,
    AppealKind,
    AppealOutcome,
    AuthorGender,
)
from hromada.appeals.services import execution
from hromada.appeals.tests.factories import applicant_input
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def day_row(day, **filters):
    return AppealStat.objects.get(span=Span.DAY, period_start=day, **filters)


def counts(row, *names):
    return tuple(getattr(row, name) for name in names)


def test_a_days_cohort_counts_what_became_of_its_appeals(city):
    # given: four appeals registered ten days ago
    day = TODAY - timedelta(days=10)
    on_time = due(filed(city, on=day), day + timedelta(days=5))
    answered(city, on_time, on=day + timedelta(days=3))
    rated(city, on_time, rating=5)
    late = due(filed(city, on=day), day + timedelta(days=2))
    answered(city, late, on=day + timedelta(days=9), outcome=AppealOutcome.EXPLAINED)
    rated(city, late, rating=2)
    due(filed(city, on=day), day + timedelta(days=4))  # open, overdue
    due(filed(city, on=day), TODAY + timedelta(days=4))  # open, not yet due

    # when
    result = services.appeal_stats_refresh(today=TODAY)

    # then
    row = day_row(day)
    assert counts(
        row, "registered", "answered", "answered_on_time", "open", "overdue_open"
    ) == (4, 2, 1, 2, 1)
    assert counts(row, "closed", "reopened", "rating_sum", "rating_count") == (
        2,
        0,
        7,
        2,
    )
    assert row.rating_high == 1
    assert counts(row, "days_2_3", "days_8_15") == (1, 1)
    assert sum(counts(row, *FIGURE_FIELDS[-7:])) == 2
    assert (row.category_id, row.unit_id, row.channel, row.kind, row.is_public) == (
        city.lighting.pk,
        city.lights.unit.pk,
        AppealChannel.PORTAL,
        AppealKind.STATEMENT,
        True,
    )
    assert result == services.RefreshResult(
        days=90,
        months=len({(TODAY - timedelta(days=n)).replace(day=1) for n in range(90)}),
    )


def test_the_answer_counts_on_the_day_the_appeal_was_registered(city):
    # given: registered on one day, answered on another
    registered_on = TODAY - timedelta(days=20)
    appeal = due(filed(city, on=registered_on), registered_on + timedelta(days=15))
    answered(city, appeal, on=registered_on + timedelta(days=16))

    # when
    services.appeal_stats_refresh(today=TODAY)

    # then: one row, on the registration day; late by a day
    row = AppealStat.objects.get(span=Span.DAY)
    assert row.period_start == registered_on
    assert counts(row, "registered", "answered", "answered_on_time", "days_16_30") == (
        1,
        1,
        0,
        1,
    )


def test_confidential_appeals_have_rows_of_their_own(city):
    day = TODAY - timedelta(days=2)
    filed(city, on=day)
    filed(city, on=day, is_public=False)

    services.appeal_stats_refresh(today=TODAY)

    assert day_row(day, is_public=True).registered == 1
    assert day_row(day, is_public=False).registered == 1
    # the map counts public appeals only
    assert AppealCellStat.objects.filter(span=Span.DAY).get().appeals == 1


def test_a_refresh_run_twice_leaves_the_same_rows_and_writes_no_audit(city):
    # given
    day = TODAY - timedelta(days=3)
    for _n in range(3):
        filed(city, on=day)
    services.appeal_stats_refresh(today=TODAY)
    events = AuditEvent.objects.count()
    first = sorted(AppealStat.objects.values_list("span", "period_start", "registered"))

    # when
    services.appeal_stats_refresh(today=TODAY)

    # then
    again = sorted(AppealStat.objects.values_list("span", "period_start", "registered"))
    assert again == first
    assert first == sorted(
        [
            (Span.DAY, day, 3),
            (Span.MONTH, day.replace(day=1), 3),
            (Span.YEAR, day.replace(month=1, day=1), 3),
        ]
    )
    assert AppealCellStat.objects.filter(span=Span.DAY).get().appeals == 3
    assert AuditEvent.objects.count() == events


def test_an_old_appeal_answered_late_is_counted_the_next_night(city):
    # given: an appeal registered before the window, counted by a rebuild
    old_day = TODAY - timedelta(days=200)
    appeal = due(filed(city, on=old_day), old_day + timedelta(days=30))
    services.appeal_stats_rebuild(today=TODAY)
    assert counts(day_row(old_day), "answered", "open") == (0, 1)

    # when: it is answered today, and the nightly refresh runs
    answered(city, appeal, on=TODAY)
    services.appeal_stats_refresh(today=TODAY)

    # then
    assert counts(day_row(old_day), "answered", "open", "days_over_45") == (1, 0, 1)
    month = AppealStat.objects.get(span=Span.MONTH, period_start=old_day.replace(day=1))
    assert month.answered == 1


def test_outside_the_window_an_unchanged_day_is_left_alone(city):
    # given: counted by a rebuild, then its row is spoilt by hand
    old_day = TODAY - timedelta(days=120)
    filed(city, on=old_day)
    services.appeal_stats_rebuild(today=TODAY)
    AppealStat.objects.filter(span=Span.DAY, period_start=old_day).update(registered=7)

    # when
    result = services.appeal_stats_refresh(today=TODAY)

    # then: not recomputed, as no appeal of that day changed
    assert day_row(old_day).registered == 7
    assert result.days == 90


def test_the_rebuild_drops_rows_of_days_without_appeals_and_outside_history(city):
    # given
    day = TODAY - timedelta(days=5)
    appeal = filed(city, on=day)
    services.appeal_stats_rebuild(today=TODAY)
    Appeal.objects.filter(pk=appeal.pk).update(
        registered_at=appeal.registered_at - timedelta(days=1)
    )

    # when
    services.appeal_stats_rebuild(today=TODAY)

    # then
    assert list(
        AppealStat.objects.filter(span=Span.DAY).values_list(
            "period_start", "registered"
        )
    ) == [(day - timedelta(days=1), 1)]


def test_month_rows_add_up_their_days(city):
    # given: appeals on three days of one month
    first = (TODAY - timedelta(days=40)).replace(day=1)
    for offset, how_many in ((0, 2), (9, 1), (20, 3)):
        for _n in range(how_many):
            filed(city, on=first + timedelta(days=offset))

    # when
    services.appeal_stats_rebuild(today=TODAY)

    # then
    days = AppealStat.objects.filter(
        span=Span.DAY,
        period_start__gte=first,
        period_start__lt=first + timedelta(days=28),
    ).aggregate(total=Sum("registered"))["total"]
    month = AppealStat.objects.get(span=Span.MONTH, period_start=first)
    assert (days, month.registered) == (6, 6)
    assert AppealCellStat.objects.get(span=Span.MONTH, period_start=first).appeals == 6


def test_a_forwarded_appeal_counts_as_forwarded_not_answered(city):
    day = TODAY - timedelta(days=1)
    unrouted = filed(city, on=day, category=city.roads)
    operator = UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR])
    Appeal.objects.filter(pk=unrouted.pk).update(unit=None)
    execution.appeal_forward(appeal=unrouted, actor=operator, forward_to="Служба доріг")

    services.appeal_stats_refresh(today=TODAY)

    row = day_row(day)
    assert counts(row, "registered", "forwarded", "answered", "open") == (1, 1, 0, 0)


def test_the_classifier_counts_each_attribute_of_the_days_appeals(city):
    # given
    day = TODAY - timedelta(days=4)
    filed(city, on=day)
    filed(
        city,
        on=day,
        kind=AppealKind.COMPLAINT,
        channel=AppealChannel.HOTLINE,
        applicant=applicant_input(phone="+380441234567", gender=AuthorGender.FEMALE),
    )

    # when
    services.appeal_stats_refresh(today=TODAY)

    # then
    rows = set(
        AppealClassifierStat.objects.filter(day=day).values_list(
            "attribute", "value", "appeals"
        )
    )
    assert {
        ("kind", "statement", 1),
        ("kind", "complaint", 1),
        ("receipt_form", "post", 1),
        ("receipt_form", "phone", 1),
        ("appeal_form", "electronic", 1),
        ("appeal_form", "oral", 1),
        ("author_gender", "", 1),
        ("author_gender", "female", 1),
        ("outcome", "", 2),
        ("topic", "", 2),
    } <= rows


def test_the_refresh_is_marked_with_its_start(city):
    before = timezone.now()

    services.appeal_stats_refresh(days=3, today=TODAY)

    mark = StatsRefresh.objects.get()
    assert (mark.key, mark.days) == ("appeals", 3)
    assert before <= mark.started_at <= mark.finished_at
