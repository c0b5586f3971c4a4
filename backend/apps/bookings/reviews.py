"""Reviews: a customer reviews a completed booking once, and the salon's rating follows."""

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone

from apps.salons.models import Salon

from ._steps import busy_as_503, caller_actors, locked_booking
from .errors import AlreadyReviewed
from .models import Review
from .selectors import worked_salon_ids
from .state import Action, check_action


@busy_as_503()
def review_create(*, booking_id: int, actor, rating: int, comment: str = "", now: datetime | None = None) -> Review:
    """The customer reviews a completed booking once; the salon's rating is recomputed in the same
    transaction, under a lock on the salon row. Someone who works at the salon (a stylist or a
    manager) cannot review it, even a booking of their own."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = locked_booking(booking_id)
        works_at_salon = booking.salon_id in worked_salon_ids(actor)
        check_action(booking, Action.REVIEW, caller_actors(booking, actor), now, works_at_salon=works_at_salon)
        salon = Salon.objects.select_for_update().get(pk=booking.salon_id)
        try:
            with transaction.atomic():
                review = Review.objects.create(
                    booking=booking, salon=salon, customer=booking.customer, rating=rating, comment=comment.strip()
                )
        except IntegrityError as exc:
            raise AlreadyReviewed() from exc
        salon_rating_recompute(salon=salon)
    return review


def salon_rating_recompute(*, salon: Salon) -> None:
    """Set the salon's denormalised rating average and count from its reviews (call it with the salon locked)."""
    stats = Review.objects.filter(salon=salon).aggregate(average=Avg("rating"), count=Count("pk"))
    salon.rating_average = Decimal(str(stats["average"] or 0)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    salon.rating_count = stats["count"]
    salon.save(update_fields=["rating_average", "rating_count", "updated_at"])
