"""The cabinet's form for issuing an Open311 key."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hromada.ui.forms import OnceField


class Open311ClientForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_(
            "The application that will use the key and who runs it, "
            "e.g. «FixMyStreet of the city's residents' union»."
        ),
    )
    allowed_origins = forms.CharField(
        label=_("Web origins allowed to send requests"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text=_(
            "Only for an application that sends requests from web pages: one "
            "origin a line, such as https://example.org. Leave it empty for an "
            "application that sends them from its server."
        ),
    )
    once = OnceField()

    def origins(self) -> list[str]:
        """The origins as typed, one a line."""
        return self.cleaned_data["allowed_origins"].splitlines()
