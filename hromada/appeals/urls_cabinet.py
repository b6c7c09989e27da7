"""The staff's appeals workplace, mounted at ``/cabinet/appeals/``."""

from django.urls import path

from hromada.appeals.views import cabinet, contact_centre

app_name = "appeals_cabinet"
urlpatterns = [
    path("", cabinet.queue, name="queue"),
    path("<uuid:public_id>/", cabinet.appeal_detail, name="appeal_detail"),
    path("<uuid:public_id>/route/", cabinet.appeal_route, name="appeal_route"),
    path("<uuid:public_id>/forward/", cabinet.appeal_forward, name="appeal_forward"),
    path("<uuid:public_id>/assign/", cabinet.appeal_assign, name="appeal_assign"),
    path("<uuid:public_id>/answer/", cabinet.appeal_answer, name="appeal_answer"),
    path(
        "<uuid:public_id>/answer/accept/",
        cabinet.appeal_answer_accept,
        name="appeal_answer_accept",
    ),
    path(
        "<uuid:public_id>/answer/return/",
        cabinet.appeal_answer_return,
        name="appeal_answer_return",
    ),
    path("<uuid:public_id>/extend/", cabinet.appeal_extend, name="appeal_extend"),
    path(
        "<uuid:public_id>/files/<uuid:file_id>/",
        cabinet.appeal_file,
        name="appeal_file",
    ),
    path("call/", contact_centre.contact_call, name="contact_call"),
    path(
        "call/<uuid:public_id>/",
        contact_centre.contact_call_done,
        name="contact_call_done",
    ),
    path("load/", contact_centre.contact_load, name="contact_load"),
]
