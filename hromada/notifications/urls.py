"""URLs of the notifications room, under ``/cabinet/notifications/``."""

from django.urls import URLPattern, path

from hromada.notifications import views

app_name = "notifications"
urlpatterns: list[URLPattern] = [
    path("mail/", views.captured_mail_list, name="captured_mail_list"),
    path(
        "mail/<uuid:public_id>/",
        views.captured_mail_detail,
        name="captured_mail_detail",
    ),
]
