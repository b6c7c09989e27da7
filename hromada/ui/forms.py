"""GOV.UK form rendering: every Django form renders with these templates.

``GovukFormRenderer`` (``FORM_RENDERER``) renders forms with
``ui/forms/form.html`` and each field with ``ui/forms/field.html``, and
gives every form ``GovukBoundField``, which adds GOV.UK classes to widgets
(``govuk-input``, ``govuk-select``, ``govuk-radios__input``…) and points
``aria-describedby`` at the hint (``<id>-hint``) and error (``<id>-error``).
Django's own widget templates stay as they are, so ``{{ form.email }}``
renders GOV.UK markup too.
"""

import re
import uuid
from datetime import date
from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.widgets import Input
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from hromada.core.errors import ApplicationError
from hromada.ui import widget_html

# Checked in order: a subclass before its parent (CheckboxSelectMultiple is a
# RadioSelect).
_KINDS: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.CheckboxSelectMultiple, "checkboxes"),
    (forms.RadioSelect, "radios"),
    (forms.CheckboxInput, "checkbox"),
    (forms.Select, "select"),
    (forms.Textarea, "textarea"),
    (forms.FileInput, "file"),
    (forms.MultiWidget, "multi"),
    (Input, "input"),
)
_CLASSES = {
    "checkboxes": ("govuk-checkboxes__input", ""),
    "radios": ("govuk-radios__input", ""),
    "checkbox": ("govuk-checkboxes__input", ""),
    "select": ("govuk-select", "govuk-select--error"),
    "textarea": ("govuk-textarea", "govuk-textarea--error"),
    "file": ("govuk-file-upload", "govuk-file-upload--error"),
    "input": ("govuk-input", "govuk-input--error"),
}
_WIDTHS: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.DateInput, "govuk-input--width-10"),
    (forms.TimeInput, "govuk-input--width-5"),
)


# What DateInputs.value_from_datadict returns: year, month and day as typed.
_TYPED_DATE = re.compile(r"([^-/]*)[-/]([^-]*)-(.*)")


def widget_kind(widget: forms.Widget) -> str:
    """How GOV.UK lays the widget out: ``input``, ``radios``, ``date``…"""
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, DateInputs):
        return "date"
    for widget_class, kind in _KINDS:
        if isinstance(widget, widget_class):
            return kind
    return "other"


def _joined(*classes: object) -> str:
    return " ".join(str(c) for c in classes if c)


class GovukBoundField(BoundField):
    """A bound field whose widget carries GOV.UK classes and ARIA links."""

    @property
    def kind(self) -> str:
        """The widget's GOV.UK layout; see ``widget_kind``."""
        return widget_kind(self.field.widget)

    @property
    def hint_id(self) -> str:
        """The id of the hint, which ``aria-describedby`` names."""
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        """The id of the error message, which ``aria-describedby`` names."""
        return f"{self.auto_id}-error"

    @property
    def anchor(self) -> str:
        """The id the error summary links to: the field's first control."""
        if self.kind in {"radios", "checkboxes", "date", "multi"}:
            return f"{self.auto_id}_0"
        return self.id_for_label or self.auto_id

    @property
    def aria_describedby(self) -> str | None:
        # Django names these "<id>_helptext" and "<id>_error"; GOV.UK's
        # markup in ui/forms/field.html uses "<id>-hint" and "<id>-error".
        if self.field.widget.attrs.get("aria-describedby"):
            return None
        ids = []
        if self.auto_id and not self.is_hidden:
            if self.help_text:
                ids.append(self.hint_id)
            if self.errors:
                ids.append(self.error_id)
        return " ".join(ids)

    def build_widget_attrs(
        self, attrs: dict[str, Any], widget: forms.Widget | None = None
    ) -> dict[str, Any]:
        """Django's attributes plus the GOV.UK classes for this widget."""
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        base, error = _CLASSES.get(widget_kind(widget), ("", ""))
        if base:
            width = next((w for cls, w in _WIDTHS if isinstance(widget, cls)), "")
            attrs["class"] = _joined(
                base,
                width,
                error if self.errors else "",
                widget.attrs.get("class"),
                attrs.get("class"),
            )
        return attrs


