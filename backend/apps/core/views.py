import logging

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from .exceptions import error_body
from .spa import spa_response

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
    """Serve the built SPA's index.html for every client-side route (compressed: see `spa.py`)."""
    return spa_response(request)


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
