"""Card holds (ADR 0016) through the fake gateway: a card-hold salon's booking is authorized, not
charged; the visit releases it; a no-show or a late cancellation charges the fee, which the ledger
posts and invoicing documents on its own line; the gateway's errors are recorded and retried."""

from datetime import timedelta

import pytest

from apps.bookings import services as booking_services
from apps.bookings.events import BookingChanged, BookingEventKind
from apps.bookings.models import BookingStatus, PaymentMode
from apps.bookings.tests.conftest import make_user
from apps.invoicing.models import Document
from apps.ledger.checks import ledger_check
from apps.ledger.models import Cause, LedgerTransaction
from apps.ledger.scheme import fee_key
from apps.payments.deposits import settle_card_hold
from apps.payments.errors import PaymentMethodUnavailable
from apps.payments.hold_calls import holds_retry
from apps.payments.models import (
    FakeGatewayPayment,
    HoldAction,
    HoldReason,
    HoldSettlement,
    HoldSettlementStatus,
    PaymentStatus,
)
from apps.payments.providers import GatewayUnavailable
from apps.payments.providers.fake import FakeGateway, fake_checkout_complete
from apps.payments.services import payment_create, payment_refresh
from apps.salons.tests.factories import make_salon

from .conftest import PRICE

pytestmark = pytest.mark.django_db
FEE = PRICE // 2  # 50 %


@pytest.fixture
def salon():
    return make_salon(
        no_show_policy="card_hold",
        no_show_fee_percent=50,
        booking_horizon_days=7,
        hold_minutes=10,
        lead_time_minutes=60,
        cancellation_window_hours=24,
        vat_number="300000000000003",
    )


@pytest.fixture
def manager(salon):
    user = make_user(first_name="Huda", role="manager")
    salon.managers.add(user)
    return user


def authorize(customer, booking):
    payment = payment_create(user=customer, booking_id=booking.pk, source={"type": "token", "token": "token_x"})
    fake_checkout_complete(payment_id=payment.id, approve=True)
    return payment_refresh(user=customer, payment_id=payment.id)


def test_a_card_hold_booking_is_authorized_not_charged_and_confirmed(customer, booking):
    assert (booking.payment_mode, booking.status, booking.no_show_fee) == (PaymentMode.CARD_HOLD, "pending", FEE)

    payment = authorize(customer, booking)

    booking.refresh_from_db()
    assert (payment.status, payment.amount, payment.paid_at) == (PaymentStatus.AUTHORIZED, PRICE, None)
    assert FakeGatewayPayment.objects.get(pk=payment.id).manual is True
    assert booking.status == BookingStatus.CONFIRMED
    assert not LedgerTransaction.objects.filter(payment_id=payment.id).exists()
    assert not Document.objects.filter(payment=payment).exists()


def test_a_no_show_captures_the_fee_posts_it_and_invoices_it_on_its_own_line(
    customer, manager, booking, service, django_capture_on_commit_callbacks
):
    payment = authorize(customer, booking)

    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_mark_no_show(
            booking_id=booking.pk, actor=manager, now=booking.start + timedelta(minutes=30)
        )

    payment.refresh_from_db()
    settlement = HoldSettlement.objects.get(payment=payment)
    assert (settlement.action, settlement.reason, settlement.amount, settlement.status) == (
        HoldAction.CAPTURE,
        HoldReason.NO_SHOW,
        FEE,
        HoldSettlementStatus.SUCCEEDED,
    )
    assert payment.status == PaymentStatus.CAPTURED
    assert FakeGatewayPayment.objects.get(pk=payment.id).captured == FEE
    posted = LedgerTransaction.objects.get(key=fee_key(payment.id))
    assert posted.cause == Cause.NO_SHOW_FEE_CAPTURED
    assert sorted(entry.amount for entry in posted.entries.all()) == [-FEE, FEE]
    [document] = Document.objects.filter(payment=payment)
    assert (document.kind, document.total) == ("invoice", FEE)
    assert document.lines[0]["description_en"] == f"No-show fee: {service.name_en}"
    assert document.lines[0]["description_ar"].startswith("رسوم عدم الحضور: ")
    assert ledger_check().problems == []  # the books agree with the fee


