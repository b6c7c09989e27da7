"""The catalogue keepers' pages, mounted at ``/cabinet/opendata/``."""

from django.urls import path

from hromada.opendata import views_cabinet

app_name = "opendata_cabinet"
urlpatterns = [
    path("", views_cabinet.dataset_list, name="dataset_list"),
    path("<slug:name>/", views_cabinet.dataset_manage, name="dataset_manage"),
    path(
        "<slug:name>/publish/",
        views_cabinet.dataset_publish,
        name="dataset_publish",
    ),
    path(
        "<slug:name>/unpublish/",
        views_cabinet.dataset_unpublish,
        name="dataset_unpublish",
    ),
    path(
        "<slug:name>/refresh/",
        views_cabinet.dataset_refresh,
        name="dataset_refresh",
    ),
]
