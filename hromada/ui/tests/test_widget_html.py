from datetime import date
from pathlib import Path
from typing import Any

import django
import pytest
from django import forms
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from hromada.ui import widget_html
from hromada.ui.forms import DateInputs, GovukFormRenderer

_DJANGO_FORM_TEMPLATES = Path(django.__file__).parent / "forms" / "templates"
_CHOICES = [
    ("", gettext_lazy("Any kind")),
    ("Тіні «сірі»", [("1", 'Сірий <темний> & "світлий"'), ("2", "Білий")]),
    (3, 2024),
    ("4", mark_safe("<b>Жирний</b>")),
]
_ATTRS: dict[str, Any] = {
    "class": "govuk-input",
    "required": True,
    "disabled": False,
    "maxlength": 500,
    "placeholder": gettext_lazy("Search"),
    "data-x": "a<b>\"c'",
}
_WIDGETS: list[tuple[str, forms.Widget, Any]] = [
    ("text, no value", forms.TextInput(attrs=_ATTRS), None),
    ("text, empty", forms.TextInput(), ""),
    ("text, markup", forms.TextInput(), '<script>alert("x")</script> & ©'),
    ("text, safe value", forms.TextInput(), mark_safe("<i>так</i>")),
    ("number", forms.NumberInput(attrs={"min": 1, "step": 0.5}), 12345),
    ("email", forms.EmailInput(), "ім’я@приклад.укр"),
    ("url", forms.URLInput(), "https://example.org/?a=1&b=2"),
    ("password", forms.PasswordInput(render_value=True), "secret"),
    ("hidden", forms.HiddenInput(), 7),
    ("date", forms.DateInput(), date(2026, 3, 7)),
    ("time", forms.TimeInput(), "09:30"),
    ("file", forms.FileInput(attrs={"accept": ".pdf,.png"}), None),
    ("checkbox, checked", forms.CheckboxInput(), True),
    ("checkbox, unchecked", forms.CheckboxInput(), False),
    ("select", forms.Select(choices=_CHOICES, attrs=_ATTRS), "2"),
    ("select, chosen number", forms.Select(choices=_CHOICES), 3),
    ("select, several", forms.SelectMultiple(choices=_CHOICES), ["1", "4"]),
    ("select, no choices", forms.Select(choices=[]), None),
]


@pytest.mark.parametrize("language", ["uk", "en"])
@pytest.mark.parametrize(
    ("widget", "value"),
    [(widget, value) for _name, widget, value in _WIDGETS],
    ids=[name for name, _widget, _value in _WIDGETS],
)
def test_written_widgets_give_the_characters_of_djangos_templates(
    widget: forms.Widget, value: Any, language: str
):
    # given
    with translation.override(language):
        context = widget.get_context("field", value, {"id": "id_field"})

        # when
        written = widget_html.widget_html(widget.template_name, context)
        rendered = render_to_string(widget.template_name, context)

    # then: the same characters, but the line ends of Django's files
    assert written is not None
    assert str(written) == rendered.rstrip("\n")


@pytest.mark.parametrize(
    "widget_class", [forms.RadioSelect, forms.CheckboxSelectMultiple]
)
def test_a_radio_or_checkbox_of_a_list_is_written_as_django_draws_it_without_a_label(
    widget_class: type[forms.RadioSelect],
):
    field = forms.ChoiceField(
        choices=[("a", "Так & ні"), ("b", "Ні")], widget=widget_class
    )
    form = type("OneChoice", (forms.Form,), {"choice": field})({"choice": "b"})

    for option in form["choice"]:
        context = {"widget": {**option.data, "wrap_label": False}}
        written = widget_html.widget_html(option.template_name, context)

        assert written is not None
        rendered = render_to_string(option.template_name, context)
        assert str(written) == rendered.rstrip("\n")
        assert str(option.tag()) == str(written)


def test_a_labelled_option_and_other_templates_are_left_to_the_engine():
    option = {"name": "x", "value": "a", "type": "radio", "attrs": {}, "label": "A"}

    assert (
        widget_html.widget_html(
            "django/forms/widgets/radio_option.html",
            {"widget": {**option, "wrap_label": True}},
        )
        is None
    )
    assert widget_html.widget_html("django/forms/widgets/textarea.html", {}) is None
    assert widget_html.widget_html("ui/forms/field.html", {"field": object()}) is None


def test_a_select_whose_options_have_their_own_template_is_left_to_the_engine():
    class Coloured(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    context = Coloured(choices=[("1", "Один")]).get_context("x", "1", {})

    assert widget_html.widget_html("django/forms/widgets/select.html", context) is None


@pytest.mark.parametrize(
    "name",
    sorted(widget_html.WRITTEN_TEMPLATES | {widget_html.SELECT_OPTION_TEMPLATE}),
)
def test_no_room_overrides_a_template_written_in_python(name: str):
    origin = Path(get_template(name).origin.name)

    assert origin.is_relative_to(_DJANGO_FORM_TEMPLATES)


@pytest.mark.parametrize(
    "name", sorted(widget_html.INPUT_TEMPLATES - {"django/forms/widgets/input.html"})
)
def test_each_input_template_written_only_includes_djangos_input(name: str):
    text = (_DJANGO_FORM_TEMPLATES / name).read_text().strip()

    assert text == '{% include "django/forms/widgets/input.html" %}'


def test_the_form_renderer_writes_widgets_and_renders_every_other_template():
    class Search(forms.Form):
        q = forms.CharField(label="Слова", required=False)
        on = forms.DateField(label="Дата", required=False, widget=DateInputs())

    form = Search(
        {"q": "бюджет <2026>", "on_day": "7", "on_month": "3", "on_year": "2026"}
    )

    field = str(form["q"].as_field_group())
    dates = str(form["on"])

    assert isinstance(form.renderer, GovukFormRenderer)
    assert '<label class="govuk-label" for="id_q">' in field
    assert (
        '<input type="text" name="q" value="бюджет &lt;2026&gt;" class="govuk-input"'
        ' id="id_q">'
    ) in field
    assert (
        '<input type="text" name="on_day" value="7" inputmode="numeric" id="id_on_0"'
        ' class="govuk-input govuk-date-input__input govuk-input--width-2">'
    ) in dates
