"""Reads of the summary tables: a period read once, from months and days."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from hromada.analytics import selectors, services
from hromada.analytics.lookups import CategoryTree, Lookups
from hromada.analytics.models import AppealStat, Span
from hromada.analytics.selectors import StatsQuery, period_q
from hromada.analytics.tests.history import filed
from hromada.appeals.tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def every_row_of_2025_and_2026():
    """(span, period_start) of a row for every day, month and year."""
    rows = []
    day = date(2025, 1, 1)
    while day <= date(2026, 12, 31):
        rows.append((Span.DAY, day))
        if day.day == 1:
            rows.append((Span.MONTH, day))
            if day.month == 1:
                rows.append((Span.YEAR, day))
        day += timedelta(days=1)
    return rows


@pytest.mark.parametrize(
    ("date_from", "date_to", "years", "months", "days"),
    [
        # whole months only
        (date(2026, 3, 1), date(2026, 5, 31), 0, 3, 0),
        # a month and a half: the edges from day rows
        (date(2026, 3, 15), date(2026, 5, 10), 0, 1, 17 + 10),
        # within one month: days only
        (date(2026, 3, 2), date(2026, 3, 30), 0, 0, 29),
        # a whole February
        (date(2026, 2, 1), date(2026, 2, 28), 0, 1, 0),
        # a whole year
        (date(2026, 1, 1), date(2026, 12, 31), 1, 0, 0),
        # a year with a month and a half before it
        (date(2025, 11, 15), date(2026, 12, 31), 1, 1, 16),
        # a year and a month and ten days after it
        (date(2025, 1, 1), date(2026, 2, 10), 1, 1, 10),
    ],
)
def test_a_period_reads_whole_years_months_and_the_days_at_its_ends(
    date_from, date_to, years, months, days
):
    category = CategoryFactory()
    # given: a row for every day and month of the year
    AppealStat.objects.bulk_create(
        AppealStat(
            span=span,
            period_start=start,
            category_id=category.pk,
            channel="portal",
            kind="statement",
            is_public=True,
        )
        for span, start in every_row_of_2025_and_2026()
    )

    # when
    read = AppealStat.objects.filter(period_q(date_from, date_to))

    # then
    assert read.filter(span=Span.YEAR).count() == years
    assert read.filter(span=Span.MONTH).count() == months
    assert read.filter(span=Span.DAY).count() == days
    # and the month level alone, for columns of months or quarters
    by_months = AppealStat.objects.filter(
        period_q(date_from, date_to, coarsest=Span.MONTH)
    )
    assert by_months.filter(span=Span.YEAR).count() == 0
    assert by_months.filter(span=Span.MONTH).count() == months + 12 * years


def test_years_months_and_days_give_the_same_figures_as_days_alone(city):
    # given: appeals from December two years ago to today, counted
    last_year = TODAY.year - 1
    days = [
        date(last_year - 1, 12, 19),  # before the period
        date(last_year - 1, 12, 25),
        date(last_year, 3, 10),
        date(last_year, 7, 1),
        date(last_year, 12, 31),
        date(TODAY.year, 1, 1),
        TODAY,
    ]
    for day in days:
        filed(city, on=day)
    services.appeal_stats_rebuild(today=TODAY)
    query = StatsQuery(date_from=date(last_year - 1, 12, 20), date_to=TODAY)

    # when: the whole last year is read from its year row
    groups = selectors.appeal_stat_groups(query=query)
    periods = selectors.appeal_stat_periods(query=query, coarsest=Span.MONTH)

    # then
    assert AppealStat.objects.filter(filters_of(query), span=Span.YEAR).count() == 1
    assert sum(group.figures.registered for group in groups) == 6
    assert sum(count.registered for count in periods) == 6


def filters_of(query):
    return period_q(query.date_from, query.date_to)


def test_public_reads_leave_confidential_appeals_out(city):
    filed(city, on=TODAY)
    filed(city, on=TODAY, is_public=False)
    services.appeal_stats_refresh(days=1, today=TODAY)

    public = StatsQuery(date_from=TODAY, date_to=TODAY)
    everything = StatsQuery(date_from=TODAY, date_to=TODAY, public_only=False)

    assert [
        g.figures.registered for g in selectors.appeal_stat_groups(query=public)
    ] == [1]
    assert [
        g.figures.registered for g in selectors.appeal_stat_groups(query=everything)
    ] == [2]


def test_a_category_tree_shows_each_appeal_under_the_chosen_level(city):
    tree = Lookups.load().categories

    assert tree.descendants(city.improvement.pk) == {
        city.improvement.pk,
        city.lighting.pk,
        city.waste.pk,
    }
    assert tree.shown_as(city.lighting.pk, under=None) == city.improvement.pk
    assert (
        tree.shown_as(city.lighting.pk, under=city.improvement.pk) == city.lighting.pk
    )
    assert tree.shown_as(city.improvement.pk, under=city.improvement.pk) == (
        city.improvement.pk
    )
    assert tree.choices() == [
        ("improvement", "Благоустрій"),
        ("waste_collection", "— Вивезення відходів"),
        ("lighting_fault", "— Вуличне освітлення"),
        ("road_damage", "Дороги"),
    ]


def test_a_loop_in_the_tree_cannot_hang_the_page(city):
    city.improvement.parent = city.lighting  # bad data, as if saved by SQL
    tree = CategoryTree.of([city.improvement, city.lighting, city.waste])

    # no root above: the walk stops after ten steps with some category
    assert tree.shown_as(city.lighting.pk, under=None) in {
        city.improvement.pk,
        city.lighting.pk,
    }
    assert tree.choices() == []


def test_the_refresh_mark_says_when_the_figures_were_computed(city):
    assert selectors.stats_refreshed_at() is None

    services.appeal_stats_refresh(days=1, today=TODAY)

    assert selectors.stats_refreshed_at() is not None