def test_a_completed_visit_releases_the_hold(customer, manager, booking, django_capture_on_commit_callbacks):
    payment = authorize(customer, booking)

    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_complete(booking_id=booking.pk, actor=manager, now=booking.start + timedelta(hours=1))

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.VOIDED
    assert HoldSettlement.objects.get(payment=payment).reason == HoldReason.VISIT_COMPLETED
    assert not LedgerTransaction.objects.filter(payment_id=payment.id).exists()
    assert not Document.objects.filter(payment=payment).exists()


def test_a_cancellation_in_time_releases_the_hold(customer, booking, django_capture_on_commit_callbacks):
    payment = authorize(customer, booking)

    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_cancel(booking_id=booking.pk, actor=customer)

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.VOIDED
    assert HoldSettlement.objects.get(payment=payment).reason == HoldReason.CANCELLED


def test_a_late_cancellation_by_the_customer_is_allowed_and_charges_the_fee(
    customer, booking, service, django_capture_on_commit_callbacks
):
    payment = authorize(customer, booking)

    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_cancel(booking_id=booking.pk, actor=customer, now=booking.start - timedelta(hours=2))

    payment.refresh_from_db()
    settlement = HoldSettlement.objects.get(payment=payment)
    assert (settlement.reason, settlement.amount, payment.status) == (
        HoldReason.LATE_CANCELLATION,
        FEE,
        PaymentStatus.CAPTURED,
    )
    [document] = Document.objects.filter(payment=payment)
    assert document.lines[0]["description_en"] == f"Late cancellation fee: {service.name_en}"


def test_a_second_no_show_request_finds_the_first_settlement(customer, manager, booking):
    payment = authorize(customer, booking)
    booking_services.booking_mark_no_show(booking_id=booking.pk, actor=manager, now=booking.start + timedelta(hours=1))
    # A replay of the event (a second server, a retried job) opens nothing new.
    settle_card_hold(BookingChanged(booking_id=booking.pk, kind=BookingEventKind.NO_SHOW, actor_id=manager.pk))

    assert HoldSettlement.objects.filter(payment=payment).count() == 1


def test_a_gateway_outage_is_recorded_and_the_retry_captures(
    customer, manager, booking, monkeypatch, django_capture_on_commit_callbacks
):
    payment = authorize(customer, booking)

    def unavailable(self, payment_id, *, amount=None):
        raise GatewayUnavailable("Moyasar timed out")

    real_capture = FakeGateway.capture
    monkeypatch.setattr(FakeGateway, "capture", unavailable)
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_mark_no_show(
            booking_id=booking.pk, actor=manager, now=booking.start + timedelta(hours=1)
        )

    settlement = HoldSettlement.objects.get(payment=payment)
    assert (settlement.status, settlement.attempts, settlement.last_error) == (
        HoldSettlementStatus.PENDING,
        1,
        "Moyasar timed out",
    )
    assert payment.events.filter(kind="hold_capture_failed").count() == 1

    monkeypatch.setattr(FakeGateway, "capture", real_capture)
    assert holds_retry(now=settlement.next_attempt_at + timedelta(seconds=1)) == 1

    settlement.refresh_from_db()
    payment.refresh_from_db()
    assert (settlement.status, payment.status) == (HoldSettlementStatus.SUCCEEDED, PaymentStatus.CAPTURED)
    assert LedgerTransaction.objects.filter(key=fee_key(payment.id)).count() == 1


def test_a_refused_capture_fails_for_good_with_the_gateways_error(
    customer, manager, booking, django_capture_on_commit_callbacks
):
    payment = authorize(customer, booking)
    FakeGatewayPayment.objects.filter(pk=payment.id).update(status="voided")  # e.g. the authorization expired

    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_mark_no_show(
            booking_id=booking.pk, actor=manager, now=booking.start + timedelta(hours=1)
        )

    settlement = HoldSettlement.objects.get(payment=payment)
    assert (settlement.status, settlement.last_error) == (HoldSettlementStatus.FAILED, "Payment can't be captured")
    assert not LedgerTransaction.objects.filter(key=fee_key(payment.id)).exists()


def test_stc_pay_cannot_hold_a_card(customer, booking):
    with pytest.raises(PaymentMethodUnavailable):
        payment_create(user=customer, booking_id=booking.pk, source={"type": "stcpay", "mobile": "0501234567"})
