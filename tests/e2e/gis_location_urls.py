"""The site's URLs plus one page with a location field, for browser tests.

Only ``tests/e2e/test_gis_location_field.py`` uses this URLconf (through
``pytest.mark.urls``); the site itself has no such page. Other rooms' forms
carry the field; this page stands in for them.
"""

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns
from hromada.gis.forms import LocationField

PAGE = engines["django"].from_string(
    """{% extends "portal/base.html" %}
{% block title %}Місце{% endblock title %}
{% block content %}
  <h1 class="govuk-heading-l">Де це?</h1>
  {% if location %}
    <p class="govuk-body" id="result">{{ location.label }}: {{ location.district }}</p>
  {% endif %}
  <form method="post" novalidate>
    {% csrf_token %}
    {% include "ui/components/error_summary.html" with form=form only %}
    {{ form }}
    <button type="submit" class="govuk-button">Надіслати</button>
  </form>
{% endblock content %}"""
)


class PlaceForm(forms.Form):
    location = LocationField(label="Місце")


@login_not_required
def place(request: HttpRequest) -> HttpResponse:
    form = PlaceForm(request.POST or None)
    location = form.cleaned_data["location"] if form.is_valid() else None
    return HttpResponse(
        PAGE.render({"form": form, "location": location}, request),
        status=400 if form.errors else 200,
    )


urlpatterns = [path("test-place/", place), *site_urlpatterns]
