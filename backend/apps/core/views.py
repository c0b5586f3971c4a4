import logging
import sys

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from .exceptions import DATABASE_OUTAGE_ERRORS, DATABASE_OUTAGE_RETRY_AFTER_SECONDS, database_unavailable, error_body
from .spa import spa_response

logger = logging.getLogger(__name__)


def spa_index(request, path=""):
    """Serve the built SPA's index.html for every client-side route (compressed: see `spa.py`)."""
    return spa_response(request)


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def not_found(request, exception=None):
    if _is_api(request):
        return JsonResponse(error_body(_("Not found."), "not_found"), status=404)
    return HttpResponse(_("Not found."), status=404, content_type="text/plain; charset=utf-8")


def server_error(request):
    # Django calls this while handling the exception: a database outage outside DRF's views (the admin,
    # a middleware) is a 503 too.
    if isinstance(sys.exc_info()[1], DATABASE_OUTAGE_ERRORS):
        return _database_unavailable(request)
    if _is_api(request):
        return JsonResponse(error_body(_("A server error occurred."), "server_error"), status=500)
    return HttpResponse(_("A server error occurred."), status=500, content_type="text/plain; charset=utf-8")


def bad_request(request, exception=None):
    if _is_api(request):
        return JsonResponse(error_body(_("Bad request."), "bad_request"), status=400)
    return HttpResponse(_("Bad request."), status=400, content_type="text/plain; charset=utf-8")


def _database_unavailable(request):
    if _is_api(request):
        error = database_unavailable()
        response = JsonResponse(error_body(error.message, error.code), status=error.status_code)
    else:
        response = HttpResponse(
            _("The service is temporarily unavailable. Please try again shortly."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response["Retry-After"] = str(DATABASE_OUTAGE_RETRY_AFTER_SECONDS)
    return response
