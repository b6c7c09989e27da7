"""Public URLs served by the portal room."""

from django.urls import path

from hromada.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("bodies/", views.bodies, name="bodies"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
