"""How notifications react to bookings' and payments' events (registered in
`NotificationsConfig.ready`): each event records the messages it calls for, in the publisher's
transaction, and they are sent after commit."""

from apps.bookings.events import BookingChanged
from apps.payments.events import MoneyMoved

from .services import notification_booking_event


def notify_booking_changed(change: BookingChanged) -> None:
    notification_booking_event(
        booking_id=change.booking_id,
        event=change.kind.value,
        actor_id=change.actor_id,
        data=dict(change.data),
        booking=change.booking,
    )


def notify_money_moved(moved: MoneyMoved) -> None:
    notification_booking_event(
        booking_id=moved.booking_id, event=moved.kind.value, actor_id=None, data=dict(moved.data)
    )
