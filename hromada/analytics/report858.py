"""The quarterly report on citizens' appeals in the form of the classifier
(постанова КМУ від 24.09.2008 №858, DOMAIN.md APL-13), as XLSX.

Every count comes from the summary table of classifier attributes
(``AppealClassifierStat``): the appeals registered in the quarter, by each
attribute of section I and by the topic of section II, and by outcome
(APL-20) as a third part. The categories of authors and the topics are
those of the classifier's editions in force during the quarter. Counts
only: nothing in the report names a person.

The report is the council's official paper and is written in Ukrainian,
the state language, whatever the language of the page it is asked from.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from typing import Final

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from hromada.analytics import selectors
from hromada.analytics.dashboard import ROMAN
from hromada.analytics.forms import quarter_bounds
from hromada.analytics.models import ClassifierAttribute
from hromada.appeals.models import (
    AppealForm,
    AppealKind,
    AppealOutcome,
    AppealSubject,
    AuthorCategory,
    AuthorGender,
    ReceiptAttribute,
    ReceiptForm,
    SocialStatus,
    TopicCode,
)

REPORT_LANGUAGE: Final = "uk"
XLSX_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Counts = dict[tuple[str, str], int]


@dataclass(frozen=True, kw_only=True, slots=True)
class ReportLine:
    """One line of the report: its number, what it counts, how many."""

    number: str
    label: str
    count: int


@dataclass(frozen=True, kw_only=True, slots=True)
class ReportBlock:
    """An item of the classifier and its lines («1. За формою надходження»)."""

    number: str
    title: str
    lines: list[ReportLine]

    @property
    def total(self) -> int:
        """The lines added up (above the appeals for multi-valued items)."""
        return sum(line.count for line in self.lines)


@dataclass(frozen=True, kw_only=True, slots=True)
class Report858:
    """The quarter's report, ready to be written out."""

    council: str
    year: int
    quarter: int
    date_from: date
    date_to: date
    refreshed_at: datetime | None
    total: int
    attributes: list[ReportBlock]
    topics: ReportBlock
    outcomes: ReportBlock


def _choice_lines(
    number: str,
    choices: type[models.TextChoices],
    counts: Counts,
    attribute: str,
    *,
    blank_label: str = "",
) -> list[ReportLine]:
    """A line per choice; ``blank_label`` renames the empty choice's."""
    return [
        ReportLine(
            number=f"{number}.{index}",
            label=blank_label
            if blank_label and not choice.value
            else str(choice.label),
            count=counts.get((attribute, choice.value), 0),
        )
        for index, choice in enumerate(_stated_first(choices), start=1)
    ]


def _stated_first(choices: type[models.TextChoices]) -> list[models.TextChoices]:
    """The choices with "not stated" (the empty value) moved last."""
    members = list(choices)
    return [m for m in members if m.value] + [m for m in members if not m.value]


def _entry_lines(
    number: str,
    entries: Iterable[AuthorCategory | TopicCode],
    counts: Counts,
    attribute: str,
) -> list[ReportLine]:
    """One line per code of the editions in force (the later name wins),
    then codes counted but in no such edition, then "not stated"."""
    names: dict[str, str] = {}
    for entry in entries:
        names[entry.code] = entry.name
    counted = {value for (name, value), _n in counts.items() if name == attribute}
    for code in sorted(counted - set(names) - {""}):
        names[code] = _("Code %(code)s of another edition") % {"code": code}
    lines = [
        ReportLine(
            number=f"{number}.{index}",
            label=f"{code} {name}",
            count=counts.get((attribute, code), 0),
        )
        for index, (code, name) in enumerate(sorted(names.items()), start=1)
    ]
    if (attribute, "") in counts:
        lines.append(
            ReportLine(
                number=f"{number}.{len(lines) + 1}",
                label=_("Not stated"),
                count=counts[attribute, ""],
            )
        )
    return lines


