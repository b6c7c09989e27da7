"""Public URLs of the registry of legal acts, under /acts/."""

from django.urls import path

from hromada.registry.views import public, public_regulatory

app_name = "registry"
urlpatterns = [
    path("", public.act_search, name="act_search"),
    path("<slug:slug>/", public.act_detail, name="act_detail"),
    path("<slug:slug>/scan.pdf", public.act_scan, name="act_scan"),
    path(
        "<slug:slug>/regulatory/<uuid:public_id>.pdf",
        public_regulatory.act_regulatory_file,
        name="act_regulatory_file",
    ),
]
