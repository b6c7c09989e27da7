"""Shares, averages and the median of days to answer from a histogram."""

from decimal import Decimal

import pytest

from hromada.analytics.figures import Figures, Median, median_days, share


def histogram(**buckets):
    names = ("d0_1", "d2_3", "d4_7", "d8_15", "d16_30", "d31_45", "over_45")
    return tuple(buckets.get(name, 0) for name in names)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # one answer of 0–1 days: the middle of [0, 2)
        (histogram(d0_1=1), Median(days=Decimal("1.0"))),
        # ten answers of 4–7 days: half of them by 6 days, spread evenly
        (histogram(d4_7=10), Median(days=Decimal("6.0"))),
        # 3 quick, 1 slow: the 2nd of 4 answers lies two thirds into the
        # 0–1 bucket, read as [0, 2)
        (histogram(d0_1=3, d16_30=1), Median(days=Decimal("1.3"))),
        # half exactly at the end of the first bucket
        (histogram(d0_1=2, d8_15=2), Median(days=Decimal("2.0"))),
        # most answers later than 45 days: only "over 45" is known
        (histogram(d0_1=1, over_45=2), Median(over=45)),
    ],
)
def test_the_median_is_read_from_the_histogram(counts, expected):
    assert median_days(counts) == expected


def test_no_answers_have_no_median():
    assert median_days(histogram()) is None


def test_a_share_of_nothing_is_none_not_zero():
    assert (share(0, 0), share(1, 3), share(2, 3)) == (
        None,
        Decimal("33.3"),
        Decimal("66.7"),
    )


def test_figures_add_up_and_give_shares_and_averages():
    # given
    first = Figures(registered=3, answered=2, answered_on_time=1)
    first.rating_sum, first.rating_count, first.rating_high = 9, 2, 1
    second = Figures.from_row(
        {
            "registered": 1,
            "answered": 1,
            "answered_on_time": 1,
            "rating_sum": 5,
            "rating_count": 1,
            "rating_high": 1,
            "forwarded": 0,
            "not_considered": 0,
            "open": 0,
            "overdue_open": 0,
            "closed": 1,
            "reopened": 0,
            "days_0_1": 1,
            "days_2_3": 0,
            "days_4_7": 0,
            "days_8_15": 0,
            "days_16_30": 0,
            "days_31_45": 0,
            "days_over_45": None,
        }
    )

    # when
    first.add(second)

    # then
    assert (first.registered, first.answered, first.closed) == (4, 3, 1)
    assert first.on_time_share == Decimal("66.7")
    assert first.answered_share == Decimal("75.0")
    assert first.average_rating == Decimal("4.7")
    assert first.high_rating_share == Decimal("66.7")
    assert first.days == [1, 0, 0, 0, 0, 0, 0]
    assert Figures().average_rating is None
