"""Open311 GeoReport v2, mounted at ``/open311/v2/`` (STANDARDS §1.1).

Each path is matched exactly with its format suffix, so ``APPEND_SLASH``
never redirects (§0.2.3); an unknown path or suffix (``requests.csv``)
answers 404 in Open311's shape.
"""

from django.urls import re_path

from hromada.api.open311 import endpoints, views, views_public
from hromada.api.open311.params import ID_PATTERN

FORMAT = r"\.(?P<fmt>xml|json)$"

app_name = "open311"
urlpatterns = [
    re_path(r"^discovery" + FORMAT, views.discovery, name="discovery"),
    re_path(r"^discovery\.html$", views_public.discovery_page, name="discovery_page"),
    re_path(r"^services" + FORMAT, views.service_list, name="service_list"),
    re_path(
        rf"^services/(?P<code>{ID_PATTERN})" + FORMAT,
        views.service_definition,
        name="service_definition",
    ),
    re_path(r"^requests" + FORMAT, views.request_list, name="request_list"),
    re_path(
        rf"^requests/(?P<public_id>{ID_PATTERN})" + FORMAT,
        views.request_detail,
        name="request_detail",
    ),
    re_path(
        rf"^tokens/(?P<token>{ID_PATTERN})" + FORMAT,
        views.token_detail,
        name="token_detail",
    ),
    re_path(r"^servicerequestupdates" + FORMAT, views.update_list, name="update_list"),
    re_path(r"^(?P<path>.*)$", endpoints.not_found),
]
