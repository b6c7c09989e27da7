"""The analytics room's open dataset: monthly statistics of citizens'
appeals, read from the summary tables (never from the appeals).

Public appeals only, as on the public statistics page (DOMAIN.md APL-18):
counts by month, category, district, responsible unit, channel and kind.
No row names, describes or locates a person (OD-05).
"""

from collections.abc import Iterator

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.analytics.models import AppealStat, Span
from hromada.appeals.models import AppealChannel, AppealKind
from hromada.core.datasets import (
    ColumnType,
    DatasetColumn,
    DatasetProducer,
    Row,
    UpdateFrequency,
    dataset_producer_register,
)

COUNTS = (
    ("registered", _("Registered")),
    ("answered", _("Answered")),
    ("answered_on_time", _("Answered on time")),
    ("forwarded", _("Forwarded by competence")),
    ("not_considered", pgettext_lazy("analytics count", "Not considered")),
    ("open", pgettext_lazy("analytics count", "Open")),
    ("overdue_open", _("Open and overdue")),
    ("closed", pgettext_lazy("analytics count", "Closed")),
)
DIMENSIONS = (
    "period_start",
    "category__code",
    "category__name",
    "district__name",
    "unit__name",
    "channel",
    "kind",
)
COLUMNS = (
    DatasetColumn(
        name="month",
        title=_("Month"),
        description=_("The first day of the month the appeals were registered in."),
        type=ColumnType.DATE,
    ),
    DatasetColumn(name="category_code", title=_("Category code")),
    DatasetColumn(name="category", title=_("Category")),
    DatasetColumn(
        name="district",
        title=_("District"),
        description=_("Empty when the appeal names no place."),
    ),
    DatasetColumn(name="unit", title=_("Responsible unit")),
    DatasetColumn(name="channel", title=_("Channel of receipt")),
    DatasetColumn(name="kind", title=_("Kind of appeal")),
    *(
        DatasetColumn(
            name=name,
            title=title,
            description=_("Appeals registered in the month, as they stand now."),
            type=ColumnType.INTEGER,
        )
        for name, title in COUNTS
    ),
)


def appeal_stat_rows() -> Iterator[Row]:
    """One row per month, category, district, unit, channel and kind."""
    rows = (
        AppealStat.objects.filter(span=Span.MONTH, is_public=True)
        .values(*DIMENSIONS)
        .annotate(**{name: Sum(name) for name, _title in COUNTS})
        .order_by(*DIMENSIONS)
    )
    for row in rows:
        yield {
            "month": row["period_start"],
            "category_code": row["category__code"],
            "category": row["category__name"],
            "district": row["district__name"],
            "unit": row["unit__name"],
            "channel": AppealChannel(row["channel"]).label,
            "kind": AppealKind(row["kind"]).label,
            **{name: int(row[name] or 0) for name, _title in COUNTS},
        }


def datasets_register() -> None:
    """Offer the room's dataset to the open-data catalogue."""
    dataset_producer_register(
        DatasetProducer(
            name="statystyka-zvernen",
            owner="analytics",
            title=_("Statistics of citizens' appeals"),
            description=_(
                "How many public appeals the council registered each month, "
                "by category, district, responsible unit, channel and kind, "
                "and what became of them. Confidential appeals are not counted."
            ),
            purpose=_("To let residents follow how the council handles their appeals."),
            legal_basis=_(
                "Law of Ukraine “On Citizens' Appeals”; Law of Ukraine “On Access "
                "to Public Information”, Art. 10-1; Resolution of the Cabinet of "
                "Ministers of Ukraine No. 835 of 21.10.2015."
            ),
            columns=COLUMNS,
            rows=appeal_stat_rows,
            frequency=UpdateFrequency.MONTHLY,
            keywords=("звернення громадян", "статистика"),
            extra={"theme": "soci"},
        )
    )
