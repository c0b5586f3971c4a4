"""Load shedding: a request that waited in a queue longer than its client will wait is answered 503
at once instead of being worked on.

Under overload, requests queue in the listen backlog and in front of gunicorn's threads; a WSGI
worker cannot see that the client has given up, so without this it would spend its time on answers
nobody reads, and every later request would be late too. The load balancer stamps each request
with the moment it arrived (`X-Request-Start: t=<epoch seconds or milliseconds or microseconds>`,
e.g. nginx `proxy_set_header X-Request-Start "t=${msec}";`); when the wait exceeds
`REQUEST_QUEUE_TIMEOUT_SECONDS` (0 turns it off) the answer is the usual error body with
`Retry-After`, and the shed request is counted. Without the header nothing changes.
"""

import logging
import time

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _

from apps.core.exceptions import error_body
from apps.core.observability.metrics import SHED_REQUESTS

logger = logging.getLogger(__name__)

SHED_RETRY_AFTER_SECONDS = 5


def queued_seconds(header: str, now: float) -> float | None:
    """How long ago `X-Request-Start` says the request arrived; None when the header is unusable."""
    value = header.strip().removeprefix("t=")
    try:
        stamp = float(value)
    except ValueError:
        return None
    # Seconds, milliseconds or microseconds since the epoch, told apart by their size.
    for divisor in (1, 1_000, 1_000_000):
        seconds = stamp / divisor
        if seconds < now + 86_400:
            return max(0.0, now - seconds)
    return None


class LoadSheddingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.REQUEST_QUEUE_TIMEOUT_SECONDS
        header = request.META.get("HTTP_X_REQUEST_START")
        if limit and header:
            waited = queued_seconds(header, time.time())
            if waited is not None and waited > limit:
                SHED_REQUESTS.inc()
                logger.warning("Shed a request that waited %.1f s in the queue", waited, extra={"queued_s": waited})
                body = error_body(_("The service is busy. Please try again shortly."), "overloaded")
                return JsonResponse(body, status=503, headers={"Retry-After": str(SHED_RETRY_AFTER_SECONDS)})
        return self.get_response(request)
