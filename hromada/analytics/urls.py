"""Public URLs of the analytics room, mounted at ``/appeals/stats/``."""

from django.urls import path

from hromada.analytics import views

app_name = "analytics"
urlpatterns = [
    path("", views.appeal_stats, name="appeal_stats"),
]
