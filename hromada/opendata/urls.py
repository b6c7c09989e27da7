"""Public URLs of the open-data catalogue, mounted at ``/opendata/``.

DCAT and file paths are matched exactly with their suffix, so
``APPEND_SLASH`` never redirects a harvester (STANDARDS §0.2.3).
"""

from django.urls import path, re_path

from hromada.opendata import views

NAME = r"(?P<name>[a-z0-9_-]+)"
RDF = r"\.(?P<fmt>ttl|rdf|jsonld)$"

app_name = "opendata"
urlpatterns = [
    path("", views.dataset_list, name="dataset_list"),
    re_path(r"^catalog" + RDF, views.catalog_dcat, name="catalog_dcat"),
    re_path(rf"^dataset/{NAME}" + RDF, views.dataset_dcat, name="dataset_dcat"),
    path("dataset/<slug:name>/", views.dataset_detail, name="dataset_detail"),
    re_path(
        rf"^dataset/{NAME}/structure$",
        views.structure_download,
        name="structure_download",
    ),
    re_path(
        rf"^dataset/{NAME}/(?P<fmt>csv|json|xlsx|geojson)$",
        views.resource_download,
        name="resource_download",
    ),
]
