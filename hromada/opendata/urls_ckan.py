"""The CKAN-compatible Action API (STANDARDS §3.1), included at ``/api/``
before the platform's own API: ``/api/3`` (the version),
``/api/3/action/{action}`` and the alias ``/api/action/{action}``, which
``ckanapi`` and the CKAN harvester use. Other paths fall through to the
platform's API; no path here redirects.
"""

from django.urls import re_path

from hromada.opendata import views_ckan

ACTION = r"(?P<name>[A-Za-z0-9_.-]+)$"

urlpatterns = [
    re_path(r"^3/?$", views_ckan.api_version, name="ckan_version"),
    re_path(r"^3/action/" + ACTION, views_ckan.action, name="ckan_action"),
    re_path(r"^action/" + ACTION, views_ckan.action, name="ckan_action_alias"),
]
