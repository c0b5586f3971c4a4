"""Payment events produce the right messages, and every event is recorded exactly once, also when
replayed or raced."""

import pytest
from django.db import transaction

from apps.bookings import services as booking_services
from apps.bookings.models import Booking, BookingStatus
from apps.core.money import vat_included
from apps.notifications import planning
from apps.notifications.models import Notification, NotificationStatus
from apps.notifications.services import notification_booking_event
from apps.payments.models import Payment, PaymentStatus

pytestmark = pytest.mark.django_db


def messages_of(booking: Booking, **filters) -> list[tuple[str, str, str, str]]:
    """(recipient phone, event, template, language) of the booking's messages, oldest first."""
    rows = Notification.objects.filter(booking=booking, **filters).order_by("pk")
    return [(row.recipient.phone_number, row.event, row.template, row.language) for row in rows]


def body_for(booking: Booking, user, event: str) -> str:
    return Notification.objects.get(booking=booking, recipient=user, event=event).body


# --- payments -----------------------------------------------------------------------------------


def test_the_confirmation_of_a_booking_paid_online_links_to_its_invoice(book, salon, customer, settings):
    settings.FRONTEND_URL = "https://salon.example.sa"
    salon.requires_prepayment = True
    salon.save(update_fields=["requires_prepayment"])
    booking = book()
    Payment.objects.create(
        booking=booking,
        customer=customer,
        provider="fake",
        amount=booking.price_amount,
        currency="SAR",
        vat_amount=vat_included(booking.price_amount),
        status=PaymentStatus.PAID,
        method="creditcard",
    )

    booking_services.booking_confirm(booking_id=booking.pk, actor=None)  # as the payment does

    row = Notification.objects.get(booking=booking, recipient=customer, event="confirmed")
    assert row.template == "customer_confirmed_paid"
    assert row.body == (
        f"تم تأكيد حجزك {booking.reference} في صالون لمسات الجمال، الخميس، ٥ مارس في ٤:٣٠ م. "
        f"فاتورتك: https://salon.example.sa/bookings/{booking.pk}/invoice"
    )


def test_a_booking_confirmed_without_an_online_payment_has_no_invoice_link(book, manager, customer):
    booking = book()

    booking_services.booking_confirm(booking_id=booking.pk, actor=manager)

    row = Notification.objects.get(booking=booking, recipient=customer, event="confirmed")
    assert (row.template, "/invoice" in row.body) == ("customer_confirmed", False)


def test_a_payment_received_thanks_the_customer_with_the_amount(book, customer):
    booking = book()

    notification_booking_event(
        booking_id=booking.pk,
        event="payment_received",
        actor_id=None,
        data={"payment_id": "8f2c6a1e-6e9b-4d8e-9a51-2f1d7c3b0a11", "amount": 11500, "currency": "SAR"},
    )

    row = Notification.objects.get(booking=booking, event="payment_received")
    assert (row.recipient_id, row.template, row.occurrence) == (
        customer.pk,
        "customer_payment_received",
        "8f2c6a1e-6e9b-4d8e-9a51-2f1d7c3b0a11",
    )
    assert row.body == (
        f"استلمنا دفعتك \u200f١١٥٫٠٠\u00a0ر.س.\u200f لحجز {booking.reference} في صالون لمسات الجمال: قص وتصفيف الشعر مع Hessa، "
        "الخميس، ٥ مارس في ٤:٣٠ م. شكرًا لك."
    )


@pytest.mark.parametrize(
    ("reason", "arabic_reason"),
    [
        ("booking_cancelled", " بسبب إلغاء الحجز"),
        ("slot_taken", " لأن الموعد لم يعد متاحًا"),
        ("duplicate_payment", " لأنها دفعة مكررة"),
        ("admin", ""),
    ],
)
def test_a_refund_tells_the_customer_how_much_and_why(book, reason, arabic_reason):
    booking = book()

    notification_booking_event(
        booking_id=booking.pk,
        event="refund_issued",
        actor_id=None,
        data={"refund_id": "r-1", "payment_id": "p-1", "amount": 11500, "currency": "SAR", "reason": reason},
    )

    row = Notification.objects.get(booking=booking, event="refund_issued")
    assert row.body == (
        f"أعدنا \u200f١١٥٫٠٠\u00a0ر.س.\u200f لوسيلة دفعك عن حجز {booking.reference} في صالون لمسات الجمال{arabic_reason}. "
        "قد يستغرق ظهوره بضعة أيام."
    )


def test_a_refund_in_english(book, customer):
    customer.preferred_language = "en"
    customer.save(update_fields=["preferred_language"])
    booking = book()

    notification_booking_event(
        booking_id=booking.pk,
        event="refund_issued",
        actor_id=None,
        data={"refund_id": "r-1", "payment_id": "p-1", "amount": 5750, "currency": "SAR", "reason": "slot_taken"},
    )

    assert Notification.objects.get(booking=booking, event="refund_issued").body == (
        f"We refunded SAR 57.50 for booking {booking.reference} at Lamasat Beauty Salon as the time was no longer "
        "free. It may take a few days to appear."
    )


# --- exactly once -------------------------------------------------------------------------------


def test_replaying_an_event_records_nothing_new(book):
    booking = book()
    payment = {"payment_id": "p-1", "amount": 11500, "currency": "SAR"}

    for _ in range(2):
        notification_booking_event(booking_id=booking.pk, event="created", actor_id=None)
        notification_booking_event(booking_id=booking.pk, event="payment_received", actor_id=None, data=payment)

    assert Notification.objects.filter(booking=booking, event="created").count() == 2
    assert Notification.objects.filter(booking=booking, event="payment_received").count() == 1


def test_a_second_payment_is_a_new_occurrence(book):
    booking = book()

    for payment_id in ("p-1", "p-2"):
        notification_booking_event(
            booking_id=booking.pk,
            event="payment_received",
            actor_id=None,
            data={"payment_id": payment_id, "amount": 11500, "currency": "SAR"},
        )

    assert sorted(Notification.objects.filter(event="payment_received").values_list("occurrence", flat=True)) == [
        "p-1",
        "p-2",
    ]


def test_messages_roll_back_with_the_booking_that_caused_them(book):
    with pytest.raises(RuntimeError), transaction.atomic():
        book()
        raise RuntimeError("the request failed after booking")

    assert Booking.objects.count() == 0
    assert Notification.objects.count() == 0


def test_a_fault_in_the_messages_never_fails_the_booking(book, monkeypatch, caplog):
    def broken_render(self, booking):
        raise KeyError("missing placeholder")

    monkeypatch.setattr(planning.PlannedMessage, "render", broken_render)

    booking = book()

    assert Booking.objects.filter(pk=booking.pk, status=BookingStatus.PENDING).exists()
    assert Notification.objects.count() == 0
    assert f"Could not record the messages for booking {booking.pk} (created)" in caplog.text


def test_an_unknown_booking_or_event_records_nothing(book):
    booking = book()
    before = Notification.objects.count()

    notification_booking_event(booking_id=booking.pk + 1000, event="created", actor_id=None)
    notification_booking_event(booking_id=booking.pk, event="reviewed", actor_id=None)

    assert Notification.objects.count() == before


def test_the_channel_follows_the_setting(book, settings):
    settings.NOTIFICATION_DEFAULT_CHANNEL = "whatsapp"

    booking = book()

    assert set(Notification.objects.filter(booking=booking).values_list("channel", "status")) == {
        ("whatsapp", NotificationStatus.PENDING)
    }
