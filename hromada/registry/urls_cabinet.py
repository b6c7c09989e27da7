"""The registry keepers' pages, mounted at ``/cabinet/acts/``."""

from django.urls import path

from hromada.registry.views import cabinet, cabinet_regulatory

app_name = "registry_cabinet"
urlpatterns = [
    path("", cabinet.act_list, name="act_list"),
    path("new/", cabinet.act_create, name="act_create"),
    path("imports/new/", cabinet.import_create, name="import_create"),
    path("imports/<uuid:public_id>/", cabinet.import_detail, name="import_detail"),
    path("<slug:slug>/", cabinet.act_manage, name="act_manage"),
    path("<slug:slug>/edit/", cabinet.act_edit, name="act_edit"),
    path("<slug:slug>/relate/", cabinet.act_relate, name="act_relate"),
    path("<slug:slug>/editions/new/", cabinet.edition_create, name="edition_create"),
    path("<slug:slug>/status/", cabinet.act_status, name="act_status"),
    path(
        "<slug:slug>/regulatory/new/",
        cabinet_regulatory.regulatory_document_create,
        name="regulatory_document_create",
    ),
    path(
        "<slug:slug>/regulatory/<uuid:public_id>/remove/",
        cabinet_regulatory.regulatory_document_remove,
        name="regulatory_document_remove",
    ),
]
