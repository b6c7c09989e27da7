"""Public URLs of appeals, mounted at ``/appeals/``."""

from django.urls import path

from hromada.appeals.views import filing, public

app_name = "appeals"
urlpatterns = [
    path("", public.appeal_list, name="appeal_list"),
    path("map.json", public.appeal_map, name="appeal_map"),
    path("new/", filing.appeal_new, name="appeal_new"),
    path("new/details/", filing.appeal_new_details, name="appeal_new_details"),
    path("new/done/<uuid:public_id>/", filing.appeal_filed, name="appeal_filed"),
    path("<uuid:public_id>/", public.appeal_detail, name="appeal_detail"),
    path("<uuid:public_id>/follow/", public.appeal_follow, name="appeal_follow"),
    path(
        "<uuid:public_id>/files/<uuid:file_id>/",
        public.appeal_file,
        name="appeal_file",
    ),
]
