"""GOV.UK form rendering: every Django form renders with these templates."""

from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    """Renders forms, fields and errors with ``ui/forms/*`` templates."""

    form_template_name = "ui/forms/form.html"
    field_template_name = "ui/forms/field.html"
