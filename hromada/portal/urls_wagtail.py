"""Wagtail's public URLs, open to visitors who have not signed in: files,
pictures, and every page (the catch-all, which must come last).

Not namespaced: Wagtail finds these by their own names.
"""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, path, re_path
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views
from wagtail.images.views.serve import ServeView

from hromada.portal import views

urlpatterns: list[URLPattern] = [
    re_path(
        r"^documents/(\d+)/(.*)$",
        login_not_required(document_views.serve),
        name="wagtaildocs_serve",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        login_not_required(document_views.authenticate_with_password),
        name="wagtaildocs_authenticate_with_password",
    ),
    re_path(
        r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$",
        login_not_required(ServeView.as_view(action="serve")),
        name="wagtailimages_serve",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        login_not_required(wagtail_views.authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
    re_path(r"^((?:[\w\-]+/)*)$", views.page_serve, name="wagtail_serve"),
]
