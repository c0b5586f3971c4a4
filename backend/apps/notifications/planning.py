"""Who hears about a booking event, with which template, and the values the template is filled with.

The customer hears of every event but completion, no-show and hold expiry (a booking the salon did
not confirm in its window and let expire is told, `customer_not_confirmed`). The booking's stylist,
when linked to an active account, hears of a booking once it is real to them (confirmed, or
awaiting the salon's confirmation; an unpaid prepayment hold only once it is paid), then of each
cancellation and reschedule of it, but never of their own actions. A booking the salon gives to
another stylist is new to that stylist, and the one it was taken from hears that it moved; its
customer hears of the new stylist (and of the new time, if it changed).

The salon's managers hear of what customers do online: a new booking (when the stylist would), a
cancellation or a reschedule by the customer. A manager who is the booked stylist, the customer or
the one who acted hears nothing more. Managers and stylists get these alerts by SMS only if they
chose to (`salon_alerts_by_sms`); otherwise they are in their inbox only.

Booking messages are part of the service: they need no consent. A reminder is consent-based
(`apps.accounts.consents`): a customer who withdrew reminders on the channel messages go by finds it
in the inbox only.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.dateparse import parse_datetime

from apps.accounts.consents import consent_allows
from apps.accounts.models import ConsentPurpose, Language
from apps.bookings.models import Booking, BookingEvent, BookingStatus, CancelledByRole
from apps.payments.selectors import booking_has_money_held
from apps.salons.models import StaffMember

from .messages import PHRASES, format_amount, format_minutes, format_when, phrase, render
from .models import Notification, NotificationEvent

User = get_user_model()


@dataclass(frozen=True)
class EventFacts:
    """What an event adds to the booking's own details."""

    old_start: datetime | None = None
    amount: int | None = None
    currency: str = "SAR"
    refund_expected: bool = False
    cancelled_by: str = ""
    refund_reason: str = ""
    hold_minutes: int | None = None  # a waitlist's offer: how long the time is held


@dataclass(frozen=True)
class PlannedMessage:
    recipient_id: int
    language: str
    template: str
    facts: EventFacts = field(default_factory=EventFacts)
    by_sms: bool = True  # False: the inbox only
    withheld_by_consent: bool = False  # the recipient withdrew consent for this on the channel

    def render(self, booking: Booking) -> str:
        return render(self.template, language=self.language, values=booking_values(booking, self.language, self.facts))


def instant_key(instant: datetime) -> str:
    """An instant as a stable string for unique keys: UTC, to the second."""
    return instant.astimezone(UTC).isoformat(timespec="seconds")


def occurrence_for(booking: Booking, event: str, data: dict) -> str:
    """What tells apart repeated events of the same kind on one booking."""
    if event == NotificationEvent.RESCHEDULED:
        # The move's rank among the booking's moves (its audit row is already written): moving back
        # to an earlier time is a new occurrence, a replay of the same move is not.
        new_start = parse_datetime(str(data.get("new_start", ""))) or booking.start
        moves = BookingEvent.objects.filter(booking=booking, data__has_key="new_start").count()
        return f"{moves}@{instant_key(new_start)}"
    if event == NotificationEvent.REMINDER:
        return instant_key(booking.start)
    if event == NotificationEvent.PAYMENT_RECEIVED:
        return str(data.get("payment_id", ""))[:64]
    if event == NotificationEvent.REFUND_ISSUED:
        return str(data.get("refund_id", ""))[:64]
    return ""


def language_of(user) -> str:
    return user.preferred_language if user.preferred_language in Language.values else Language.ARABIC


def invoice_url(booking: Booking) -> str:
    """The SPA's page of the booking's invoice (it exists once the booking is paid online)."""
    return f"{settings.FRONTEND_URL}/bookings/{booking.pk}/invoice"


def waitlist_offer_url(booking: Booking) -> str:
    """The SPA's page of a time the waitlist holds for the customer (the booking is the offer's key)."""
    return f"{settings.FRONTEND_URL}/waitlist/offers/{booking.pk}"


