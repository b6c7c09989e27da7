"""Cabinet pages of the API room, under ``/cabinet/api/``."""

from django.urls import path

from hromada.api.open311 import views_cabinet

app_name = "api_cabinet"
urlpatterns = [
    path(
        "open311/",
        views_cabinet.open311_client_list,
        name="open311_client_list",
    ),
    path(
        "open311/new/",
        views_cabinet.open311_client_create,
        name="open311_client_create",
    ),
    path(
        "open311/<uuid:public_id>/",
        views_cabinet.open311_client_detail,
        name="open311_client_detail",
    ),
    path(
        "open311/<uuid:public_id>/revoke/",
        views_cabinet.open311_client_revoke,
        name="open311_client_revoke",
    ),
]
