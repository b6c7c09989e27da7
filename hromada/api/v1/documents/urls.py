"""Routes of the documents endpoints under ``/api/v1/``."""

from django.urls import path

from hromada.api.v1.documents import views

urlpatterns = [
    path("documents/", views.DocumentListApi.as_view(), name="document_list"),
    path(
        "documents/<uuid:public_id>/",
        views.DocumentDetailApi.as_view(),
        name="document_detail",
    ),
    path(
        "documents/<uuid:public_id>/register/",
        views.DocumentRegisterApi.as_view(),
        name="document_register",
    ),
    path(
        "documents/<uuid:public_id>/files/",
        views.DocumentFileListApi.as_view(),
        name="document_file_list",
    ),
    path("tasks/", views.TaskListApi.as_view(), name="task_list"),
    path(
        "tasks/<uuid:public_id>/report/",
        views.TaskReportApi.as_view(),
        name="task_report",
    ),
    path("approvals/", views.ApprovalListApi.as_view(), name="approval_list"),
    path(
        "approvals/<uuid:public_id>/decide/",
        views.ApprovalDecideApi.as_view(),
        name="approval_decide",
    ),
]
