"""Forms of the public registry of services: the catalogue's filter."""

from collections.abc import Iterable
from typing import Any, Final

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.cnap.models import LifeSituation, ServiceProvider
from hromada.cnap.selectors import CatalogueFilter

# The fee choice's values and what each asks of ``CatalogueFilter.is_paid``.
_FEES: Final[dict[str, bool | None]] = {"": None, "free": False, "paid": True}
WORDS_MAX_LENGTH: Final = 200


class CatalogueForm(forms.Form):
    """The catalogue's filter, a GET form: its address is a permalink.

    The life situations and providers offered are the ones of public
    cards; a value not among them (an old link, a typed address) is a form
    error, never a silent "everything".
    """

    q = forms.CharField(
        label=_("Words"),
        required=False,
        max_length=WORDS_MAX_LENGTH,
        help_text=_("Any form of a word finds the others: «атестата» finds «атестат»."),
    )
    situation = forms.ChoiceField(
        label=_("Life situation"),
        required=False,
        error_messages={
            "invalid_choice": _("Choose a life situation from the list."),
        },
    )
    provider = forms.ChoiceField(
        label=pgettext_lazy("service", "Provider"),
        required=False,
        error_messages={"invalid_choice": _("Choose a provider from the list.")},
    )
    fee = forms.ChoiceField(
        label=pgettext_lazy("service", "Fee"),
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("Choose whether the service is free or paid."),
        },
        choices=[
            ("", pgettext_lazy("fee", "Any")),
            ("free", _("Free of charge")),
            ("paid", pgettext_lazy("fee", "Paid")),
        ],
    )

    def __init__(
        self,
        *args: Any,
        situations: Iterable[LifeSituation],
        providers: Iterable[ServiceProvider],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        situation_choices = [(s.slug, s.name) for s in situations]
        provider_choices = [(str(p.public_id), p.name) for p in providers]
        self._choices("situation", _("Any life situation"), situation_choices)
        self._choices("provider", _("Any provider"), provider_choices)

    def _choices(self, name: str, anything: object, choices: list[Any]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", anything), *choices]

    def criteria(self) -> CatalogueFilter | None:
        """What the visitor asked for: everything for an empty form,
        ``None`` for a form with errors."""
        if not self.is_bound:
            return CatalogueFilter()
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return CatalogueFilter(
            words=data["q"],
            situation=data["situation"],
            provider=data["provider"],
            is_paid=_FEES[data["fee"]],
        )
