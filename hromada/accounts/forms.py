"""Forms of the citizen's own cabinet."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from hromada.accounts.models import PrivilegedCategory

PHONE_RE = re.compile(r"^\+380\d{9}$")


class CitizenProfileForm(forms.Form):
    last_name = forms.CharField(label=_("Surname"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    patronymic = forms.CharField(
        label=_("Patronymic"),
        max_length=150,
        required=False,
        help_text=_("Leave empty if you have none."),
    )
    address = forms.CharField(
        label=_("Postal address"),
        max_length=300,
        required=False,
        help_text=_("Where answers on paper should be sent."),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=20,
        required=False,
        help_text=_("For example, +380501234567."),
    )
    privileged_category = forms.ChoiceField(
        label=_("Privileged category"),
        choices=PrivilegedCategory.choices,
        required=False,
        help_text=_("Some categories of citizens have their appeals considered first."),
    )

    def clean_phone(self) -> str:
        phone = re.sub(r"[\s()\-]", "", self.cleaned_data["phone"])
        if not phone:
            return ""
        if phone.startswith("0") and len(phone) == 10:
            phone = "+38" + phone
        elif phone.startswith("380"):
            phone = "+" + phone
        if not PHONE_RE.match(phone):
            raise forms.ValidationError(
                _("Enter a Ukrainian phone number, for example +380501234567.")
            )
        return phone
