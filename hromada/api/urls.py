"""The API's URLs, mounted at ``/api/`` (STANDARDS §0.1)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from hromada.api import errors

app_name = "api"
urlpatterns = [
    path("v1/", include("hromada.api.v1.urls")),
    path(
        "schema/",
        login_not_required(SpectacularAPIView.as_view()),
        name="schema",
    ),
    # Anything else under /api/ answers 404 in the API's shape, never HTML and
    # never an APPEND_SLASH redirect (STANDARDS §0.2.3).
    re_path(r"^", login_not_required(errors.not_found)),
]
