"""One middleware for what every request leaves behind: its id, its log line, its metrics."""

import logging
import time

from django.db import connection

from .context import request_id_from, request_id_var
from .metrics import DB_QUERIES, HTTP_REQUESTS

logger = logging.getLogger("apps.request")


class RequestObservabilityMiddleware:
    """Takes the request id from `X-Request-ID` (or makes one) and returns it; after the answer, logs one
    line (method, route pattern, status, duration, user id, query count, request id) and records the
    request's duration and query count by route. The path's own values (ids, slugs) and the query string
    stay out of both: routes are few, paths are personal."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request.META.get("HTTP_X_REQUEST_ID"))
        request.request_id = request_id
        token = request_id_var.set(request_id)
        queries = 0

        def count_query(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        try:
            with connection.execute_wrapper(count_query):
                response = self.get_response(request)
            response["X-Request-ID"] = request_id
            self._record(request, response.status_code, time.perf_counter() - started, queries)
            return response
        finally:
            request_id_var.reset(token)

    def _record(self, request, status: int, elapsed: float, queries: int) -> None:
        match = getattr(request, "resolver_match", None)
        route = f"/{match.route}" if match is not None and match.route else "unmatched"
        user = getattr(request, "user", None)
        user_id = user.pk if user is not None and user.is_authenticated else None
        HTTP_REQUESTS.labels(request.method, route, str(status)).observe(elapsed)
        DB_QUERIES.labels(route).observe(queries)
        duration_ms = round(elapsed * 1000, 1)
        logger.info(
            "%s %s %s in %.0f ms",
            request.method,
            route,
            status,
            duration_ms,
            extra={
                "method": request.method,
                "route": route,
                "status": status,
                "duration_ms": duration_ms,
                "user_id": user_id,
                "db_queries": queries,
            },
        )
