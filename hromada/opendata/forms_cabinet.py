"""The passport form of the catalogue's keepers, in the cabinet and the
Django admin alike; ``services.dataset_passport_update`` saves it."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hromada.core.datasets import UpdateFrequency
from hromada.opendata import services
from hromada.opendata.models import Dataset, DataTheme, Licence


class DatasetPassportForm(forms.ModelForm[Dataset]):
    """The passport fields a keeper maintains (КМУ №835), keywords as text.

    Never call ``save()``: the service writes, checks and audits.
    """

    keywords_text = forms.CharField(
        label=_("Keywords"),
        required=False,
        help_text=_("Separate keywords with commas."),
    )

    class Meta:
        model = Dataset
        fields = services.PASSPORT_FIELDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            names = self.instance.keywords.values_list("name", flat=True)
            self.initial["keywords_text"] = ", ".join(names)

    def passport(self) -> services.PassportInput:
        """The valid form as the service's input."""
        data = self.cleaned_data
        return services.PassportInput(
            title=data["title"],
            description=data["description"],
            legal_basis=data["legal_basis"],
            purpose=data["purpose"],
            frequency=UpdateFrequency(data["frequency"]),
            keywords=tuple(data["keywords_text"].split(",")),
            theme=DataTheme(data["theme"]),
            responsible_person=data["responsible_person"],
            responsible_email=data["responsible_email"],
            publisher=data["publisher"],
            licence=Licence(data["licence"]),
        )
