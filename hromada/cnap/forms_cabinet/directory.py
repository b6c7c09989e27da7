"""The centres, providers and life situations as the keepers enter them."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.cnap.models import (
    CentreKind,
    LifeSituation,
    ServiceCentre,
    ServiceProvider,
)
from hromada.cnap.services.directory import CentreData, ProviderData
from hromada.org import selectors as org_selectors
from hromada.ui.forms import OnceField

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


_NUMBER = forms.TextInput(
    attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}
)


def _org_unit(label: "StrOrPromise") -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label, queryset=org_selectors.org_unit_list_active(), required=False
    )


def _order() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Order"),
        min_value=0,
        initial=0,
        help_text=_("Lower numbers come first."),
        widget=_NUMBER,
    )


class CentreForm(forms.Form):
    """A centre, a remote workplace or a mobile office (CNAP-06, CNAP-07)."""

    once = OnceField()
    name = forms.CharField(label=_("Name"), max_length=300)
    kind = forms.ChoiceField(
        label=pgettext_lazy("centre", "Kind"),
        choices=CentreKind.choices,
        initial=CentreKind.MAIN,
        widget=forms.RadioSelect,
    )
    address = forms.CharField(label=_("Address"), max_length=300)
    opening_hours = forms.CharField(
        label=_("Opening hours"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "At least five days a week, seven hours a day, no lunch break, "
            "and one day until 20:00 (Cabinet of Ministers resolution №118)."
        ),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    accessibility_notes = forms.CharField(
        label=_("Accessibility"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Step-free entrance, parking, hearing loop and the like."),
    )
    org_unit = _org_unit(_("Unit of the council"))
    sort_order = _order()
    is_active = forms.BooleanField(
        label=_("Receives applicants"), required=False, initial=True
    )

    def centre_data(self) -> CentreData:
        """The centre as the services take it."""
        data = self.cleaned_data
        return CentreData(
            name=data["name"],
            kind=data["kind"],
            address=data["address"],
            opening_hours=data["opening_hours"],
            org_unit=data["org_unit"],
            phone=data["phone"] or "",
            email=data["email"] or "",
            website=data["website"] or "",
            accessibility_notes=data["accessibility_notes"] or "",
            sort_order=data["sort_order"],
            is_active=bool(data["is_active"]),
        )

    @classmethod
    def initial_for(cls, centre: ServiceCentre) -> dict[str, Any]:
        """The form's initial values from a centre."""
        names = [name for name in cls.base_fields if name not in ("org_unit", "once")]
        initial = {name: getattr(centre, name) for name in names}
        initial["org_unit"] = centre.org_unit_id
        return initial


class ProviderForm(forms.Form):
    """A body that decides on applications."""

    name = forms.CharField(label=_("Name"), max_length=300)
    org_unit = _org_unit(_("Unit of the council"))
    edrpou = forms.CharField(
        label=_("ЄДРПОУ code"),
        required=False,
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-10"}
        ),
    )
    is_permit_authority = forms.BooleanField(
        label=_("Permit authority"),
        required=False,
        help_text=_("Issues permit documents for business."),
    )

    def provider_data(self) -> ProviderData:
        """The provider as the services take it."""
        data = self.cleaned_data
        return ProviderData(
            name=data["name"],
            org_unit=data["org_unit"],
            edrpou=data["edrpou"] or "",
            is_permit_authority=bool(data["is_permit_authority"]),
        )

    @classmethod
    def initial_for(cls, provider: ServiceProvider) -> dict[str, Any]:
        """The form's initial values from a provider."""
        return {
            "name": provider.name,
            "org_unit": provider.org_unit_id,
            "edrpou": provider.edrpou,
            "is_permit_authority": provider.is_permit_authority,
        }


class LifeSituationForm(forms.Form):
    """A life event the catalogue groups services by."""

    name = forms.CharField(label=_("Name"), max_length=200)
    sort_order = _order()

    @classmethod
    def initial_for(cls, situation: LifeSituation) -> dict[str, Any]:
        """The form's initial values from a life situation."""
        return {"name": situation.name, "sort_order": situation.sort_order}
