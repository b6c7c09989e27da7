"""One item of a card's lists: an act, a document, a refusal ground, a
stage of the technological card. The fields are named as in the services'
data, so a refusal lands on its field."""

from collections.abc import Callable
from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.cnap.models import (
    DocumentForm,
    LegalBasisLevel,
    StageRole,
    TermUnit,
)
from hromada.cnap.services.items import (
    DocumentData,
    Item,
    ItemData,
    LegalBasisData,
    RefusalData,
    StageData,
)
from hromada.org import selectors as org_selectors
from hromada.ui.forms import OnceField


class ItemForm(forms.Form):
    """What the item forms share: the once key, and the item's fields named
    as in its data, so the data and the initial values follow from them."""

    # The list's data class, and the fields it shares with the form.
    data_class: ClassVar[Callable[..., ItemData]]
    item_fields: ClassVar[tuple[str, ...]] = ()
    once = OnceField()

    def item_data(self) -> ItemData:
        """The item as the services take it."""
        return self.data_class(
            **{name: self.cleaned_data[name] for name in self.item_fields}
        )

    @classmethod
    def initial_for(cls, item: Item) -> dict[str, Any]:
        """The form's initial values from an item."""
        return {name: getattr(item, name) for name in cls.item_fields}


class LegalBasisForm(ItemForm):
    """An act the service rests on (sections 4–7 of the card)."""

    data_class = LegalBasisData
    item_fields = ("level", "title", "url")
    level = forms.ChoiceField(
        label=pgettext_lazy("legal basis", "Level"),
        choices=LegalBasisLevel.choices,
        initial=LegalBasisLevel.LAW,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Act"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Its kind, date, number and title, as the card lists it."),
    )
    url = forms.URLField(
        label=_("Link to the text"),
        required=False,
        assume_scheme="https",
        max_length=200,
    )


class RequiredDocumentForm(ItemForm):
    """A document of the exhaustive list (section 9)."""

    data_class = DocumentData
    item_fields = (
        "title",
        "form",
        "copies",
        "requirements",
        "obtainable_from_registry",
    )
    title = forms.CharField(
        label=_("Document"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    form = forms.ChoiceField(
        label=pgettext_lazy("document", "Brought as"),
        choices=DocumentForm.choices,
        initial=DocumentForm.ORIGINAL,
        widget=forms.RadioSelect,
    )
    copies = forms.IntegerField(
        label=_("Copies"),
        min_value=1,
        max_value=100,
        initial=1,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
        ),
    )
    requirements = forms.CharField(
        label=_("Requirements"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    obtainable_from_registry = forms.BooleanField(
        label=_("The centre obtains it from a register"),
        required=False,
        help_text=_(
            "The applicant need not bring it: the administrator gets it from "
            "a state register (Law 5203-VI art. 9 ч. 4)."
        ),
    )


class RefusalGroundForm(ItemForm):
    """A ground of the exhaustive list of refusal grounds (section 13)."""

    data_class = RefusalData
    item_fields = ("text",)
    text = forms.CharField(
        label=_("Ground for refusal"), widget=forms.Textarea(attrs={"rows": 3})
    )


class StageForm(ItemForm):
    """A stage of the technological card (CNAP-02, CNAP-03)."""

    data_class = StageData
    item_fields = ("action", "responsible", "unit", "role", "term_value", "term_unit")
    action = forms.CharField(
        label=_("Stage (action)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    responsible = forms.CharField(label=_("Responsible official"), max_length=300)
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=org_selectors.org_unit_list_active(),
        required=False,
    )
    role = forms.ChoiceField(
        label=pgettext_lazy("stage", "Action"),
        choices=StageRole.choices,
        initial=StageRole.PERFORMS,
        widget=forms.RadioSelect,
    )
    term_value = forms.IntegerField(
        label=pgettext_lazy("stage", "Term"),
        required=False,
        min_value=1,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}
        ),
    )
    term_unit = forms.ChoiceField(
        label=_("Term counted in"),
        choices=TermUnit.choices,
        initial=TermUnit.WORKING_DAYS,
    )
