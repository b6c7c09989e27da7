"""The public pages of the registry of services, mounted at ``/services/``."""

from django.urls import path

from hromada.cnap import views

app_name = "cnap"
urlpatterns = [
    path("", views.service_list, name="service_list"),
    path("<slug:slug>/", views.service_detail, name="service_detail"),
]
