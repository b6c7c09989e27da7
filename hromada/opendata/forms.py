"""The catalogue's search form: words, publisher, keyword and format."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hromada.opendata import selectors, solr
from hromada.opendata.models import ResourceFormat


class CatalogueFilterForm(forms.Form):
    """What the public catalogue page searches for; every field optional."""

    q = forms.CharField(
        label=_("Search the datasets"),
        required=False,
        max_length=200,
        help_text=_("Words from the title, description, keywords or publisher."),
    )
    publisher = forms.ChoiceField(label=_("Publisher"), required=False)
    keyword = forms.ChoiceField(label=_("Keyword"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)

    def __init__(
        self,
        data: Any = None,
        *,
        publishers: list[selectors.Publisher],
        keywords: list[str],
    ) -> None:
        super().__init__(data)
        self._choices("publisher", [(p.name, p.unit.name) for p in publishers])
        self._choices("keyword", [(k, k) for k in keywords])
        self._choices("format", list(ResourceFormat.choices))

    def _choices(self, name: str, options: list[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)  # declared so above
        field.choices = [("", _("Any")), *options]

    def search(self) -> selectors.DatasetSearch:
        """The search the valid form asks for, by title."""
        data = self.cleaned_data if self.is_valid() else {}
        terms = [
            solr.Term(field, (data[name],))
            for name, field in (
                ("publisher", "organization"),
                ("keyword", "tags"),
                ("format", "res_format"),
            )
            if data.get(name)
        ]
        return selectors.DatasetSearch(
            text=data.get("q", ""),
            clauses=tuple(solr.Clause(term) for term in terms),
            sort=(("title", False),),
        )
