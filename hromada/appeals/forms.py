"""Forms of the public appeal: what and where first, then the details.

The first step (category and place) is a GET form, so that the second can
show the open appeals nearby before anything is written (FixMyStreet's
order: pin, category, "already reported?", details). Both work without
JavaScript; the map only helps to place the pin.
"""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.appeals.models import (
    DESCRIPTION_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    AppealKind,
    AppealStatus,
    AuthorCategory,
    AuthorGender,
    Category,
    CategoryQuestion,
    QuestionKind,
    SocialStatus,
)
from hromada.appeals.selectors import categories as category_selectors
from hromada.appeals.selectors.public import PublicFilters
from hromada.appeals.services.attachments import FILES_MAX
from hromada.appeals.services.filing_input import CO_SIGNERS_MAX, ApplicantInput
from hromada.gis import selectors as gis_selectors
from hromada.gis.forms import LocationField
from hromada.gis.models import District
from hromada.ui.forms import DateInputs, OnceField

KIND_HINTS = {
    AppealKind.PROPOSAL: _("An idea how the city could work better."),
    AppealKind.STATEMENT: _("A request to fix something or to exercise a right."),
    AppealKind.COMPLAINT: _("Your rights were violated by a decision or an official."),
}


def category_field_choices() -> list[tuple[str, Any]]:
    """The category select: leaves grouped under their parents' names."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for choice in category_selectors.category_choices():
        groups.setdefault(choice.group, []).append(
            (choice.category.code, choice.category.name)
        )
    options: list[tuple[str, Any]] = [("", _("Choose a category"))]
    for group, items in groups.items():
        if group:
            options.append((group, items))
        else:
            options.extend(items)
    return options


class AppealStartForm(forms.Form):
    """Step one: what the matter is about and where it is."""

    # Checked by ``clean`` against the active tree (one query); the list of
    # options is built only when the form is drawn, not when it is sent
    # (Django takes a callable for choices; the type stubs do not say so).
    category = forms.CharField(
        label=_("What is the matter about?"),
        widget=forms.Select(choices=category_field_choices),  # type: ignore[arg-type]
        error_messages={"required": _("Choose a category.")},
    )
    location = LocationField(
        label=_("Where is it?"),
        required=False,
        help_text=_(
            "Type the street and the building, for example «Садова 14», or "
            "put the pin on the map."
        ),
    )

    def clean(self) -> dict[str, Any]:
        """The chosen category as an object; its place when it needs one."""
        data = super().clean() or {}
        code = data.get("category")
        category = category_selectors.category_get(code=code) if code else None
        if code and category is None:
            self.add_error("category", _("Choose a category."))
        data["category_object"] = category
        if (
            category is not None
            and category.needs_location
            and not data.get("location")
            and "location" not in self.errors
        ):
            self.add_error(
                "location", _("Show the place on the map or give its address.")
            )
        return data


def question_field(question: CategoryQuestion) -> forms.Field:
    options = [
        (str(choice.get("key")), str(choice.get("name")))
        for choice in question.choices or []
    ]
    common: dict[str, Any] = {
        "label": question.label,
        "required": question.required,
        "help_text": question.help_text,
        "error_messages": {"required": _("Answer this question.")},
    }
    if question.kind == QuestionKind.SINGLE:
        return forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
    if question.kind == QuestionKind.MULTI:
        return forms.MultipleChoiceField(
            choices=options, widget=forms.CheckboxSelectMultiple, **common
        )
    if question.kind == QuestionKind.TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)
    attrs = {"inputmode": "decimal"} if question.kind == QuestionKind.NUMBER else {}
    return forms.CharField(widget=forms.TextInput(attrs=attrs), **common)


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that takes several files at once."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files; the service checks their kinds and sizes."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        """Each file cleaned as a FileField would, in a list."""
        if isinstance(data, list | tuple):
            return [
                super(MultipleFileField, self).clean(item, initial) for item in data
            ]
        return [super().clean(data, initial)] if data else []


class AppealDetailsForm(forms.Form):
    """Step two: the appeal itself and who files it (ст. 5 of the Law)."""

    once = OnceField()
    category = forms.CharField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=_("Kind of appeal"),
        choices=AppealKind.choices,
        widget=forms.RadioSelect,
        initial=AppealKind.STATEMENT,
        error_messages={"required": _("Choose the kind of appeal.")},
    )
    title = forms.CharField(
        label=_("In short, what is wrong?"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_("For example: «The street light at Садова 14 does not work»."),
        error_messages={"required": _("Fill in this field.")},
    )
    description = forms.CharField(
        label=_("Describe the matter"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happened, since when, what you ask the council to do."),
        error_messages={"required": _("Fill in this field.")},
    )
    attachments = MultipleFileField(
        label=_("Photos or documents"),
        required=False,
        help_text=_(
            "Up to %(count)d files: JPEG or PNG photos, PDF documents, "
            "10 MB each at most."
        )
        % {"count": FILES_MAX},
    )
    is_public = forms.TypedChoiceField(
        label=_("Who may see the appeal?"),
        choices=[
            (
                "true",
                _("Public: anyone sees the matter and the answer, not who you are"),
            ),
            ("false", _("Confidential: only you and the officials who handle it")),
        ],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
        initial="true",
    )
    family_name = forms.CharField(label=_("Surname"), max_length=150)
    given_name = forms.CharField(label=_("First name"), max_length=150)
    patronymic = forms.CharField(label=_("Patronymic"), max_length=150, required=False)
    postal_address = forms.CharField(
        label=_("Place of residence"),
        max_length=300,
        help_text=_(
            "The law asks every appeal for it (art. 5); it is never published."
        ),
    )
    email = forms.EmailField(
        label=_("E-mail for the answer"),
        help_text=_("We send the registration number and the answer here."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    gender = forms.ChoiceField(
        label=_("Gender (for the statistics of appeals)"),
        choices=AuthorGender.choices,
        required=False,
    )
    social_status = forms.ChoiceField(
        label=_("Social status (for the statistics of appeals)"),
        choices=SocialStatus.choices,
        required=False,
    )
    author_categories = forms.ModelMultipleChoiceField(
        label=_("Do you belong to one of these categories?"),
        queryset=AuthorCategory.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "The law puts some of them first in line (art. 20). The council "
            "may ask for proof."
        ),
    )
    is_collective = forms.BooleanField(
        label=_("This is a collective appeal, signed by several people"),
        required=False,
    )
    co_signers = forms.CharField(
        label=_("Co-signers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One person per line: surname, first name, patronymic, place of "
            "residence, separated by commas."
        ),
    )

    def __init__(
        self, *args: Any, category: Category, today: date | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.chosen_category = category
        on = today or timezone.localdate()
        field = self.fields["author_categories"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = AuthorCategory.objects.filter(valid_from__lte=on).exclude(
            valid_to__lt=on
        )
        self.question_names = []
        for question in category.questions.all():
            name = f"answer_{question.code}"
            self.fields[name] = question_field(question)
            self.question_names.append(name)

    def answers(self) -> dict[str, object]:
        """The answers to the category's questions, by question code."""
        return {
            name.removeprefix("answer_"): self.cleaned_data.get(name)
            for name in self.question_names
        }

    def co_signer_inputs(self) -> list[ApplicantInput]:
        """The co-signers' lines as applicants; a bad line is a form error."""
        signers = []
        for line in self.cleaned_data.get("co_signers", "").splitlines():
            parts = [part.strip() for part in line.split(",")]
            if not any(parts):
                continue
            if len(parts) < 2 or not parts[0] or not parts[1]:
                self.add_error(
                    "co_signers", _("Write each co-signer as «Surname, First name, …».")
                )
                return []
            signers.append(
                ApplicantInput(
                    family_name=parts[0],
                    given_name=parts[1],
                    patronymic=parts[2] if len(parts) > 2 else "",
                    postal_address=", ".join(parts[3:]),
                )
            )
        if len(signers) > CO_SIGNERS_MAX:
            self.add_error(
                "co_signers",
                _("An appeal takes at most %(count)d co-signers here.")
                % {"count": CO_SIGNERS_MAX},
            )
        return signers


