import logging

from django.conf import settings
from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .exceptions import error_body

logger = logging.getLogger(__name__)


def spa_index(request, path=""):
    """Serve the built SPA's index.html for every client-side route."""
    index = settings.SPA_DIST_DIR / "index.html"
    if index.is_file():
        response = FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")
        response["Cache-Control"] = "no-cache"
        return response
    return render(request, "core/no_spa.html", status=200)


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def not_found(request, exception=None):
    if _is_api(request):
        return JsonResponse(error_body(_("Not found."), "not_found"), status=404)
    return HttpResponse(_("Not found."), status=404, content_type="text/plain; charset=utf-8")


def server_error(request):
    if _is_api(request):
        return JsonResponse(error_body(_("A server error occurred."), "server_error"), status=500)
    return HttpResponse(_("A server error occurred."), status=500, content_type="text/plain; charset=utf-8")


def bad_request(request, exception=None):
    if _is_api(request):
        return JsonResponse(error_body(_("Bad request."), "bad_request"), status=400)
    return HttpResponse(_("Bad request."), status=400, content_type="text/plain; charset=utf-8")
