"""URLs of the room, under /cabinet/."""

from django.urls import path

from hromada.ui import views

app_name = "ui"
urlpatterns = [
    path("", views.cabinet_home, name="cabinet_home"),
]