class GovukFormRenderer(TemplatesSetting):
    """Renders forms, fields and errors with ``ui/forms/*`` templates."""

    form_template_name = "ui/forms/form.html"
    field_template_name = "ui/forms/field.html"
    bound_field_class = GovukBoundField

    def render(
        self,
        template_name: str,
        context: dict[str, Any],
        request: HttpRequest | None = None,
    ) -> str:
        """The template's markup; Django's plainest widget templates are
        written in Python (``hromada.ui.widget_html``)."""
        written = widget_html.widget_html(template_name, context)
        if written is not None:
            return written
        return super().render(template_name, context, request)


class DateInputs(forms.MultiWidget):
    """GOV.UK's date input: day, month and year in three boxes.

    Use it for dates people know (birth, issue of a document):
    ``forms.DateField(widget=DateInputs())``. The value reaches ``DateField``
    as an ISO date, which Django parses in every language.
    """

    template_name = "ui/forms/widgets/date_inputs.html"
    parts = (
        ("day", _("Day"), "govuk-input--width-2"),
        ("month", _("Month"), "govuk-input--width-2"),
        ("year", _("Year"), "govuk-input--width-4"),
    )

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            name: forms.TextInput(attrs={"inputmode": "numeric"})
            for name, _label, _width in self.parts
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        """Split a date, or the text a person typed, into its three boxes."""
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and (match := _TYPED_DATE.fullmatch(value)):
            year, month, day = match.groups()
            return [day, month, year]
        return [None, None, None]

    # DateField parses one string, so this returns one instead of a list.
    def value_from_datadict(  # type: ignore[override]
        self, data: Any, files: Any, name: str
    ) -> str:
        """The three boxes as ``YYYY-MM-DD``, or "" when all are empty."""
        day, month, year = (
            (part or "").strip()
            for part in super().value_from_datadict(data, files, name)
        )
        if not (day or month or year):
            return ""
        # "%Y" would read "24" as the year 24; the "/" makes a short year
        # fail to parse, so the person sees "Enter a valid date".
        separator = "-" if re.fullmatch(r"\d{4}", year) else "/"
        return f"{year}{separator}{month}-{day}"

    def get_context(
        self, name: str, value: Any, attrs: dict[str, Any] | None
    ) -> dict[str, Any]:
        """Django's context, with a label, GOV.UK classes and the markup
        of each box."""
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        has_error = widget["attrs"].get("aria-invalid") == "true"
        for subwidget, (_name, label, width) in zip(
            widget["subwidgets"], self.parts, strict=True
        ):
            subwidget["label"] = label
            subwidget["attrs"]["class"] = _joined(
                "govuk-input govuk-date-input__input",
                width,
                "govuk-input--error" if has_error else "",
            )
            # Each box is a TextInput (__init__), whose markup is written
            # in Python: a template per box was most of the widget's cost.
            subwidget["html"] = widget_html.input_html(subwidget)
        return context


class OnceField(forms.UUIDField):
    """A hidden key made when the form is shown; see ``hromada.core.once``.

    The creating service claims it, so sending the form twice (a double
    click, the browser's "resend") creates one record. A form without it
    (an old page) still works, only without that protection.
    """

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("initial", uuid.uuid4)
        super().__init__(**kwargs)


def errors_to_form(form: forms.Form, error: ApplicationError) -> None:
    """Put a service's refusal on ``form``: each message by its field, and
    the refusal itself, with the messages of fields the form does not
    have, above the form when anything is left over."""
    outside: list[str] = []
    for name, field_messages in error.details.items():
        for message in field_messages:
            if name in form.fields:
                form.add_error(name, message)
            else:
                outside.append(message)
    if outside or not error.details:
        form.add_error(None, [error.message, *outside])
