from apps.accounts import admin_two_factor
from apps.core import health
from apps.core import views as core_views
from apps.core.csp import csp_report
from apps.core.media import serve_media
from apps.core.observability.metrics import metrics_view
from apps.discovery import first_screen
from apps.discovery.api import views as discovery_views
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

api_patterns = [
    path("health/", health.liveness, name="health"),
    path("health/ready/", health.readiness, name="health-ready"),
    path("csp-report/", csp_report, name="csp-report"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="docs"),
    path("auth/", include("apps.privacy.api.urls")),
    path("auth/", include("apps.accounts.api.urls")),
    path("auth/passkeys/", include("apps.passkeys.api.urls")),
    path("auth/social/", include("apps.social_auth.api.urls")),
    path("salons/", include("apps.discovery.api.urls")),
    path("map-config/", discovery_views.MapConfigView.as_view(), name="map-config"),
    path("salons/", include("apps.salons.api.urls")),
    path("favourites/", include("apps.salons.api.favourite_urls")),
    path("payments/", include("apps.payments.api.urls")),
    path("", include("apps.bookings.api.urls")),
    path("", include("apps.packages.api.urls")),
    path("", include("apps.invoicing.api.views")),
    path("notifications/", include("apps.notifications.api.urls")),
    path("waitlist/", include("apps.waitlist.api.urls")),
    path("manage/", include("apps.backoffice.api.urls")),
    path("manage/", include("apps.reports.api.urls")),
    path("manage/", include("apps.invoicing.api.manage")),
    path("manage/", include("apps.ledger.api.urls")),
    path("manage/", include("apps.zatca.api.urls")),
    path("manage/", include("apps.packages.api.manage_urls")),
    path("calendar/google/", include("apps.google_calendar.api.urls")),
    path("calendar/", include("apps.calendars.api.urls")),
]

media_patterns = [re_path(r"^media/(?P<path>.*)$", serve_media)] if settings.SERVE_MEDIA else []

urlpatterns = [
    path("api/", include(api_patterns)),
    *admin_two_factor.urls,
    path("admin/", admin.site.urls),
    path("metrics", metrics_view, name="metrics"),
    *media_patterns,
    # The SPA's pages; the home page and a salon's come with a server-rendered first screen.
    path("", first_screen.home_page, name="spa-home"),
    re_path(r"^salons/(?P<salon_id>[0-9]{1,9})/?$", first_screen.salon_page, name="spa-salon"),
    # Every other path is a client-side route of the SPA.
    re_path(r"^(?!api/|admin/|static/|media/|assets/|metrics$)(?P<path>.*)$", core_views.spa_index, name="spa"),
]

handler400 = "apps.core.views.bad_request"
handler404 = "apps.core.views.not_found"
handler500 = "apps.core.views.server_error"
