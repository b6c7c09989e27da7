"""Public URLs of the gis room, under ``/map/``."""

from django.urls import URLPattern, path

from hromada.gis import views

app_name = "gis"
urlpatterns: list[URLPattern] = [
    path("addresses/", views.address_search, name="address_search"),
]
