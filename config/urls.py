"""Root URLs (ARCHITECTURE.md §5)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls

from hromada.core import views as core_views
from hromada.portal import views as portal_views
from hromada.ui import views as ui_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", ui_views.language_set, name="set_language"),
    path("admin/", admin.site.urls),
    # The portal's editor (Wagtail); staff sign in through /accounts/ only.
    path("cms/login/", portal_views.cms_login, name="cms_login"),
    path("cms/", include(wagtailadmin_urls)),
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
    path("cabinet/acts/", include("hromada.registry.urls_cabinet")),
    path("cabinet/services/", include("hromada.cnap.urls_cabinet")),
    path("cabinet/opendata/", include("hromada.opendata.urls_cabinet")),
    path("cabinet/api/", include("hromada.api.urls_cabinet")),
    path("api/", include("hromada.opendata.urls_ckan")),
    path("api/", include("hromada.api.urls")),
    path("open311/v2/", include("hromada.api.open311.urls")),
    path("map/", include("hromada.gis.urls")),
    path("appeals/stats/", include("hromada.analytics.urls")),
    path("appeals/", include("hromada.appeals.urls")),
    path("opendata/", include("hromada.opendata.urls")),
    path("acts/", include("hromada.registry.urls")),
    path("services/", include("hromada.cnap.urls")),
    path("feeds/", include("hromada.registry.urls_feeds")),
    path("", include("hromada.portal.urls")),
    # Wagtail's files, pictures and pages; its catch-all must stay last.
    path("", include("hromada.portal.urls_wagtail")),
]

handler400 = "hromada.ui.views.error_400"
handler403 = "hromada.ui.views.error_403"
handler404 = "hromada.ui.views.error_404"
handler500 = "hromada.ui.views.error_500"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