def booking_values(booking: Booking, language: str, facts: EventFacts) -> dict[str, str]:
    with translation.override(language):
        values = {
            "ref": booking.reference,
            "salon": booking.salon.name,
            "service": booking.service.name,
            "stylist": booking.staff.name,
            "customer": booking.customer.first_name or phrase("a_customer", language),
        }
    values["invoice_url"] = invoice_url(booking)
    values["offer_url"] = waitlist_offer_url(booking)
    tz = booking.salon.tz
    values["when"] = format_when(booking.start, tz, language)
    values["when_short"] = format_when(booking.start, tz, language, weekday=False)
    old_start = facts.old_start
    values["old_when"] = format_when(old_start, tz, language) if old_start else ""
    values["old_when_short"] = format_when(old_start, tz, language, weekday=False) if old_start else ""
    values["minutes"] = format_minutes(facts.hold_minutes or booking.salon.hold_minutes, language)
    values["amount"] = format_amount(facts.amount, facts.currency, language) if facts.amount is not None else ""
    values["refund"] = phrase("refund", language) if facts.refund_expected else ""
    by_key = f"by_{facts.cancelled_by}"
    values["by"] = phrase(by_key, language) if facts.cancelled_by and by_key in PHRASES else ""
    reason_key = f"reason_{facts.refund_reason}"
    values["reason"] = phrase(reason_key, language) if facts.refund_reason and reason_key in PHRASES else ""
    return values


def plan_booking_event(booking: Booking, event: str, *, actor_id: int | None, data: dict) -> list[PlannedMessage]:
    """The messages `event` calls for; none for events nobody is told about (completed, no-show, expired)."""
    customer_template = _customer_template(booking, event, data)
    if customer_template is None:
        return []
    facts = _facts(booking, event, data)
    consented = event != NotificationEvent.REMINDER or consent_allows(
        booking.customer_id, ConsentPurpose.REMINDERS, settings.NOTIFICATION_DEFAULT_CHANNEL
    )
    planned = [
        PlannedMessage(
            booking.customer_id,
            language_of(booking.customer),
            customer_template,
            facts,
            by_sms=consented,
            withheld_by_consent=not consented,
        )
    ]
    for staff_user, staff_template in _staff_messages(booking, event, data):
        if (
            staff_template is not None
            and staff_user is not None
            and staff_user.is_active
            and staff_user.pk not in (actor_id, booking.customer_id)
            and not (event == NotificationEvent.CONFIRMED and _told_of_creation(booking, staff_user.pk))
        ):
            planned.append(
                PlannedMessage(
                    staff_user.pk,
                    language_of(staff_user),
                    staff_template,
                    facts,
                    by_sms=staff_user.salon_alerts_by_sms,
                )
            )
    manager_template = _manager_template(booking, event, actor_id)
    if manager_template is not None:
        told = {message.recipient_id for message in planned} | {actor_id, booking.customer_id}
        planned.extend(
            PlannedMessage(
                manager.pk, language_of(manager), manager_template, facts, by_sms=manager.salon_alerts_by_sms
            )
            for manager in booking.salon.managers.filter(is_active=True).order_by("pk")
            if manager.pk not in told
        )
    return planned


# --- Decisions ----------------------------------------------------------------------------------


def _old_staff_id(booking: Booking, event: str, data: dict) -> int | None:
    """The stylist a reschedule took the booking from, when it changed the stylist."""
    old_staff_id = data.get("old_staff_id") if event == NotificationEvent.RESCHEDULED else None
    return old_staff_id if isinstance(old_staff_id, int) and old_staff_id != booking.staff_id else None


def _customer_template(booking: Booking, event: str, data: dict) -> str | None:
    if _old_staff_id(booking, event, data) is not None and data.get("old_start") == data.get("new_start"):
        return "customer_stylist_changed"
    if event == NotificationEvent.CREATED:
        if booking.status == BookingStatus.CONFIRMED:
            return "customer_confirmed"
        if data.get("waitlist_offer"):
            return "customer_waitlist_offer"
        return "customer_created_hold" if booking.hold_expires_at is not None else "customer_created_awaiting"
    if event == NotificationEvent.CANCELLED:
        return {
            CancelledByRole.CUSTOMER: "customer_cancelled_by_customer",
            CancelledByRole.SALON: "customer_cancelled_by_salon",
        }.get(booking.cancelled_by_role, "customer_cancelled")
    if event == NotificationEvent.EXPIRED:
        return "customer_not_confirmed" if data.get("lapsed") == "not_confirmed" else None
    if event == NotificationEvent.CONFIRMED and booking_has_money_held(booking_id=booking.pk):
        return "customer_confirmed_paid"  # paid online: the message links to the invoice
    return {
        NotificationEvent.CONFIRMED: "customer_confirmed",
        NotificationEvent.RESCHEDULED: "customer_rescheduled",
        NotificationEvent.REMINDER: "customer_reminder",
        NotificationEvent.PAYMENT_RECEIVED: "customer_payment_received",
        NotificationEvent.REFUND_ISSUED: "customer_refund_issued",
    }.get(event)


