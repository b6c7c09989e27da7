"""URLs of the org room in the cabinet."""

from django.urls import path

from hromada.org import views

app_name = "org"
urlpatterns = [
    path("directory/", views.directory, name="directory"),
]
