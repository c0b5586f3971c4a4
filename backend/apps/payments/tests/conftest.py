"""Fixtures speaking the domain: a prepayment salon with one stylist working every day, a customer with
a pending booking, Moyasar's real payment shapes behind `responses`, and a recorder of the events
bookings and payments publish to the apps above them (the notifications' boundary)."""

import uuid
from datetime import timedelta

import pytest
import responses
from django.utils import timezone

from apps.bookings import services as booking_services
from apps.bookings.events import BookingChanged, booking_reactors
from apps.bookings.tests.conftest import RIYADH, at, client_for, make_user, work_every_day
from apps.notifications.reactions import notify_booking_changed, notify_money_moved
from apps.payments.events import MoneyMoved, payment_reactors
from apps.payments.models import Payment
from apps.payments.providers import RemotePayment
from apps.salons.tests.factories import make_salon, make_service, make_staff

MOYASAR = "https://api.moyasar.com/v1"
PRICE = 11500  # 115.00 SAR, of which 15.00 VAT


@pytest.fixture(autouse=True)
def notifications(monkeypatch) -> list[dict]:
    """Every event published by bookings and payments that notifications would have heard, in order
    (recorded instead of the notifications' reactions; the payments' own reactions still run)."""
    calls: list[dict] = []

    def booking_changed(change: BookingChanged) -> None:
        calls.append(
            {"booking_id": change.booking_id, "event": change.kind, "actor_id": change.actor_id, "data": change.data}
        )

    def money_moved(moved: MoneyMoved) -> None:
        calls.append({"booking_id": moved.booking_id, "event": moved.kind, "actor_id": None, "data": moved.data})

    for reactors, notify, record in (
        (booking_reactors, notify_booking_changed, booking_changed),
        (payment_reactors, notify_money_moved, money_moved),
    ):
        monkeypatch.setattr(reactors, "_reactors", [record if r is notify else r for r in reactors._reactors])
    return calls


def sent(notifications: list[dict], event: str) -> list[dict]:
    return [call for call in notifications if call["event"] == event]


@pytest.fixture
def day():
    return timezone.now().astimezone(RIYADH).date() + timedelta(days=3)


@pytest.fixture
def salon():
    return make_salon(requires_prepayment=True, hold_minutes=10, lead_time_minutes=60, cancellation_window_hours=24)


@pytest.fixture
def service(salon):
    return make_service(salon, duration_minutes=60, price_amount=PRICE, buffer_minutes=0)


@pytest.fixture
def stylist(salon, service):
    staff = make_staff(salon, services=[service], display_name="Hessa")
    work_every_day(staff)
    return staff


@pytest.fixture
def customer():
    return make_user(first_name="Noura")


@pytest.fixture
def other_customer():
    return make_user(first_name="Sara")


@pytest.fixture
def book(service, stylist, customer, day):
    """A booking made now through the bookings service (pending, with a live hold)."""

    def _book(hhmm: str = "10:00", actor=None, **kwargs):
        return booking_services.booking_create(
            actor=actor or customer, service_id=service.pk, staff_id=stylist.pk, start=at(day, hhmm), **kwargs
        )

    return _book


@pytest.fixture
def booking(book):
    return book()


@pytest.fixture
def customer_client(customer):
    return client_for(customer)


@pytest.fixture
def moyasar(settings):
    """The real gateway client against `responses`; every request must be registered."""
    settings.PAYMENT_PROVIDER = "moyasar"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def moyasar_payment(
    payment_id,
    *,
    status: str = "initiated",
    amount: int = PRICE,
    currency: str = "SAR",
    refunded: int = 0,
    message: str | None = None,
    metadata: dict | None = None,
    source_type: str = "creditcard",
) -> dict:
    """A payment object as Moyasar returns it (docs section 1.5; the SDK fixtures' fields)."""
    captured = amount if status in ("paid", "captured", "refunded") else 0
    if source_type == "stcpay":
        source = {
            "type": "stcpay",
            "mobile": "0501234567",
            "reference_number": None,
            "branch": None,
            "cashier": None,
            "message": message,
            "transaction_url": f"{MOYASAR}/stc_pays/{uuid.uuid4()}/proceed?otp_token=abc",
        }
    else:
        source = {
            "type": source_type,
            "company": "mada",
            "name": "Noura Saleh",
            "number": "4201-32XX-XXXX-1010",
            "gateway_id": "moyasar_cc_ErboR0yEwMu3ekJyVP7Z1OKkWD5TQ",
            "reference_number": "125478454231" if status != "initiated" else None,
            "token": None,
            "message": message if message is not None else ("APPROVED" if status == "paid" else None),
            "transaction_url": f"{MOYASAR}/transaction_auths/{uuid.uuid4()}/form?token=auth_n8ZWBSM9tf",
        }
    return {
        "id": str(payment_id),
        "status": status,
        "amount": amount,
        "fee": 0,
        "currency": currency,
        "refunded": refunded,
        "refunded_at": "2026-11-20T10:15:00.000Z" if refunded else None,
        "captured": captured,
        "captured_at": None,
        "voided_at": "2026-11-20T10:15:00.000Z" if status == "voided" else None,
        "description": "Booking SLN-TEST1",
        "amount_format": f"{amount / 100:.2f} {currency}",
        "fee_format": f"0.00 {currency}",
        "refunded_format": f"{refunded / 100:.2f} {currency}",
        "captured_format": f"{captured / 100:.2f} {currency}",
        "invoice_id": None,
        "ip": "176.224.11.1",
        "callback_url": "http://127.0.0.1:8000/payments/return",
        "created_at": "2026-11-20T10:00:00.000Z",
        "updated_at": "2026-11-20T10:05:00.000Z",
        "metadata": metadata or {},
        "source": source,
    }


def make_payment(booking, **fields):
    """An initiated payment row for `booking`, as `payment_create` leaves it before the gateway answers."""
    fields.setdefault("provider", "moyasar")
    return Payment.objects.create(
        booking=booking,
        customer=booking.customer,
        amount=booking.price_amount,
        currency=booking.currency,
        vat_amount=1500,
        method="creditcard",
        **fields,
    )


def remote(payment, **kwargs) -> RemotePayment:
    """The gateway's report of `payment`, in Moyasar's shape."""
    kwargs.setdefault("metadata", {"booking_id": str(payment.booking_id), "booking_reference": "SLN-TEST1"})
    return RemotePayment.from_json(moyasar_payment(payment.id, **kwargs))


def pay(client, booking_id: int, *, key: str | None = None, source: dict | None = None):
    """POST /api/payments/ as the SPA does."""
    return client.post(
        "/api/payments/",
        {"booking": booking_id, "source": source or {"type": "token", "token": "token_fake"}},
        format="json",
        headers={"Idempotency-Key": key or str(uuid.uuid4())},
    )