def report_858(*, year: int, quarter: int) -> Report858:
    """The report of ``quarter`` (1–4) of ``year``, in Ukrainian; three
    small queries and the dictionaries of the quarter's editions."""
    date_from, date_to = quarter_bounds(year, quarter)
    counts = selectors.classifier_counts(date_from=date_from, date_to=date_to)
    attribute = ClassifierAttribute
    with translation.override(REPORT_LANGUAGE):
        items = (
            ("1", _("By form of receipt"), ReceiptForm, attribute.RECEIPT_FORM),
            (
                "2",
                _("By receipt attribute"),
                ReceiptAttribute,
                attribute.RECEIPT_ATTRIBUTE,
            ),
            ("3", _("By kind"), AppealKind, attribute.KIND),
            ("4", _("By authors' gender"), AuthorGender, attribute.AUTHOR_GENDER),
            ("5", _("By author type"), AppealSubject, attribute.SUBJECT),
            ("6", _("By type"), AppealForm, attribute.APPEAL_FORM),
        )
        blocks = [
            ReportBlock(
                number=number,
                title=title,
                lines=_choice_lines(number, choices, counts, name.value),
            )
            for number, title, choices, name in items
        ]
        categories = selectors.author_category_list_valid(
            date_from=date_from, date_to=date_to
        )
        blocks.append(
            ReportBlock(
                number="7",
                title=_("By categories of authors"),
                lines=_entry_lines("7", categories, counts, attribute.AUTHOR_CATEGORY),
            )
        )
        blocks.append(
            ReportBlock(
                number="8",
                title=_("By social status"),
                lines=_choice_lines("8", SocialStatus, counts, attribute.SOCIAL_STATUS),
            )
        )
        topics = selectors.topic_list_valid(date_from=date_from, date_to=date_to)
        return Report858(
            council=str(settings.HROMADA_CITY["name"]),
            year=year,
            quarter=quarter,
            date_from=date_from,
            date_to=date_to,
            refreshed_at=selectors.stats_refreshed_at(),
            total=sum(
                n for (name, _value), n in counts.items() if name == attribute.KIND
            ),
            attributes=blocks,
            topics=ReportBlock(
                number="II",
                title=_("Topics of appeals"),
                lines=_entry_lines("II", topics, counts, attribute.TOPIC),
            ),
            outcomes=ReportBlock(
                number="III",
                title=_("Outcomes of consideration"),
                lines=_choice_lines(
                    "III",
                    AppealOutcome,
                    counts,
                    attribute.OUTCOME,
                    blank_label=_("Consideration not finished"),
                ),
            ),
        )


def report_858_filename(report: Report858) -> str:
    """The download's name: ``appeals-858-2026-q3.xlsx``."""
    return f"appeals-858-{report.year}-q{report.quarter}.xlsx"


def report_858_workbook(report: Report858) -> bytes:
    """The report as a printable XLSX workbook: one A4 sheet, the council
    and the period in the title, bold headings, fixed column widths."""
    from openpyxl import Workbook

    from hromada.analytics.report858_sheet import sheet_write

    book = Workbook()
    with translation.override(REPORT_LANGUAGE):
        sheet_write(book.active, report=report, title=_title_lines(report))
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _title_lines(report: Report858) -> list[str]:
    period = _("for quarter %(quarter)s of %(year)d (%(start)s – %(end)s)") % {
        "quarter": ROMAN[report.quarter - 1],
        "year": report.year,
        "start": date_format(report.date_from, "d.m.Y"),
        "end": date_format(report.date_to, "d.m.Y"),
    }
    as_of = (
        _("Data as of %(moment)s")
        % {"moment": date_format(timezone.localtime(report.refreshed_at), "d.m.Y H:i")}
        if report.refreshed_at is not None
        else _("The summaries have not been computed yet.")
    )
    return [
        report.council,
        _(
            "Citizens' appeals by the classifier of the Cabinet of Ministers "
            "resolution No. 858 of 24.09.2008"
        ),
        period,
        as_of,
    ]
