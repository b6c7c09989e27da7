"""Forms of the staff's and the applicant's actions on an appeal."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.accounts.models import User
from hromada.appeals.forms import MultipleFileField
from hromada.appeals.models import ANSWER_MAX_LENGTH, AppealOutcome
from hromada.appeals.services.feedback import COMMENT_MAX_LENGTH
from hromada.org.models import Employee, OrgUnit
from hromada.ui.forms import DateInputs


class RouteForm(forms.Form):
    """Send the appeal to a unit (the contact centre, the office)."""

    unit = forms.ModelChoiceField(
        label=_("Responsible unit"),
        queryset=OrgUnit.objects.none(),
        empty_label=_("Choose a unit"),
        error_messages={"required": _("Choose a unit.")},
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = units


class ForwardForm(forms.Form):
    """Forward the appeal to the competent body (ст. 7, within 5 days)."""

    forward_to = forms.CharField(
        label=_("Competent body"),
        max_length=300,
        help_text=_("The applicant is told where the appeal went."),
        error_messages={"required": _("Name the competent body.")},
    )


class AssignForm(forms.Form):
    """Give the appeal to an executor of its unit."""

    executor = forms.ModelChoiceField(
        label=_("Executor"),
        queryset=User.objects.none(),
        empty_label=_("Choose an executor"),
        error_messages={"required": _("Choose an executor.")},
    )

    def __init__(self, *args: Any, employees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["executor"]
        assert isinstance(field, forms.ModelChoiceField)
        people: list[Employee] = list(employees)
        field.queryset = User.objects.filter(pk__in=[e.user_id for e in people])
        titles = {e.user_id: e.position.title for e in people}
        field.label_from_instance = lambda obj: (  # type: ignore[method-assign]
            f"{obj.get_full_name()} — {titles.get(obj.pk, '')}"
        )


class AnswerForm(forms.Form):
    """The executor's answer to the applicant."""

    text = forms.CharField(
        label=_("Answer to the applicant"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "For a public appeal the answer is published; phone numbers and "
            "e-mail addresses in it are hidden."
        ),
        error_messages={"required": _("Write the answer.")},
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (AppealOutcome.SATISFIED, AppealOutcome.SATISFIED.label),
            (AppealOutcome.EXPLAINED, AppealOutcome.EXPLAINED.label),
            (AppealOutcome.REFUSED, AppealOutcome.REFUSED.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the outcome.")},
    )
    attachments = MultipleFileField(
        label=_("Photos or documents of the answer"),
        required=False,
        help_text=_("JPEG or PNG photos, PDF documents, 10 MB each at most."),
    )


class ReturnForm(forms.Form):
    """The controller sends the answer back for rework."""

    comment = forms.CharField(
        label=_("What needs to be reworked"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what needs to be reworked.")},
    )


class ExtendForm(forms.Form):
    """The head extends the term, with a reason told to the applicant."""

    until = forms.DateField(
        label=pgettext_lazy("appeal", "New due date"), widget=DateInputs
    )
    reason = forms.CharField(
        label=_("Why the matter needs more time"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The applicant receives this reason by e-mail (art. 20)."),
        error_messages={"required": _("Say why the matter needs more time.")},
    )


class RateForm(forms.Form):
    """The applicant's word on the answer."""

    resolved = forms.TypedChoiceField(
        label=_("Is your problem resolved?"),
        choices=[
            ("yes", _("Yes, it is resolved")),
            ("no", _("No, it is not resolved: look at it again")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the problem is resolved.")},
    )
    rating = forms.TypedChoiceField(
        label=_("How do you rate the answer?"),
        choices=[(str(n), str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5 is the best."),
        error_messages={"required": _("Choose a rating from 1 to 5.")},
    )
    comment = forms.CharField(
        label=_("Comment"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by the officials only, never published."),
    )
