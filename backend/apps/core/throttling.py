"""Request rate limits (DRF throttles) on the cache shared by every server process.

Every DRF view is throttled by `ScopedRateThrottle` (the default throttle class):
- a view with `throttle_scope = "<scope>"` is limited at `settings.THROTTLE_RATES[scope]`, per signed-in
  user, or per client address for anonymous callers (always per address with `throttle_by_ip = True`,
  for views that must not read the token before they decide to);
- any other view is limited for anonymous callers only, at the generous `anon` rate per address.

Rates are read at request time ("<count>/<period>", period `s`, `m`, `h` or `d`, optionally with a
multiplier: "5/15m"); an empty rate switches a scope off. Over the limit DRF raises `Throttled`,
answered 429 with `Retry-After` and the error body (code `throttled`). The history of requests lives
in `CACHES["default"]`: Redis or the database cache, shared by all processes (docs/runbooks/security.md).
"""

import logging
import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from rest_framework.throttling import SimpleRateThrottle

from .net import client_ip

logger = logging.getLogger(__name__)

ANONYMOUS_SCOPE = "anon"
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])[a-z]*\s*$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "100/m" -> (100, 60); "5/15m" -> (5, 900)."""
    match = _RATE.match(rate)
    if not match:
        raise ImproperlyConfigured(f"Invalid throttle rate {rate!r}: expected e.g. 100/m or 5/15m.")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * _SECONDS[unit]


class ScopedRateThrottle(SimpleRateThrottle):
    def __init__(self):  # the scope (and so the rate) is known per view, in `allow_request`
        self.scope = None

    def allow_request(self, request, view) -> bool:
        self.scope = getattr(view, "throttle_scope", None)
        self.by_ip = getattr(view, "throttle_by_ip", False)
        if self.scope is None:
            if self._signed_in(request):
                return True
            self.scope, self.by_ip = ANONYMOUS_SCOPE, True
        self.rate = settings.THROTTLE_RATES.get(self.scope, "")
        if not self.rate:
            return True
        self.num_requests, self.duration = parse_rate(self.rate)
        try:
            return super().allow_request(request, view)
        except Exception:  # the cache is down: serve rather than fail every request (logged for alerts)
            logger.exception("Throttle cache unavailable; request allowed (scope %s)", self.scope)
            return True

    def parse_rate(self, rate):
        return parse_rate(rate)

    def get_cache_key(self, request, view) -> str:
        if not self.by_ip and self._signed_in(request):
            return f"throttle:{self.scope}:user:{request.user.pk}"
        return f"throttle:{self.scope}:ip:{client_ip(request)}"

    @staticmethod
    def _signed_in(request) -> bool:
        user = getattr(request, "user", None)
        return bool(user and user.is_authenticated)
