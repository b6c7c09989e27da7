"""The information card as the keepers fill it in, and the list's filter."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.cnap import selectors
from hromada.cnap.models import (
    AdministrativeService,
    ServiceStatus,
    TermUnit,
)
from hromada.cnap.services.cards import ServiceData
from hromada.ui.forms import OnceField

_TEXT_FIELDS = (
    "summary",
    "national_registry_code",
    "grounds",
    "submission_methods",
    "fee_legal_basis",
    "fee_description",
    "payment_recipient",
    "payment_edrpou",
    "payment_iban",
    "payment_purpose",
    "term_legal_basis",
    "result",
    "result_delivery",
    "notes",
    "approved_by",
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _text(label: "StrOrPromise", rows: int = 3, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


class ServiceForm(forms.Form):
    """The information card's own fields (DOMAIN.md §2.4); the lists under
    it are kept on the card's page."""

    name = forms.CharField(
        label=_("Name of the service"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=300,
        help_text=_("One sentence for the catalogue: who needs it and why."),
    )
    national_registry_code = forms.CharField(
        label=_("Code in the Register of administrative services"),
        required=False,
        max_length=20,
        help_text=_("Law 5203-VI art. 16; leave empty if the service has none."),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    provider = forms.ModelChoiceField(
        label=_("Provider"),
        queryset=selectors.provider_list(),
        help_text=_("The body that decides on the application."),
    )
    centres = forms.ModelMultipleChoiceField(
        label=_("Where to apply"),
        queryset=selectors.centre_list(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    life_situations = forms.ModelMultipleChoiceField(
        label=_("Life situations"),
        queryset=selectors.life_situation_list_all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    grounds = _text(_("Grounds for receiving the service"))
    submission_methods = _text(_("How to apply"))
    is_paid = forms.BooleanField(label=_("The service is paid"), required=False)
    fee_legal_basis = _text(_("Legal basis of the fee"), rows=2)
    fee_amount = forms.DecimalField(
        label=_("Fee, UAH"),
        required=False,
        max_digits=10,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}
        ),
    )
    fee_description = _text(
        _("Amount and procedure of payment"),
        help_text=_("When the fee depends on the case: how it is calculated."),
    )
    payment_recipient = forms.CharField(
        label=_("Recipient"), required=False, max_length=300
    )
    payment_edrpou = forms.CharField(
        label=_("Recipient's ЄДРПОУ code"),
        required=False,
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-10"}
        ),
    )
    payment_iban = forms.CharField(
        label=_("Account (IBAN)"),
        required=False,
        max_length=40,
        help_text=_("UA and 27 digits; spaces are allowed."),
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    payment_purpose = forms.CharField(
        label=_("Purpose of payment"), required=False, max_length=300
    )
    term_value = forms.IntegerField(
        label=pgettext_lazy("service", "Term"),
        required=False,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}
        ),
    )
    term_unit = forms.ChoiceField(
        label=_("Term counted in"),
        choices=TermUnit.choices,
        initial=TermUnit.CALENDAR_DAYS,
    )
    term_legal_basis = _text(
        _("Law that sets a longer term"),
        rows=2,
        help_text=_(
            "Required when the term is over 30 calendar days (Law 5203-VI art. 10)."
        ),
    )
    result = _text(_("Result of the service"))
    result_delivery = _text(_("How to receive the result"))
    notes = _text(_("Note"))
    is_permit = forms.BooleanField(
        label=_("Permit document for business"), required=False
    )
    approved_by = forms.CharField(
        label=_("Card approved by"),
        required=False,
        max_length=300,
        help_text=_("The act that approved the card, e.g. «наказ №12 від 03.02.2026»."),
    )
    once = OnceField()

    def service_data(self) -> ServiceData:
        """The card as the services take it."""
        data = self.cleaned_data
        return ServiceData(
            name=data["name"],
            provider=data["provider"],
            centres=tuple(data["centres"]),
            life_situations=tuple(data["life_situations"]),
            is_paid=bool(data["is_paid"]),
            fee_amount=data["fee_amount"],
            term_value=data["term_value"],
            term_unit=data["term_unit"],
            is_permit=bool(data["is_permit"]),
            **{name: data[name] or "" for name in _TEXT_FIELDS},
        )

    @classmethod
    def initial_for(cls, service: AdministrativeService) -> dict[str, Any]:
        """The form's initial values from a card (its lists prefetched)."""
        initial: dict[str, Any] = {
            name: getattr(service, name) for name in _TEXT_FIELDS
        }
        initial.update(
            name=service.name,
            provider=service.provider_id,
            centres=[centre.pk for centre in service.centres.all()],
            life_situations=[s.pk for s in service.life_situations.all()],
            is_paid=service.is_paid,
            fee_amount=service.fee_amount,
            term_value=service.term_value,
            term_unit=service.term_unit,
            is_permit=service.is_permit,
        )
        return initial


class ServiceFilterForm(forms.Form):
    """Narrows the keepers' list of cards to one status."""

    status = forms.ChoiceField(
        label=pgettext_lazy("service", "Status"),
        required=False,
        choices=[("", _("Any status")), *ServiceStatus.choices],
    )

    def chosen_status(self) -> str:
        """The status asked for; empty for every card."""
        if not self.is_valid():
            return ""
        return str(self.cleaned_data["status"] or "")
