"""Version 1 of the API: each room's endpoints in one list."""

from hromada.api.v1.documents import urls as documents_urls

app_name = "v1"
urlpatterns = [*documents_urls.urlpatterns]
