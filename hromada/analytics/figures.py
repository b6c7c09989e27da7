"""The figures a statistics page shows, computed from summed counts.

Shares and averages are ``Decimal`` rounded to one place, so templates
print them with the locale's comma («92,5 %») and tests compare them
exactly. A share of nothing is ``None``: the page says "no data", not 0 %.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_UP, Decimal

from hromada.analytics.models import COUNT_FIELDS, DAYS_BUCKETS, DAYS_FIELDS

ONE_PLACE = Decimal("0.1")


def _rounded(value: Decimal) -> Decimal:
    return value.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def share(part: int, whole: int) -> Decimal | None:
    """``part`` as a percentage of ``whole``; ``None`` when ``whole`` is 0."""
    if whole <= 0:
        return None
    return _rounded(Decimal(part) * 100 / whole)


@dataclass(frozen=True, kw_only=True, slots=True)
class Median:
    """The median of days to answer: ``days``, or ``over`` when it lies in
    the open-ended bucket (more than ``over`` days)."""

    days: Decimal | None = None
    over: int | None = None


def median_days(histogram: tuple[int, ...]) -> Median | None:
    """The median of days to answer, read from a summed histogram.

    An approximation: the buckets of ``DAYS_BUCKETS`` keep counts, not the
    days themselves, so the median is placed inside its bucket by linear
    interpolation, as if the answers in it were spread evenly over its
    days (the grouped-data median). A bucket of whole days ``a..b`` is
    the interval ``[a, b + 1)``; an exact median of 5 days in the 4–7
    bucket may come out between 4 and 8. When the median falls in the
    last, open bucket, only "more than 45 days" is known.
    """
    total = sum(histogram)
    if total == 0:
        return None
    half = Decimal(total) / 2
    below = 0
    for count, (lower, upper) in zip(histogram, DAYS_BUCKETS, strict=True):
        if count and below + count >= half:
            if upper is None:
                return Median(over=lower - 1)
            width = upper + 1 - lower
            return Median(days=_rounded(lower + (half - below) / count * width))
        below += count
    return None  # unreachable: the counts add up to ``total``


@dataclass(kw_only=True, slots=True)
class Figures:
    """Counts of appeals summed over summary rows, and what follows."""

    registered: int = 0
    answered: int = 0
    answered_on_time: int = 0
    forwarded: int = 0
    not_considered: int = 0
    open: int = 0
    overdue_open: int = 0
    closed: int = 0
    reopened: int = 0
    rating_sum: int = 0
    rating_count: int = 0
    rating_high: int = 0
    days: list[int] = field(default_factory=lambda: [0] * len(DAYS_FIELDS))

    @classmethod
    def from_row(cls, row: Mapping[str, int | None]) -> "Figures":
        """Figures from a summed row with every name of ``FIGURE_FIELDS``."""
        figures = cls()
        figures.add_row(row)
        return figures

    def add_row(self, row: Mapping[str, int | None]) -> None:
        """Add a summed row's counts; a missing sum counts as 0."""
        for name in COUNT_FIELDS:
            setattr(self, name, getattr(self, name) + int(row[name] or 0))
        for index, name in enumerate(DAYS_FIELDS):
            self.days[index] += int(row[name] or 0)

    def add(self, other: "Figures") -> None:
        """Add another group's figures to these."""
        for item in fields(self):
            if item.name != "days":
                setattr(
                    self,
                    item.name,
                    getattr(self, item.name) + getattr(other, item.name),
                )
        self.days = [
            mine + theirs for mine, theirs in zip(self.days, other.days, strict=True)
        ]

    @property
    def on_time_share(self) -> Decimal | None:
        """Of the answered appeals, the percentage answered by the due date."""
        return share(self.answered_on_time, self.answered)

    @property
    def answered_share(self) -> Decimal | None:
        """Of the registered appeals, the percentage answered (in force)."""
        return share(self.answered, self.registered)

    @property
    def median(self) -> Median | None:
        """The median of days to answer; see ``median_days``."""
        return median_days(tuple(self.days))

    @property
    def average_rating(self) -> Decimal | None:
        """The applicants' average rating, 1 to 5, or ``None`` unrated."""
        if self.rating_count == 0:
            return None
        return _rounded(Decimal(self.rating_sum) / self.rating_count)

    @property
    def high_rating_share(self) -> Decimal | None:
        """Of the ratings, the percentage of 4 and 5."""
        return share(self.rating_high, self.rating_count)
