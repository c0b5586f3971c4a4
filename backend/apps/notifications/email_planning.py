"""Which messages also go by email: a row of its own (`Channel.EMAIL`) beside the message, under the
same unique key, sent, retried and recorded by the same sender.

A customer whose address is verified and deliverable, and who did not unsubscribe, gets every booking
message addressed to them by email too (`apps.accounts.email_delivery`); a reminder by email also
needs their consent to reminders on email. A manager who opted in gets tomorrow's bookings by email.
Salon alerts to stylists and managers stay SMS and inbox only. Whether the address may still be
mailed is checked again when the email is sent.
"""

from django.utils import timezone

from apps.accounts.consents import consent_allows
from apps.accounts.email_delivery import AGENDA_EMAILS, BOOKING_EMAILS, email_wanted
from apps.accounts.models import ConsentChannel, ConsentPurpose, User
from apps.bookings.models import Booking

from .models import Channel, Notification, NotificationEvent, NotificationStatus


def booking_email_copies(booking: Booking, rows: list[Notification]) -> list[Notification]:
    """The email copies of the customer's rows among `rows` (unsaved), when the customer is mailed."""
    customer = booking.customer
    return [
        email_copy(row)
        for row in rows
        if row.recipient_id == customer.pk and booking_email_allowed(customer, row.event)
    ]


def booking_email_allowed(customer: User, event: str) -> bool:
    if not email_wanted(customer, BOOKING_EMAILS):
        return False
    return event != NotificationEvent.REMINDER or consent_allows(
        customer.pk, ConsentPurpose.REMINDERS, ConsentChannel.EMAIL
    )


def agenda_email_allowed(manager: User) -> bool:
    return email_wanted(manager, AGENDA_EMAILS)


def email_copy(row: Notification) -> Notification:
    return Notification(
        recipient_id=row.recipient_id,
        booking=row.booking,
        event=row.event,
        occurrence=row.occurrence,
        template=row.template,
        language=row.language,
        body=row.body,
        channel=Channel.EMAIL,
        status=NotificationStatus.PENDING,
        next_attempt_at=timezone.now(),
    )