STATUS_GROUPS = {
    "open": (AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS),
    "answered": (AppealStatus.ANSWERED, AppealStatus.CLOSED),
    "forwarded": (AppealStatus.FORWARDED,),
    "not_considered": (AppealStatus.NOT_CONSIDERED,),
}


class PublicFilterForm(forms.Form):
    """The public list's and map's filters, a GET form."""

    category = forms.ChoiceField(label=_("Category"), required=False)
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("All districts"),
        to_field_name="code",
    )
    status = forms.ChoiceField(
        label=pgettext_lazy("appeal", "Status"),
        required=False,
        choices=[
            ("", _("Any status")),
            ("open", _("Being handled")),
            ("answered", _("Answered")),
            ("forwarded", _("Forwarded to the competent body")),
            ("not_considered", _("Not considered")),
        ],
    )
    start = forms.DateField(
        label=_("Registered from"), required=False, widget=DateInputs
    )
    end = forms.DateField(
        label=_("Registered until"), required=False, widget=DateInputs
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        category = self.fields["category"]
        assert isinstance(category, forms.ChoiceField)
        groups = [(c.code, c.name) for c in category_selectors.category_list_active()]
        category.choices = [("", _("All categories")), *groups]
        district = self.fields["district"]
        assert isinstance(district, forms.ModelChoiceField)
        district.queryset = gis_selectors.district_list()

    def clean(self) -> dict[str, Any]:
        """A period that ends before it starts is refused."""
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period ends before it starts."))
        return data

    def filters(self) -> PublicFilters:
        """The cleaned values as selector filters (all when invalid)."""
        if not self.is_valid():
            return PublicFilters()
        data = self.cleaned_data
        code = data.get("category")
        category = category_selectors.category_get(code=code) if code else None
        district = data.get("district")
        return PublicFilters(
            category_ids=frozenset(category_selectors.category_subtree_ids(category))
            if category
            else frozenset(),
            district_id=district.pk if district else None,
            statuses=frozenset(STATUS_GROUPS.get(data.get("status") or "", ())),
            start=data.get("start"),
            end=data.get("end"),
        )