def _staff_messages(booking: Booking, event: str, data: dict) -> list[tuple[User | None, str | None]]:
    """(stylist's account, template) pairs. A booking given to another stylist is new to them, and
    the stylist it was taken from hears that it moved (when they had heard of it)."""
    old_staff_id = _old_staff_id(booking, event, data)
    if old_staff_id is None:
        return [(booking.staff.user, _staff_template(booking, event))]
    old_staff = StaffMember.objects.select_related("user").filter(pk=old_staff_id).first()
    return [
        (booking.staff.user, _staff_template(booking, NotificationEvent.CREATED)),
        (
            old_staff.user if old_staff is not None else None,
            "staff_reassigned_away" if _was_known_to_salon(booking, booking.status) else None,
        ),
    ]


def _staff_template(booking: Booking, event: str) -> str | None:
    if event == NotificationEvent.CREATED:
        if booking.status == BookingStatus.CONFIRMED:
            return "staff_new_confirmed"
        return None if booking.hold_expires_at is not None else "staff_new_awaiting"
    if event == NotificationEvent.CONFIRMED:
        return "staff_new_confirmed"
    if event == NotificationEvent.CANCELLED:
        return "staff_cancelled" if _was_known_to_salon(booking, _status_before_last_change(booking)) else None
    if event == NotificationEvent.RESCHEDULED:
        return "staff_rescheduled" if _was_known_to_salon(booking, booking.status) else None
    return None


def _manager_template(booking: Booking, event: str, actor_id: int | None) -> str | None:
    """What the managers hear of what the customer did online; nothing of the desk's own bookings."""
    online = booking.created_by_id == booking.customer_id
    if event == NotificationEvent.CREATED and online:
        # An unpaid prepayment hold is not a booking yet: it is announced once paid (confirmed).
        if booking.status == BookingStatus.CONFIRMED:
            return "manager_new_booking"
        return None if booking.hold_expires_at is not None else "manager_new_awaiting"
    if event == NotificationEvent.CONFIRMED and online and booking.hold_expires_at is not None:
        return "manager_new_booking"
    if event == NotificationEvent.CANCELLED and booking.cancelled_by_role == CancelledByRole.CUSTOMER:
        return "manager_cancelled" if _was_known_to_salon(booking, _status_before_last_change(booking)) else None
    if event == NotificationEvent.RESCHEDULED and actor_id is not None and actor_id == booking.customer_id:
        return "manager_rescheduled" if _was_known_to_salon(booking, booking.status) else None
    return None


def _was_known_to_salon(booking: Booking, status: str) -> bool:
    """Whether the stylist (and the managers) had been told of the booking: anything but an unpaid
    prepayment hold."""
    return not (status in (BookingStatus.PENDING, BookingStatus.EXPIRED) and booking.hold_expires_at is not None)


def _told_of_creation(booking: Booking, user_id: int) -> bool:
    """A booking awaiting the salon's confirmation was announced when made; a paid hold was not."""
    return Notification.objects.filter(booking=booking, recipient_id=user_id, event=NotificationEvent.CREATED).exists()


def _status_before_last_change(booking: Booking) -> str:
    last = BookingEvent.objects.filter(booking=booking).order_by("-id").values_list("from_status", flat=True).first()
    return last or booking.status


def _facts(booking: Booking, event: str, data: dict) -> EventFacts:
    if event == NotificationEvent.CREATED and isinstance(data.get("hold_minutes"), int):
        return EventFacts(hold_minutes=data["hold_minutes"])
    if event == NotificationEvent.RESCHEDULED:
        return EventFacts(old_start=parse_datetime(str(data.get("old_start", ""))))
    if event == NotificationEvent.CANCELLED:
        return EventFacts(
            refund_expected=booking_has_money_held(booking_id=booking.pk), cancelled_by=booking.cancelled_by_role
        )
    if event in (NotificationEvent.PAYMENT_RECEIVED, NotificationEvent.REFUND_ISSUED):
        amount = data.get("amount")
        return EventFacts(
            amount=amount if isinstance(amount, int) else None,
            currency=str(data.get("currency") or booking.currency),
            refund_reason=str(data.get("reason", "")),
        )
    return EventFacts()
