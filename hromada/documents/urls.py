"""URLs of the documents room at ``/cabinet/documents/``; one list per area."""

from django.urls import URLPattern, URLResolver

from hromada.documents.views import (
    archive,
    cards,
    control,
    control_reports,
    control_resolutions,
    correspondents,
    files,
    mobile,
    relations,
    route_templates,
    routes,
)

app_name = "documents"
urlpatterns: list[URLPattern | URLResolver] = [
    *cards.urlpatterns,
    *relations.urlpatterns,
    *correspondents.urlpatterns,
    *files.urlpatterns,
    *control_resolutions.urlpatterns,
    *control.urlpatterns,
    *control_reports.urlpatterns,
    *routes.urlpatterns,
    *route_templates.urlpatterns,
    *archive.urlpatterns,
    *mobile.urlpatterns,
]
