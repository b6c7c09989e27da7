"""The keepers' pages of the registry of services, mounted at
``/cabinet/services/``."""

from django.urls import path

from hromada.cnap.views_cabinet import cards, directory, items

app_name = "cnap_cabinet"
urlpatterns = [
    path("", cards.service_list, name="service_list"),
    path("new/", cards.service_create, name="service_create"),
    path("directory/centres/", directory.centre_list, name="centre_list"),
    path("directory/centres/new/", directory.centre_create, name="centre_create"),
    path(
        "directory/centres/<uuid:public_id>/",
        directory.centre_edit,
        name="centre_edit",
    ),
    path("directory/providers/", directory.provider_list, name="provider_list"),
    path(
        "directory/providers/new/",
        directory.provider_create,
        name="provider_create",
    ),
    path(
        "directory/providers/<uuid:public_id>/",
        directory.provider_edit,
        name="provider_edit",
    ),
    path("directory/situations/", directory.situation_list, name="situation_list"),
    path(
        "directory/situations/new/",
        directory.situation_create,
        name="situation_create",
    ),
    path(
        "directory/situations/<uuid:public_id>/",
        directory.situation_edit,
        name="situation_edit",
    ),
    path("<slug:slug>/", cards.service_manage, name="service_manage"),
    path("<slug:slug>/edit/", cards.service_edit, name="service_edit"),
    path("<slug:slug>/status/", cards.service_status, name="service_status"),
    path("<slug:slug>/<slug:kind>/new/", items.item_add, name="item_add"),
    path(
        "<slug:slug>/<slug:kind>/<uuid:public_id>/",
        items.item_edit,
        name="item_edit",
    ),
    path(
        "<slug:slug>/<slug:kind>/<uuid:public_id>/move/",
        items.item_move,
        name="item_move",
    ),
    path(
        "<slug:slug>/<slug:kind>/<uuid:public_id>/remove/",
        items.item_remove,
        name="item_remove",
    ),
]
