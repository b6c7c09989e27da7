"""The staff's analytics, mounted at ``/cabinet/analytics/``."""

from django.urls import path

from hromada.analytics import views

app_name = "analytics_cabinet"
urlpatterns = [
    path("appeals/", views.cabinet_appeal_stats, name="appeal_stats"),
    path(
        "appeals/report-858.xlsx",
        views.cabinet_report_858,
        name="appeal_report_858",
    ),
]
