"""The analytics room's own tables: summaries of appeals, never appeals.

Pages and reports read these tables only, so their cost depends on the
period shown, not on how many appeals the city has ever had
(ARCHITECTURE.md §3: analytics owns its summary tables, refreshed by
periodic tasks). ``services.appeal_stats_refresh`` writes them.

Every row is a *cohort*: the appeals registered on one day (or in one
month). What happens to them later — the answer, its timeliness, the
rating, the closing — is counted on the day they were registered, so a
day's row keeps changing until its appeals settle, and the refresh
recomputes recent days (see ``services``).

Summary rows carry no ``public_id`` and no timestamps (``BaseModel``):
nothing links to a single row, and millions of them need no extra index.
No personal data: counts by category, place, unit and the classifier's
attributes only.
"""

from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hromada.appeals.models import AppealChannel, AppealKind, Category
from hromada.gis.models import District
from hromada.org.models import OrgUnit

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise
else:
    StrOrPromise = str

# Bounds of the histogram of days to answer, in whole days: 0–1, 2–3, 4–7,
# 8–15, 16–30, 31–45 and over 45 (the law's longest term, Закон «Про
# звернення громадян», ст. 20). The median is read from the summed
# histogram (``selectors.median_days``).
DAYS_BUCKETS: tuple[tuple[int, int | None], ...] = (
    (0, 1),
    (2, 3),
    (4, 7),
    (8, 15),
    (16, 30),
    (31, 45),
    (46, None),
)
# The heat map's grid: 0.00225° of latitude is 250 m; 0.0035° of longitude
# is 250 m at 50° N (280–240 m across Ukraine, 44–52° N). A cell's column
# and row are a point's longitude and latitude divided by these, rounded
# down; fixed here, since changing them means rebuilding the cells.
CELL_LON_DEGREES = 0.0035
CELL_LAT_DEGREES = 0.00225
DAYS_FIELDS: tuple[str, ...] = (
    "days_0_1",
    "days_2_3",
    "days_4_7",
    "days_8_15",
    "days_16_30",
    "days_31_45",
    "days_over_45",
)


# The counts of ``AppealFigures``: the plain ones, then the histogram.
COUNT_FIELDS: tuple[str, ...] = (
    "registered",
    "answered",
    "answered_on_time",
    "forwarded",
    "not_considered",
    "open",
    "overdue_open",
    "closed",
    "reopened",
    "rating_sum",
    "rating_count",
    "rating_high",
)
FIGURE_FIELDS: tuple[str, ...] = (*COUNT_FIELDS, *DAYS_FIELDS)


class Span(models.TextChoices):
    """How long a summary row's period is: a day, a month or a year."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def _key(
    to: type[models.Model], verbose_name: "StrOrPromise", *, null: bool = False
) -> Any:
    """A key to another room's row: protected, unindexed, no reverse name."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        null=null,
        db_index=False,
        related_name="+",
    )


class SummaryRow(models.Model):
    """A period (a day or a month) and the category, district and unit a
    summary row counts; their own indexes would only slow the refresh, so
    the foreign keys have none: rows are found by period."""

    span = models.CharField(_("span"), max_length=8, choices=Span)
    period_start = models.DateField(_("period from"))
    category = _key(Category, _("category"))
    district = _key(District, _("district"), null=True)
    unit = _key(OrgUnit, _("responsible unit"), null=True)

    class Meta:
        abstract = True
        indexes = [
            models.Index(fields=["span", "period_start"], name="an_%(class)s_period"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(span__in=Span.values),
                name="analytics_%(class)s_span_known",
            ),
        ]


