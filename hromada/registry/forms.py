"""Forms of the public registry: the extended search and the date of a text."""

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.org import selectors as org_selectors
from hromada.registry.models import ActKind, ActStatus
from hromada.registry.selectors.search import MAX_PAGE, ActCriteria, ActSort
from hromada.ui.forms import DateInputs

EARLIEST_YEAR = 1990


class ActSearchForm(forms.Form):
    """The extended search, a GET form: its address is a permalink."""

    q = forms.CharField(
        label=_("Words"),
        required=False,
        max_length=500,
        help_text=_(
            "Any form of a word finds the others: «бюджету» finds «бюджет». "
            "Put a phrase in quotes; put a minus before a word to leave it out."
        ),
    )
    number = forms.CharField(
        label=pgettext_lazy("act", "Number"), required=False, max_length=64
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    issuer = forms.TypedChoiceField(
        label=pgettext_lazy("act", "Issued by"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    date_from = forms.DateField(
        label=_("Dated from"), required=False, widget=DateInputs
    )
    date_to = forms.DateField(label=_("Dated until"), required=False, widget=DateInputs)
    in_force_on = forms.DateField(
        label=_("In force on"),
        required=False,
        widget=DateInputs,
        help_text=_("Only the acts that were in force on this day."),
    )
    regulatory = forms.BooleanField(label=_("Regulatory acts only"), required=False)
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Best first, or newest")), *ActSort.choices],
    )
    year = forms.IntegerField(
        required=False,
        min_value=EARLIEST_YEAR,
        max_value=2100,
        widget=forms.HiddenInput,
    )
    page = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("kind", [("", _("Any kind")), *ActKind.choices])
        self._choices(
            "status", [("", pgettext_lazy("act", "Any status")), *ActStatus.choices]
        )
        units = org_selectors.org_unit_list_active().values_list("pk", "name")
        self._choices("issuer", [("", _("Any body")), *units])

    def _choices(self, name: str, choices: list[Any]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def clean(self) -> dict[str, Any]:
        """A period that ends before it starts is refused."""
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The period ends before it starts."))
        return data

    def criteria(self) -> ActCriteria:
        """The criteria of a valid form."""
        data = self.cleaned_data
        return ActCriteria(
            words=data.get("q") or "",
            number=data.get("number") or "",
            kind=ActKind(data["kind"]) if data.get("kind") else None,
            issuer_id=data.get("issuer"),
            status=ActStatus(data["status"]) if data.get("status") else None,
            year=data.get("year"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            in_force_on=data.get("in_force_on"),
            is_regulatory=bool(data.get("regulatory")),
            sort=data.get("sort") or "",
            page=data.get("page") or 1,
        )


class TextOnDateForm(forms.Form):
    """ "Show the text in force on": one date, a GET form on the act's page."""

    on = forms.DateField(label=_("Show the text in force on"), widget=DateInputs)

    def clean_on(self) -> date:
        """A day before any act could exist is refused."""
        on: date = self.cleaned_data["on"]
        if on.year < EARLIEST_YEAR:
            raise forms.ValidationError(
                _("Enter a date from %(year)d on.") % {"year": EARLIEST_YEAR}
            )
        return on
