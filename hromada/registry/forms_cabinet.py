"""Forms of the registry's keepers: an act's card, relations, editions,
status, a regulatory act's documents, and a bulk import."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit
from hromada.registry.models import (
    ActAccess,
    ActKind,
    ActStatus,
    LegalAct,
    RegulatoryDocumentKind,
    RelationKind,
)
from hromada.registry.services.acts import ActData
from hromada.registry.services.regulatory import RegulatoryDocumentData
from hromada.ui.forms import DateInputs, OnceField


class ActForm(forms.Form):
    """An act's registration card, with the scan of the signed original."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ActKind.choices)
    number = forms.CharField(label=pgettext_lazy("act", "Number"), max_length=64)
    adopted_on = forms.DateField(label=_("Date of the act"), widget=DateInputs)
    issuer = forms.ModelChoiceField(
        label=pgettext_lazy("act", "Issued by"),
        queryset=OrgUnit.objects.none(),
        empty_label=None,
    )
    title = forms.CharField(
        label=_("Title"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    text = forms.CharField(
        label=_("Text as adopted"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Private persons' names, addresses and tax numbers must be removed "
            "from a public act's text; officials' names stay."
        ),
    )
    is_draft = forms.BooleanField(label=_("This is a draft"), required=False)
    effective_from = forms.DateField(
        label=_("In force from"),
        required=False,
        widget=DateInputs,
        help_text=_("Leave empty if the act is in force from its date."),
    )
    published_on = forms.DateField(
        label=_("Published on"), required=False, widget=DateInputs
    )
    is_normative = forms.BooleanField(label=_("Normative act"), required=False)
    is_regulatory = forms.BooleanField(label=_("Regulatory act"), required=False)
    access = forms.ChoiceField(
        label=_("Access"), choices=ActAccess.choices, initial=ActAccess.PUBLIC
    )
    scan = forms.FileField(
        label=_("Scan of the signed original (PDF)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    once = OnceField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        issuer = self.fields["issuer"]
        assert isinstance(issuer, forms.ModelChoiceField)
        issuer.queryset = org_selectors.org_unit_list_active()

    def act_data(self) -> ActData:
        """The card as the services take it."""
        data = self.cleaned_data
        return ActData(
            kind=ActKind(data["kind"]),
            number=data["number"],
            adopted_on=data["adopted_on"],
            issuer=data["issuer"],
            title=data["title"],
            text=data.get("text") or "",
            access=ActAccess(data["access"]),
            is_normative=bool(data.get("is_normative")),
            is_regulatory=bool(data.get("is_regulatory")),
            is_draft=bool(data.get("is_draft")),
            published_on=data.get("published_on"),
            effective_from=data.get("effective_from"),
        )

    @classmethod
    def initial_for(cls, act: LegalAct) -> dict[str, Any]:
        """The form's initial values from an act's card."""
        return {
            "kind": act.kind,
            "number": act.number,
            "adopted_on": act.adopted_on,
            "issuer": act.issuer_id,
            "title": act.title,
            "text": act.text,
            "is_draft": act.status == ActStatus.DRAFT,
            "effective_from": act.effective_from,
            "published_on": act.published_on,
            "is_normative": act.is_normative,
            "is_regulatory": act.is_regulatory,
            "access": act.access,
        }


class RelationForm(forms.Form):
    """«This act amends (repeals, …) that one», the other act by address."""

    kind = forms.ChoiceField(label=_("This act"), choices=RelationKind.choices)
    target = forms.CharField(
        label=_("The other act"),
        max_length=300,
        help_text=_(
            "Its permanent link or address, e.g. "
            "rishennia-rady-12-2025-03-14, or its number if only one act has it."
        ),
    )
    effective_on = forms.DateField(
        label=_("Takes effect on"),
        required=False,
        widget=DateInputs,
        help_text=_("Leave empty for the day this act comes into force."),
    )
    text = forms.CharField(
        label=_("The other act's new text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "For «amends»: the consolidated text from that day, which becomes "
            "a new edition of the other act."
        ),
    )
    once = OnceField()


class EditionForm(forms.Form):
    """A consolidated text of the act from a day."""

    valid_from = forms.DateField(label=_("Valid from"), widget=DateInputs)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 14}))
    note = forms.CharField(label=_("Note"), required=False, max_length=500)
    once = OnceField()


class StatusForm(forms.Form):
    """A change of status by hand, with the day it takes effect."""

    status = forms.ChoiceField(label=_("New status"))
    on = forms.DateField(
        label=pgettext_lazy("effective date", "From"),
        required=False,
        widget=DateInputs,
        help_text=_("Leave empty for today, or for the act's date when adopting."),
    )

    def __init__(
        self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        status.choices = choices


class RegulatoryDocumentForm(forms.Form):
    """A regulatory act's impact analysis or effectiveness report (PDF)."""

    kind = forms.ChoiceField(
        label=_("Document"),
        choices=RegulatoryDocumentKind.choices,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("As on the document, e.g. «Звіт про базове відстеження …»."),
    )
    prepared_on = forms.DateField(
        label=_("Prepared on"),
        widget=DateInputs,
        help_text=_("The day the document was completed and signed."),
    )
    published_on = forms.DateField(
        label=_("Published on"),
        required=False,
        widget=DateInputs,
        help_text=_("Leave empty if it has not been published yet."),
    )
    file = forms.FileField(
        label=_("The document (PDF)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    once = OnceField()

    def document_data(self) -> RegulatoryDocumentData:
        """The document as the service takes it."""
        data = self.cleaned_data
        return RegulatoryDocumentData(
            kind=RegulatoryDocumentKind(data["kind"]),
            title=data["title"],
            prepared_on=data["prepared_on"],
            published_on=data.get("published_on"),
        )


class ImportForm(forms.Form):
    """A bulk import: the metadata table and the archive of scans."""

    metadata = forms.FileField(
        label=_("Table of the acts (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        help_text=_(
            "The first row names the columns: вид, номер, дата, орган, назва "
            "(required), and текст, файл, статус, чинний з, оприлюднено, доступ, "
            "нормативний, регуляторний. Dates as 14.03.2025."
        ),
    )
    archive = forms.FileField(
        label=_("Archive of scans (ZIP of PDF files)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".zip"}),
        help_text=_("The column «файл» names each act's PDF in the archive."),
    )
    once = OnceField()
