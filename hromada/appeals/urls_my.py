"""The citizen's appeals, mounted at ``/my/appeals/``."""

from django.urls import path

from hromada.appeals.views import my

app_name = "appeals_my"
urlpatterns = [
    path("", my.my_appeal_list, name="my_appeal_list"),
    path("<uuid:public_id>/", my.my_appeal_detail, name="my_appeal_detail"),
    path("<uuid:public_id>/rate/", my.my_appeal_rate, name="my_appeal_rate"),
    path(
        "<uuid:public_id>/files/<uuid:file_id>/",
        my.my_appeal_file,
        name="my_appeal_file",
    ),
]
