"""The statistics pages' forms: GET filters that work without JavaScript."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.analytics.dashboard import ROMAN
from hromada.analytics.lookups import Lookups
from hromada.analytics.selectors import StatsQuery

# Ten years of month rows answer well within a second; longer periods
# belong in the open-data exports.
PERIOD_DAYS_MAX: Final = 3653
# The classifier of appeals dates from КМУ №858 of 24.09.2008.
FIRST_REPORT_YEAR: Final = 2008


def iso_date_input() -> forms.DateInput:
    """The browser's date picker; its value is ISO whatever the language."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """The first and last day of ``quarter`` (1–4) of ``year``."""
    first = date(year, 3 * quarter - 2, 1)
    after = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, after - timedelta(days=1)


def quarter_of(day: date) -> tuple[int, int]:
    """The year and quarter (1–4) ``day`` falls in."""
    return day.year, (day.month - 1) // 3 + 1


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months: from the first day of the month eleven
    months ago to today."""
    month = today.month - 11
    year = today.year + (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1), today


def _choices_set(form: forms.Form, name: str, choices: list[Any]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)  # declared so below
    field.choices = choices


@dataclass(frozen=True, kw_only=True, slots=True)
class Preset:
    """A period offered as a link: a quarter, the last twelve months."""

    label: str
    date_from: date
    date_to: date


def period_presets(today: date) -> list[Preset]:
    """The last twelve months and the current and four past quarters."""
    start, end = default_period(today)
    presets = [Preset(label=str(_("Last 12 months")), date_from=start, date_to=end)]
    year, quarter = quarter_of(today)
    for _step in range(5):
        first, last = quarter_bounds(year, quarter)
        label = _("%(quarter)s quarter %(year)d") % {
            "quarter": ROMAN[quarter - 1],
            "year": year,
        }
        presets.append(Preset(label=label, date_from=first, date_to=min(last, today)))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return presets


class StatsFilterForm(forms.Form):
    """Period, category (with everything under it), district and unit."""

    date_from = forms.DateField(label=_("Period start"), widget=iso_date_input())
    date_to = forms.DateField(label=_("Period end"), widget=iso_date_input())
    category = forms.ChoiceField(label=_("Category"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    unit = forms.ChoiceField(label=_("Responsible unit"), required=False)

    def __init__(self, data: QueryDict, *, lookups: Lookups, today: date) -> None:
        data = data.copy()
        start, end = default_period(today)
        for name, value in (("date_from", start), ("date_to", end)):
            if not data.get(name):
                data[name] = value.isoformat()
        super().__init__(data)
        self.lookups = lookups
        _choices_set(
            self,
            "category",
            [("", _("All categories")), *lookups.categories.choices()],
        )
        _choices_set(
            self,
            "district",
            [
                ("", pgettext_lazy("filter", "All districts")),
                *((district.code, district.name) for district in lookups.districts),
            ],
        )
        _choices_set(
            self,
            "unit",
            [
                ("", _("All units")),
                *(
                    (str(unit.public_id), unit.name)
                    for unit in lookups.units
                    if unit.is_active
                ),
            ],
        )

    def clean(self) -> dict[str, Any]:
        """The period runs forwards and spans ten years at most."""
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period is before its start."))
        elif start and end and (end - start).days > PERIOD_DAYS_MAX:
            self.add_error("date_from", _("Choose a period of ten years at most."))
        return cleaned

    def query(self, *, public_only: bool) -> StatsQuery:
        """The summary tables' question; call after ``is_valid()``."""
        data = self.cleaned_data
        category = self.chosen_category_id()
        categories = self.lookups.categories
        district = next(
            (d.pk for d in self.lookups.districts if d.code == data["district"]), None
        )
        unit = next(
            (u.pk for u in self.lookups.units if str(u.public_id) == data["unit"]), None
        )
        return StatsQuery(
            date_from=data["date_from"],
            date_to=data["date_to"],
            category_ids=categories.descendants(category) if category else None,
            district_id=district,
            unit_id=unit,
            public_only=public_only,
        )

    def chosen_category_id(self) -> int | None:
        """The chosen category's id, or ``None`` for all."""
        chosen = self.lookups.categories.by_code(self.cleaned_data.get("category", ""))
        return chosen.pk if chosen is not None else None


class Report858Form(forms.Form):
    """The year and quarter of the КМУ №858 report."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        coerce=int,
        choices=[(n, ROMAN[n - 1]) for n in range(1, 5)],
    )

    def __init__(self, data: QueryDict | None, *, today: date) -> None:
        super().__init__(data)
        years = range(today.year, FIRST_REPORT_YEAR - 1, -1)
        _choices_set(self, "year", [(year, str(year)) for year in years])
        # The report is made after the quarter: the last one ended.
        year, quarter = quarter_of(today)
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        self.fields["year"].initial = year
        self.fields["quarter"].initial = quarter
