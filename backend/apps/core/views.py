import logging
import sys

from django.conf import settings
from django.db import connection
from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from .exceptions import DATABASE_OUTAGE_ERRORS, DATABASE_OUTAGE_RETRY_AFTER_SECONDS, database_unavailable, error_body

logger = logging.getLogger(__name__)


@extend_schema(
    summary="Health check",
    responses={
        200: inline_serializer("Health", {"status": serializers.CharField()}),
        503: inline_serializer(
            "HealthDown",
            {"status": serializers.CharField(), "detail": serializers.CharField(), "code": serializers.CharField()},
        ),
    },
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def health(request):
    """Answers 200 once the database answers a query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        logger.exception("Health check: database unreachable")
        body = {"status": "error", **error_body(_("The database is unreachable."), "database_unavailable")}
        return Response(body, status=503)
    return Response({"status": "ok"})


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
