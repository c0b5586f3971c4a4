"""Liveness and readiness probes for load balancers and orchestrators.

- `/api/health/` (liveness): the process answers. No database query: a database outage must not make
  every app server look dead and get restarted, which would not help.
- `/api/health/ready/` (readiness): this server can do its work: the database answers, the shared
  cache answers, and every migration of this code is applied (a server started before `migrate`
  during a release stays out of the pool until it is).
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, authentication_classes, permission_classes, throttle_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from .exceptions import error_body

logger = logging.getLogger(__name__)

# Migrations cannot be unapplied under a running server: once all are seen applied, stop looking.
_migrations_seen_applied = False


@extend_schema(summary="Liveness", responses={200: inline_serializer("Health", {"status": serializers.CharField()})})
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
@throttle_classes([])
def liveness(request):
    """Answers 200 while the process serves requests."""
    return Response({"status": "ok"})


def _check_database() -> None:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    key = f"readiness:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def _check_migrations() -> None:
    global _migrations_seen_applied
    if _migrations_seen_applied:
        return
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        raise RuntimeError(f"{len(pending)} migrations not applied")
    _migrations_seen_applied = True


CHECKS = {"database": _check_database, "cache": _check_cache, "migrations": _check_migrations}


@extend_schema(
    summary="Readiness",
    responses={
        200: inline_serializer(
            "Readiness",
            {"status": serializers.CharField(), "checks": serializers.DictField(child=serializers.CharField())},
        ),
        503: inline_serializer(
            "ReadinessDown",
            {
                "status": serializers.CharField(),
                "checks": serializers.DictField(child=serializers.CharField()),
                "detail": serializers.CharField(),
                "code": serializers.CharField(),
            },
        ),
    },
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
@throttle_classes([])
def readiness(request):
    """Answers 200 when the database and the cache answer and every migration is applied, else 503."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception:  # any failure of a dependency means "not ready"; the log says which
            logger.exception("Readiness check %s failed", name)
            results[name] = "error"
    if all(result == "ok" for result in results.values()):
        return Response({"status": "ok", "checks": results})
    failed = ", ".join(name for name, result in results.items() if result != "ok")
    body = {
        "status": "error",
        "checks": results,
        **error_body(_("Not ready: %(checks)s.") % {"checks": failed}, "not_ready"),
    }
    return Response(body, status=503, headers={"Retry-After": "5"})
