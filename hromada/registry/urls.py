"""Public URLs of the registry of legal acts, under /acts/."""

from django.urls import path

from hromada.registry.views import public

app_name = "registry"
urlpatterns = [
    path("", public.act_search, name="act_search"),
    path("<slug:slug>/", public.act_detail, name="act_detail"),
    path("<slug:slug>/scan.pdf", public.act_scan, name="act_scan"),
]
