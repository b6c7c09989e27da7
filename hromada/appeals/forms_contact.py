"""The contact-centre operator's form: an oral appeal written down during
the call (Закон «Про звернення громадян», ст. 5; DOMAIN.md APL-05, APL-16).

The caller's phone comes first: the operator looks up the caller's earlier
appeals and, when the number is known, the name and address they gave last
time; the new appeal may repeat or duplicate one of the earlier ones (КМУ
858 §I.2, DOMAIN.md APL-15). Whether the appeal is public is the caller's
choice (APL-18), so the form offers no default there: the operator must ask.
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hromada.appeals.forms import (
    AppealDetailsForm,
    category_field_choices,
    question_field,
)
from hromada.appeals.models import (
    DESCRIPTION_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Appeal,
    Applicant,
    AuthorCategory,
    Category,
    ReceiptAttribute,
)
from hromada.appeals.selectors import categories as category_selectors
from hromada.appeals.selectors import contact as contact_selectors
from hromada.appeals.services.filing_input import AppealInput, ApplicantInput
from hromada.gis.forms import Location, LocationField
from hromada.ui.forms import OnceField

# What the caller gave last time, filled in when the operator left it empty.
CALLER_FIELDS = ("family_name", "given_name", "patronymic", "email", "postal_address")
APPLICANT_FIELDS = (*CALLER_FIELDS, "phone", "gender")
LINKED = (ReceiptAttribute.REPEAT, ReceiptAttribute.DUPLICATE)
# The same questions as the public form asks, asked the same way (each form
# copies its fields, so sharing the definitions is safe).
PUBLIC_FIELDS = AppealDetailsForm.base_fields


class PhoneField(forms.CharField):
    """A phone number in any usual spelling; cleans to the canonical one
    (``selectors.contact.phone_canonical``)."""

    widget = forms.TextInput(
        attrs={"type": "tel", "autocomplete": "off", "spellcheck": "false"}
    )
    default_error_messages = {
        "incomplete": _(
            "Enter the whole number with its code, for example 067 123 45 67 "
            "or +380 67 123 45 67."
        ),
    }

    def to_python(self, value: Any) -> str:
        """The canonical number; a number that cannot be called back is
        refused."""
        text = str(super().to_python(value))
        if not text:
            return ""
        canonical = contact_selectors.phone_canonical(text)
        if not contact_selectors.phone_is_complete(canonical):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        return canonical


class ContactCallForm(forms.Form):
    """An oral appeal taken by phone; see the module's docstring."""

    once = OnceField()
    phone = PhoneField(
        label=_("Caller's phone"),
        max_length=32,
        help_text=_("In any spelling: 067 123 45 67, +380 67 123 45 67."),
        error_messages={"required": _("Enter the caller's phone number.")},
    )
    family_name = PUBLIC_FIELDS["family_name"]
    given_name = PUBLIC_FIELDS["given_name"]
    patronymic = PUBLIC_FIELDS["patronymic"]
    email = forms.EmailField(
        label=_("E-mail for the answer"),
        required=False,
        help_text=_("The number and the answer are sent there when given."),
    )
    postal_address = forms.CharField(
        label=_("Postal address"),
        max_length=300,
        required=False,
        help_text=_("For an answer by post; it is never published."),
    )
    category = forms.ChoiceField(
        label=_("Category"),
        error_messages={"required": _("Choose a category.")},
    )
    location = LocationField(
        label=_("Place"),
        required=False,
        help_text=_("The street and the building the caller names."),
    )
    title = forms.CharField(
        label=_("In short, what is wrong?"),
        max_length=TITLE_MAX_LENGTH,
        error_messages={"required": _("Fill in this field.")},
    )
    description = forms.CharField(
        label=_("The matter in the caller's words"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Fill in this field.")},
    )
    kind = PUBLIC_FIELDS["kind"]
    is_public = forms.TypedChoiceField(
        label=_("May the appeal be public?"),
        help_text=_("Ask the caller: the law leaves it to them."),
        choices=[
            ("true", _("Public: anyone sees the matter and the answer, not who")),
            ("false", _("Confidential: only the caller and the officials")),
        ],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Ask the caller whether the appeal may be public.")
        },
    )
    author_categories = forms.ModelMultipleChoiceField(
        label=_("Is the caller in a category the law puts first?"),
        queryset=AuthorCategory.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Their appeal is then handled first (art. 20)."),
    )
    gender = PUBLIC_FIELDS["gender"]
    social_status = PUBLIC_FIELDS["social_status"]
    # Offered when the caller has earlier appeals (КМУ 858 §I.2; APL-15).
    receipt = forms.ChoiceField(
        label=_("Has the caller appealed about this before?"),
        choices=[
            (ReceiptAttribute.PRIMARY, _("No: it is a new matter")),
            (
                ReceiptAttribute.REPEAT,
                _("Yes, again: the answer did not help, or none came in time"),
            ),
            (
                ReceiptAttribute.DUPLICATE,
                _("Yes, the same appeal once more (it was sent elsewhere too)"),
            ),
        ],
        widget=forms.RadioSelect,
        initial=ReceiptAttribute.PRIMARY,
        required=False,
    )
    earlier = forms.ChoiceField(
        label=_("Which earlier appeal?"),
        required=False,
        error_messages={
            "invalid_choice": _("Choose one of the caller's earlier appeals.")
        },
    )

    def __init__(
        self,
        *args: Any,
        today: date | None = None,
        like: "ContactCallForm | None" = None,
        earlier: Sequence[Appeal] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self._choices_set(like)
        self.earlier_appeals = {str(appeal.public_id): appeal for appeal in earlier}
        earlier_field = self.fields["earlier"]
        assert isinstance(earlier_field, forms.ChoiceField)
        earlier_field.choices = [
            ("", _("Choose the earlier appeal")),
            *(
                (key, f"{appeal.number} — {appeal.title[:80]}")
                for key, appeal in self.earlier_appeals.items()
            ),
        ]
        if like is not None:
            self.chosen_category: Category | None = like.chosen_category
        else:
            code = self.data.get("category") if self.is_bound else None
            code = code or self.initial.get("category")
            self.chosen_category = (
                category_selectors.category_get(code=str(code)) if code else None
            )
        self.question_names: list[str] = []
        if self.chosen_category is not None:
            for question in self.chosen_category.questions.all():
                name = f"answer_{question.code}"
                self.fields[name] = question_field(question)
                self.question_names.append(name)

    def _choices_set(self, like: "ContactCallForm | None") -> None:
        category = self.fields["category"]
        assert isinstance(category, forms.ChoiceField)
        if like is not None:
            chosen = like.fields["category"]
            assert isinstance(chosen, forms.ChoiceField)
            category.choices = chosen.choices
        else:
            category.choices = category_field_choices()
        # The similar appeals follow the category as soon as it is chosen.
        category.widget.attrs.update(
            {
                "data-hx-post": reverse("appeals_cabinet:contact_call"),
                "data-hx-trigger": "change",
                "data-hx-target": "#contact-similar",
                "data-hx-swap": "innerHTML",
            }
        )
        authors = self.fields["author_categories"]
        assert isinstance(authors, forms.ModelMultipleChoiceField)
        authors.queryset = contact_selectors.author_category_list_privileged(
            on=self.today
        )

    def kept(
        self,
        *,
        fill: dict[str, str] | None = None,
        earlier: Sequence[Appeal] = (),
    ) -> "ContactCallForm":
        """An unbound form showing what was typed into this bound one,
        without judging it (a lookup redraws the page mid-call); the empty
        fields named in ``fill`` take its values."""
        initial: dict[str, Any] = {}
        for name in self.fields:
            value = self[name].data
            if _is_given(value):
                initial[name] = value
        for name, value in (fill or {}).items():
            if value and not _is_given(initial.get(name)):
                initial[name] = value
        return type(self)(initial=initial, today=self.today, like=self, earlier=earlier)

    @property
    def question_fields(self) -> list[forms.BoundField]:
        """The chosen category's own questions, in their order."""
        return [self[name] for name in self.question_names]

    def peek(self) -> tuple[Category | None, Location | None]:
        """The category and the place of a bound form, if they are good,
        without reporting errors: enough to look for similar appeals."""
        field = self.fields["location"]
        try:
            location = field.clean(self["location"].data)
        except ValidationError:
            location = None
        return self.chosen_category, location

    def clean(self) -> dict[str, Any]:
        """The category's place when it needs one (APL-17 routes by it)."""
        data = super().clean() or {}
        category = self.chosen_category
        if (
            category is not None
            and category.needs_location
            and not data.get("location")
            and "location" not in self.errors
        ):
            self.add_error(
                "location", _("Ask where it is: the address or the nearest building.")
            )
        if data.get("receipt") in LINKED and not data.get("earlier"):
            self.add_error("earlier", _("Choose the earlier appeal."))
        return data

    def _linked(self, attribute: ReceiptAttribute) -> Appeal | None:
        data = self.cleaned_data
        if data.get("receipt") != attribute:
            return None
        return self.earlier_appeals.get(data.get("earlier") or "")

    def appeal_input(self) -> AppealInput:
        """The cleaned form as ``filing.appeal_submit`` takes it."""
        data = self.cleaned_data
        location: Location | None = data.get("location")
        assert self.chosen_category is not None  # the category field is valid
        return AppealInput(
            kind=data["kind"],
            category=self.chosen_category,
            title=data["title"],
            description=data["description"],
            applicant=ApplicantInput(**{name: data[name] for name in APPLICANT_FIELDS}),
            is_public=data["is_public"],
            author_categories=list(data["author_categories"]),
            social_status=data["social_status"],
            answers={
                name.removeprefix("answer_"): data.get(name)
                for name in self.question_names
            },
            repeat_of=self._linked(ReceiptAttribute.REPEAT),
            duplicate_of=self._linked(ReceiptAttribute.DUPLICATE),
            address=location.address if location else None,
            address_text=location.text if location else "",
            lon=location.lon if location else None,
            lat=location.lat if location else None,
        )


def caller_fill(applicant: Applicant | None) -> dict[str, str]:
    """What the caller gave last time, by field name, to confirm with them."""
    if applicant is None:
        return {}
    return {name: getattr(applicant, name) for name in CALLER_FIELDS}


def _is_given(value: object) -> bool:
    if isinstance(value, list | tuple):
        return any(_is_given(item) for item in value)
    return value not in (None, "")
