"""URLs of the documents room at ``/cabinet/documents/``; one list per area."""

from django.urls import URLPattern, URLResolver

from hromada.documents.views import archive, cards, control, files, routes

app_name = "documents"
urlpatterns: list[URLPattern | URLResolver] = [
    *cards.urlpatterns,
    *files.urlpatterns,
    *control.urlpatterns,
    *routes.urlpatterns,
    *archive.urlpatterns,
]
