"""Root URLs (ARCHITECTURE.md §5)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from hromada.core import views as core_views
from hromada.ui import views as ui_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", ui_views.language_set, name="set_language"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("my/appeals/", include("hromada.appeals.urls_my")),
    path("my/", include("hromada.accounts.urls")),
    path("cabinet/", include("hromada.ui.urls")),
    path("cabinet/org/", include("hromada.org.urls")),
    path("cabinet/documents/", include("hromada.documents.urls")),
    path("cabinet/appeals/", include("hromada.appeals.urls_cabinet")),
    path("cabinet/notifications/", include("hromada.notifications.urls")),
    path("cabinet/gis/", include("hromada.gis.urls_cabinet")),
    path("cabinet/analytics/", include("hromada.analytics.urls_cabinet")),
    path("cabinet/api/", include("hromada.api.urls_cabinet")),
    path("api/", include("hromada.api.urls")),
    path("open311/v2/", include("hromada.api.open311.urls")),
    path("map/", include("hromada.gis.urls")),
    path("appeals/stats/", include("hromada.analytics.urls")),
    path("appeals/", include("hromada.appeals.urls")),
    path("", include("hromada.portal.urls")),
]

handler400 = "hromada.ui.views.error_400"
handler403 = "hromada.ui.views.error_403"
handler404 = "hromada.ui.views.error_404"
handler500 = "hromada.ui.views.error_500"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
