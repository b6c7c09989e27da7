"""Cabinet URLs of the gis room, under ``/cabinet/gis/``."""

from django.urls import URLPattern, path

from hromada.gis import views_cabinet as views

app_name = "gis_cabinet"
urlpatterns: list[URLPattern] = [
    path("", views.district_list, name="district_list"),
    path("districts/new/", views.district_create, name="district_create"),
    path("districts/<uuid:public_id>/", views.district_edit, name="district_edit"),
    path("streets/", views.street_list, name="street_list"),
    path("streets/new/", views.street_create, name="street_create"),
    path("streets/<uuid:public_id>/", views.street_detail, name="street_detail"),
    path(
        "streets/<uuid:public_id>/addresses/new/",
        views.address_create,
        name="address_create",
    ),
    path(
        "streets/<uuid:public_id>/addresses/import/",
        views.address_import,
        name="address_import",
    ),
]
