"""Django's plainest widget templates, written in Python.

Through the template engine an input costs three templates (``text.html``
includes ``input.html``, which includes ``attrs.html``) and a select one
more per option; the registry's search form, ten fields and about twenty
widgets, spent most of its page's rendering there (bench/registry.py,
R1s). ``GovukFormRenderer`` writes these few templates with the functions
below instead. They give the characters Django's templates give, but
the line ends their files end with: a test renders both and compares
them, and another checks that no room overrides a template written here.
Every other template renders as usual; a room that needs other markup
gives its widget another template name. The search form's widgets took
7.4 ms of CPU through the templates and 3.1 ms written here (30,000 acts).
"""

from collections.abc import Mapping
from typing import Any

from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, SafeString, mark_safe

_WIDGETS = "django/forms/widgets/"
# Each of these is only ``{% include "django/forms/widgets/input.html" %}``.
INPUT_TEMPLATES = frozenset(
    f"{_WIDGETS}{name}.html"
    for name in (
        "input",
        "text",
        "number",
        "email",
        "url",
        "password",
        "hidden",
        "date",
        "datetime",
        "time",
        "search",
        "tel",
        "color",
        "file",
        "checkbox",
    )
)
# A radio or a checkbox of a list, drawn without its label around it.
OPTION_INPUT_TEMPLATES = frozenset(
    f"{_WIDGETS}{name}.html"
    for name in ("input_option", "radio_option", "checkbox_option")
)
SELECT_TEMPLATE = f"{_WIDGETS}select.html"
SELECT_OPTION_TEMPLATE = f"{_WIDGETS}select_option.html"
WRITTEN_TEMPLATES = INPUT_TEMPLATES | OPTION_INPUT_TEMPLATES | {SELECT_TEMPLATE}
# The context Django's engine renders a widget's template with.
_CONTEXT = Context(autoescape=True)


def widget_html(template_name: str, context: Mapping[str, Any]) -> SafeString | None:
    """The markup of ``template_name`` for ``context``, or None when it is
    not one of the templates written here."""
    widget = context.get("widget")
    if not isinstance(widget, Mapping) or template_name not in WRITTEN_TEMPLATES:
        return None
    if template_name in INPUT_TEMPLATES:
        return input_html(widget)
    if template_name in OPTION_INPUT_TEMPLATES:
        return None if widget.get("wrap_label") else input_html(widget)
    groups = widget["optgroups"]
    if all(
        option["template_name"] == SELECT_OPTION_TEMPLATE
        for _name, options, _index in groups
        for option in options
    ):
        return select_html(widget)
    return None


def input_html(widget: Mapping[str, Any]) -> SafeString:
    """Django's ``input.html``."""
    value = widget["value"]
    written = "" if value is None else f' value="{_formatted(value)}"'
    # Safe: every value written is escaped, or was safe already.
    return mark_safe(
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f"{written}{attrs_html(widget['attrs'])}>"
    )


def select_html(widget: Mapping[str, Any]) -> SafeString:
    """Django's ``select.html`` with ``select_option.html`` for each option."""
    pieces = [f'<select name="{_text(widget["name"])}"{attrs_html(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            pieces.append(f'\n  <optgroup label="{_text(group_name)}">')
        pieces.extend(
            f'\n  <option value="{_formatted(option["value"])}"'
            f"{attrs_html(option['attrs'])}>{_text(option['label'])}</option>\n"
            for option in options
        )
        if group_name:
            pieces.append("\n  </optgroup>")
    pieces.append("\n</select>")
    # Safe: every value written is escaped, or was safe already.
    return mark_safe("".join(pieces))


def attrs_html(attrs: Mapping[str, Any]) -> str:
    """Django's ``attrs.html``: ``True`` writes the name alone, ``False``
    nothing."""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _text(value: Any) -> str:
    """``{{ value }}``: localised and escaped unless already safe."""
    return str(render_value_in_context(value, _CONTEXT))


def _formatted(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``: the text of ``value``, escaped
    unless ``value`` was safe."""
    text = "%s" % (str(value) if isinstance(value, tuple) else value)
    return text if isinstance(value, SafeData) else str(conditional_escape(text))
