"""The one door from bookings to the apps that react to a booking's changes.

`booking_event_occurred` is called inside the transaction that changed the booking, so whatever
the reactions record (a refund to make, messages to send) commits or rolls back with the change;
anything that leaves the process (SMS, gateway calls) happens after commit, in those apps.
"""

import logging

logger = logging.getLogger(__name__)


def booking_event_occurred(*, booking_id: int, event: str, actor_id: int | None, data: dict | None = None) -> None:
    # Imported here: payments and notifications import the bookings services themselves.
    from apps.notifications.services import notification_booking_event
    from apps.payments.services import payment_booking_event

    logger.info("Booking %s %s by %s", booking_id, event, f"user {actor_id}" if actor_id else "the system")
    payment_booking_event(booking_id=booking_id, event=event, actor_id=actor_id)
    notification_booking_event(booking_id=booking_id, event=event, actor_id=actor_id, data=data)