class AppealFigures(models.Model):
    """The counts of one cohort of appeals; see the module's docstring.

    ``answered`` counts appeals with an answer in force (answered or
    closed); ``answered_on_time`` those answered on or before their due
    date; ``open`` and ``overdue_open`` are as of the refresh that wrote
    the row. ``reopened`` counts appeals the applicant reopened at least
    once. Ratings are summed, so an average is ``rating_sum / rating_count``.
    """

    registered = models.PositiveIntegerField(_("registered"), default=0)
    answered = models.PositiveIntegerField(_("answered"), default=0)
    answered_on_time = models.PositiveIntegerField(_("answered on time"), default=0)
    forwarded = models.PositiveIntegerField(_("forwarded"), default=0)
    not_considered = models.PositiveIntegerField(_("not considered"), default=0)
    open = models.PositiveIntegerField(_("open"), default=0)
    overdue_open = models.PositiveIntegerField(_("open and overdue"), default=0)
    closed = models.PositiveIntegerField(_("closed"), default=0)
    reopened = models.PositiveIntegerField(_("reopened"), default=0)
    rating_sum = models.PositiveIntegerField(_("sum of ratings"), default=0)
    rating_count = models.PositiveIntegerField(_("ratings"), default=0)
    rating_high = models.PositiveIntegerField(_("ratings of 4 or 5"), default=0)
    days_0_1 = models.PositiveIntegerField(default=0)
    days_2_3 = models.PositiveIntegerField(default=0)
    days_4_7 = models.PositiveIntegerField(default=0)
    days_8_15 = models.PositiveIntegerField(default=0)
    days_16_30 = models.PositiveIntegerField(default=0)
    days_31_45 = models.PositiveIntegerField(default=0)
    days_over_45 = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class AppealStat(SummaryRow, AppealFigures):
    """Appeals registered in one period, by category, district, unit,
    channel, kind and whether they are public.

    Day rows come from the appeals; month rows add up a month's day rows
    and year rows a year's month rows, so ten years cost a few year rows,
    the months of the years at the ends and the days of the months at the
    ends. Public pages read ``is_public=True`` rows only:
    confidential appeals stay out of public figures (DOMAIN.md APL-18).
    """

    channel = models.CharField(_("channel"), max_length=32, choices=AppealChannel)
    kind = models.CharField(_("kind"), max_length=16, choices=AppealKind)
    is_public = models.BooleanField(_("public"))

    class Meta(SummaryRow.Meta):
        verbose_name = _("summary of appeals")
        verbose_name_plural = _("summaries of appeals")

    def __str__(self) -> str:
        return f"{self.span} {self.period_start} {self.category_id}"


class AppealCellStat(SummaryRow):
    """Public appeals with a point, counted in a grid cell of about 250 m.

    The heat map reads these; a cell is shown only when the period's
    filtered sum reaches ``selectors.CELL_MIN_APPEALS``, so no single
    appeal's place is ever drawn. Confidential appeals are never counted.
    """

    cell_x = models.IntegerField(_("cell column"))
    cell_y = models.IntegerField(_("cell row"))
    appeals = models.PositiveIntegerField(_("appeals"))

    class Meta(SummaryRow.Meta):
        verbose_name = _("appeals in a map cell")
        verbose_name_plural = _("appeals in map cells")

    def __str__(self) -> str:
        return f"{self.period_start} {self.cell_x}:{self.cell_y}"


class ClassifierAttribute(models.TextChoices):
    """An attribute of the КМУ №858 classifier counted for the quarterly
    report (section I, items 1–8; section II), and the outcome (APL-20)."""

    RECEIPT_FORM = "receipt_form", _("Form of receipt")
    RECEIPT_ATTRIBUTE = "receipt_attribute", _("Receipt attribute")
    KIND = "kind", _("Kind")
    AUTHOR_GENDER = "author_gender", _("Author's gender")
    SUBJECT = "subject", _("Author type")
    APPEAL_FORM = "appeal_form", _("Type of appeal")
    AUTHOR_CATEGORY = "author_category", _("Category of authors")
    SOCIAL_STATUS = "social_status", _("Social status")
    TOPIC = "topic", _("Topic")
    OUTCOME = "outcome", _("Outcome")


class AppealClassifierStat(models.Model):
    """How many appeals registered on ``day`` had ``attribute`` = ``value``.

    ``value`` is the choice's value, or the dictionary entry's code for
    categories of authors and topics, which keep their codes across the
    classifier's editions; "" means not stated. An appeal counts once per
    attribute, except categories of authors: one per category it names.
    """

    day = models.DateField(_("day"))
    attribute = models.CharField(
        _("attribute"), max_length=24, choices=ClassifierAttribute
    )
    value = models.CharField(_("value"), max_length=32, blank=True)
    appeals = models.PositiveIntegerField(_("appeals"))

    class Meta:
        verbose_name = _("classifier count")
        verbose_name_plural = _("classifier counts")
        indexes = [models.Index(fields=["day"], name="analytics_classifier_day")]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "attribute", "value"],
                name="analytics_classifierstat_once",
            ),
            models.CheckConstraint(
                condition=Q(attribute__in=ClassifierAttribute.values),
                name="analytics_classifierstat_attribute_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.attribute}={self.value}"


class StatsRefresh(models.Model):
    """When a summary was last refreshed; its row also serialises refreshes.

    Each day's rewrite locks this row first, so two refreshes running at
    once take turns instead of writing a day twice. ``started_at`` is
    where the next refresh looks for appeals changed since.
    """

    key = models.CharField(_("summary table"), max_length=32, unique=True)
    started_at = models.DateTimeField(_("started at"), null=True)
    finished_at = models.DateTimeField(_("finished at"), null=True)
    days = models.PositiveIntegerField(_("days recomputed"), default=0)

    class Meta:
        verbose_name = _("summary refresh")
        verbose_name_plural = _("summary refreshes")

    def __str__(self) -> str:
        return self.key
