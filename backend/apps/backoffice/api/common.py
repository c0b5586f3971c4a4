"""What every back-office view shares: the door (managers only) and the salon from the URL."""

from datetime import date, datetime, time, timedelta

from rest_framework.views import APIView

from apps.bookings.api.context import booking_context as booking_context
from apps.core.serializers import validated as validated
from apps.salons.models import Salon

from ..access import IsSalonManager, managed_salon_get

TAG = "manage"


class ManageView(APIView):
    """For a salon's managers and platform admins: 403 `not_a_manager` for anyone else, 404
    `salon_not_found` for a salon the caller does not manage."""

    # (This docstring is the API docs' description of operations that have none of their own.)
    # The salon in the URL is checked before any input is read, so nothing about another salon's
    # objects, not even a validation error, leaks out.
    permission_classes = [IsSalonManager]
    _salon: Salon | None = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if "salon_id" in kwargs:
            self._salon = managed_salon_get(user=request.user, salon_id=kwargs["salon_id"])

    def salon(self, salon_id: int) -> Salon:
        if self._salon is not None and self._salon.pk == salon_id:
            return self._salon
        return managed_salon_get(user=self.request.user, salon_id=salon_id)


def salon_instant(value: date | datetime | None, salon: Salon, *, end: bool = False) -> datetime | None:
    """A datetime as is; a date as the start of that day in the salon's zone (of the next day for an
    inclusive `end`)."""
    if value is None or isinstance(value, datetime):
        return value
    if end:
        value += timedelta(days=1)
    return datetime.combine(value, time.min, tzinfo=salon.tz)
