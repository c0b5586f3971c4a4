"""What every back-office view shares: the door (managers only) and the salon from the URL."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from rest_framework.views import APIView

from apps.bookings.selectors import managed_salon_ids
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


def validated(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def salon_instant(value: date | datetime | None, salon: Salon, *, end: bool = False) -> datetime | None:
    """A datetime as is; a date as the start of that day in the salon's zone (of the next day for an
    inclusive `end`)."""
    if value is None or isinstance(value, datetime):
        return value
    if end:
        value += timedelta(days=1)
    return datetime.combine(value, time.min, tzinfo=salon.tz)


def booking_context(request) -> dict:
    """What the bookings' standard representation (`BookingSerializer`) needs about the caller."""
    return {"user": request.user, "managed_salon_ids": managed_salon_ids(request.user), "now": timezone.now()}
