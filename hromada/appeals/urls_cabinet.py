"""The staff's appeals workplace, mounted at ``/cabinet/appeals/``."""

from django.urls import path

from hromada.appeals.views import cabinet, contact_centre
from hromada.appeals.views import dictionaries as dictionary_views

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

# Where administrators keep the category tree and the routing rules.
urlpatterns += [
    path(
        "settings/categories/",
        dictionary_views.category_list,
        name="category_list",
    ),
    path(
        "settings/categories/new/",
        dictionary_views.category_create,
        name="category_create",
    ),
    path(
        "settings/categories/<uuid:public_id>/",
        dictionary_views.category_edit,
        name="category_edit",
    ),
    path(
        "settings/categories/<uuid:public_id>/questions/new/",
        dictionary_views.question_create,
        name="question_create",
    ),
    path(
        "settings/categories/<uuid:public_id>/questions/<uuid:question_id>/",
        dictionary_views.question_edit,
        name="question_edit",
    ),
    path(
        "settings/categories/<uuid:public_id>/questions/<uuid:question_id>/remove/",
        dictionary_views.question_remove,
        name="question_remove",
    ),
    path(
        "settings/routing/",
        dictionary_views.routing_rule_list,
        name="routing_rule_list",
    ),
    path(
        "settings/routing/new/",
        dictionary_views.routing_rule_create,
        name="routing_rule_create",
    ),
    path(
        "settings/routing/try/",
        dictionary_views.routing_try,
        name="routing_try",
    ),
    path(
        "settings/routing/<uuid:public_id>/",
        dictionary_views.routing_rule_edit,
        name="routing_rule_edit",
    ),
]
