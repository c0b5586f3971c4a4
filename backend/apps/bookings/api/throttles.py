"""The bookings API's throttles (DRF, counted in the default cache)."""

from django.conf import settings
from rest_framework.throttling import UserRateThrottle


class BookingCreateThrottle(UserRateThrottle):
    """Creating bookings, per signed-in user, at BOOKINGS_CREATE_THROTTLE_RATE (read per request, so
    the setting can change without a code change). Over the rate: 429 `throttled` with `Retry-After`."""

    scope = "bookings_create"

    def get_rate(self) -> str:
        return settings.BOOKINGS_CREATE_THROTTLE_RATE
