"""Forms of the control-of-execution pages: resolutions, tasks, the journal."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from hromada.accounts.models import User
from hromada.core.errors import ApplicationError
from hromada.documents.models import Document, ResolutionUrgency
from hromada.documents.selectors import control as selectors
from hromada.documents.services.closing import NOTE_MAX_LENGTH
from hromada.org import selectors as org_selectors
from hromada.ui.forms import DateInputs, OnceField


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.email)


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.email)


class ResolutionForm(forms.Form):
    once = OnceField()
    author = StaffChoiceField(
        label=gettext_lazy("Head who gave the resolution"),
        queryset=User.objects.none(),
        to_field_name="public_id",
        required=False,
        help_text=gettext_lazy(
            "Fill in when entering a resolution dictated by a head."
        ),
    )
    text = forms.CharField(
        label=gettext_lazy("Instruction"), widget=forms.Textarea(attrs={"rows": 4})
    )
    responsible = StaffChoiceField(
        label=gettext_lazy("Responsible executor"),
        queryset=User.objects.none(),
        to_field_name="public_id",
    )
    co_executors = StaffMultipleChoiceField(
        label=gettext_lazy("Co-executors"),
        queryset=User.objects.none(),
        to_field_name="public_id",
        required=False,
        help_text=gettext_lazy("They report to the responsible executor."),
    )
    for_information = StaffMultipleChoiceField(
        label=gettext_lazy("For information"),
        queryset=User.objects.none(),
        to_field_name="public_id",
        required=False,
    )
    due_on = forms.DateField(
        label=gettext_lazy("Due date"), required=False, widget=DateInputs
    )
    urgency = forms.ChoiceField(
        label=gettext_lazy("Urgency mark"),
        choices=ResolutionUrgency.choices,
        initial=ResolutionUrgency.ORDINARY,
        widget=forms.RadioSelect,
        required=False,
    )
    is_draft = forms.BooleanField(
        label=gettext_lazy("Save as a draft for the head to approve"), required=False
    )

    def __init__(
        self,
        *args: Any,
        people: QuerySet[User],
        heads: QuerySet[User] | None,
        default_hint: str,
        urgency_hint: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name in ("responsible", "co_executors", "for_information"):
            self.fields[name].queryset = people  # type: ignore[attr-defined]
        if heads is None:
            del self.fields["author"]
        else:
            self.fields["author"].queryset = heads  # type: ignore[attr-defined]
        self.fields["due_on"].help_text = default_hint
        self.fields["urgency"].help_text = urgency_hint


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list, empty when optional."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        uploads = data if isinstance(data, list | tuple) else [data]
        uploads = [upload for upload in uploads if upload]
        if not uploads:
            super().clean(None, initial)
            return []
        single = super().clean
        return [single(upload, initial) for upload in uploads]


class ReplyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        number = obj.registration_number or gettext_lazy("Draft")
        return f"{number} — {obj.summary[:80]}"


class ReportForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Report"), widget=forms.Textarea(attrs={"rows": 4})
    )
    # Not "files": a form keeps its uploads under that name.
    attachments = MultipleFileField(
        label=gettext_lazy("Files"),
        required=False,
        help_text=gettext_lazy(
            "PDF, DOCX, ODT, JPEG, PNG or TIFF; you may choose several files."
        ),
    )
    reply_document = ReplyChoiceField(
        label=gettext_lazy("Reply document"),
        queryset=Document.objects.none(),
        to_field_name="public_id",
        required=False,
        empty_label=gettext_lazy("No reply document"),
        help_text=gettext_lazy("A reply drafted from this task's document."),
    )

    def __init__(
        self, *args: Any, replies: QuerySet[Document] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if replies is None:
            del self.fields["reply_document"]
        else:
            self.fields["reply_document"].queryset = replies  # type: ignore[attr-defined]


class ResolutionCancelForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for cancelling"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("The executors receive it with the notice."),
    )


class CloseToFileForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("For example, why no action is needed."),
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What needs to be reworked"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DeadlineRequestForm(forms.Form):
    new_due_on = forms.DateField(label=gettext_lazy("New due date"), widget=DateInputs)
    reason = forms.CharField(
        label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RemoveForm(forms.Form):
    basis = forms.CharField(
        label=gettext_lazy("Basis"),
        max_length=300,
        initial="До справи",
        help_text=gettext_lazy("«До справи» or the number of the reply document."),
    )


class JournalFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("All")), *selectors.JournalStatus.choices],
        required=False,
    )
    org_unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"),
        queryset=org_selectors.org_unit_list_active(),
        to_field_name="public_id",
        required=False,
        empty_label=gettext_lazy("All units"),
    )
    date_from = forms.DateField(
        label=gettext_lazy("Given from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=gettext_lazy("Given to"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


def apply_error(
    form: forms.Form, error: ApplicationError, aliases: dict[str, str] | None = None
) -> None:
    """Show a service's refusal at its fields, or above the form.

    ``aliases`` maps a service's field name to the form's, where they differ.
    """
    placed = False
    for name, errors in error.details.items():
        field = (aliases or {}).get(name, name)
        if field in form.fields:
            form.add_error(field, errors)
            placed = True
    if not placed:
        form.add_error(None, error.message)
