"""URLs of the citizen's cabinet (``/my/``)."""

from django.urls import path

from hromada.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.my_home, name="home"),
    path("profile/", views.my_profile_edit, name="profile_edit"),
]
