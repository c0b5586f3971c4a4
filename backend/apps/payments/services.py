"""Paying for a booking: start a payment (or continue one an interrupted request started), and ask
the gateway how a payment stands after the browser returns.

- One attempt at paying a booking at a time: before a new one starts, the booking's initiated
  attempts are fetched, and one that may still take money refuses it; a retry after a gateway
  outage continues its own payment (same `given_id`) instead of starting another.
- Paid → the booking is confirmed in the same transaction; if its time was taken meanwhile, if it
  was cancelled, or if another payment already paid it, the money is refunded automatically
  (`settlement`). Following the gateway's reports is `sync`; refunds an operator asks for are
  `refund_requests`; webhooks are `webhooks`.
"""

import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.bookings.errors import BookingNotFound
from apps.bookings.models import Booking, BookingStatus, PaymentMode
from apps.bookings.services import booking_lock
from apps.bookings.state import Action, Actor, check_action, effective_status
from apps.core.exceptions import AppError
from apps.core.money import vat_included

from .errors import (
    BookingHoldExpired,
    BookingNotPayable,
    PaymentGatewayError,
    PaymentGatewayUnavailable,
    PaymentInProgress,
    PaymentMethodUnavailable,
    PaymentRejected,
)
from .models import FINAL_STATUSES, HELD_STATUSES, EventSource, Payment, PaymentMethod, PaymentStatus
from .providers import ATTEMPTS, GatewayAuthError, GatewayError, GatewayRejected, GatewayUnavailable, get_gateway
from .records import NOT_AT_GATEWAY, payment_event_record, payment_fail, payment_mark_failed
from .selectors import payment_get_for_user
from .status import METHOD_FOR_SOURCE
from .sync import payment_sync, remote_payment_fetch

logger = logging.getLogger(__name__)

# The methods that can authorize without charging (Moyasar's `manual`), for a card hold.
HOLD_METHODS = (PaymentMethod.CREDITCARD, PaymentMethod.APPLEPAY)
# The events recording the start of a create call at the gateway.
_CREATE_CALL_EVENTS = ("created", "create_retried")


def payment_callback_url() -> str:
    """The SPA's return page; the gateway appends `id`, `status` and `message`."""
    return f"{settings.FRONTEND_URL}/payments/return"


# --- Create -----------------------------------------------------------------------------------------


def _check_payable(booking: Booking, now: datetime) -> None:
    try:
        check_action(booking, Action.PAY, frozenset({Actor.CUSTOMER}), now)
    except AppError:
        if effective_status(booking, now) == BookingStatus.EXPIRED:
            raise BookingHoldExpired() from None
        raise BookingNotPayable() from None
    if booking.amount_due_online <= 0:
        raise BookingNotPayable()


def _gateway_source(source: dict, *, manual: bool) -> dict:
    """What the gateway is sent as `source`; `manual`: authorize only (a card hold, ADR 0016)."""
    if source["type"] == "stcpay":
        return {"type": "stcpay", "mobile": source["mobile"]}
    gateway_source = {"type": source["type"], "token": source["token"]}
    if manual:
        gateway_source["manual"] = True
    return gateway_source


def _field_errors(errors: dict) -> dict[str, list[str]]:
    """The gateway's `errors` map as ours: field name to a list of messages."""
    return {
        str(name): [str(item) for item in (messages if isinstance(messages, list) else [messages])]
        for name, messages in errors.items()
    }


def _creation_may_be_running(payment: Payment, now: datetime) -> bool:
    """Whether a create call for the payment may still be on its way to the gateway (so that its "not
    found" proves nothing): one started less than twice the longest such call ago (every attempt
    timing out)."""
    window = timedelta(seconds=2 * ATTEMPTS * settings.MOYASAR_TIMEOUT_SECONDS)
    return payment.events.filter(kind__in=_CREATE_CALL_EVENTS, created_at__gt=now - window).exists()


def _ask_about_open_attempts(*, user, booking_id: int, now: datetime) -> tuple[list[Payment], set[uuid.UUID]]:
    """Fetch every initiated attempt at paying `user`'s booking from the gateway and apply its answer.
    Returns the attempts as they now stand, and the ids of those the gateway does not know. When the
    gateway cannot be asked, nor can we know whether a new attempt would pay twice: 502."""
    attempts, not_at_gateway = [], set()
    initiated = Payment.objects.filter(
        booking_id=booking_id, booking__customer=user, status=PaymentStatus.INITIATED, flagged=False
    )
    for payment in initiated.order_by("created_at", "pk"):
        remote = remote_payment_fetch(payment.id)
        if remote is None:
            not_at_gateway.add(payment.id)
            attempts.append(payment)
        else:
            attempts.append(payment_sync(payment_id=payment.id, remote=remote, source=EventSource.API, now=now))
    return attempts, not_at_gateway


def _close_open_attempts(
    booking: Booking, *, continuing: Payment | None, not_at_gateway: set[uuid.UUID], now: datetime
) -> None:
    """With the booking locked, before an attempt at paying it starts or continues: refuse while
    another attempt may still take the customer's money (it is open at the gateway, or its creation
    may still be under way); fail the attempts the gateway did not know once their creation was over."""
    others = Payment.objects.select_for_update().filter(booking=booking, status=PaymentStatus.INITIATED, flagged=False)
    if continuing is not None:
        others = others.exclude(pk=continuing.pk)
    others = list(others.order_by("pk"))
    for other in others:
        if other.pk not in not_at_gateway or _creation_may_be_running(other, now):
            raise PaymentInProgress(payment_id=other.pk)
    for other in others:
        payment_fail(other, message=NOT_AT_GATEWAY, source=EventSource.API)


def payment_create(
    *,
    user,
    booking_id: int,
    source: dict,
    retry_of: uuid.UUID | None = None,
    on_created: Callable[[Payment], None] | None = None,
    now: datetime | None = None,
) -> Payment:
    """Start paying for `user`'s pending booking with a browser-made `source` (a card token, an Apple
    Pay token, or an STC Pay mobile number). The amount and currency are the booking's. The result is
    `initiated` with a `transaction_url` for 3-D Secure or the OTP, or already `paid`/`failed`.

    Never two attempts that may both take money for one booking: the booking's initiated attempts are
    first fetched from the gateway. One found holding money is the result (the booking is settled with
    it, as for any payment). One still open at the gateway, or whose creation may still be under way,
    refuses a new attempt (409 `payment_in_progress`, with its id). One the gateway does not know once
    its creation is over never reached it: it is failed. Failed and declined attempts never stand in
    the way of a new one.

    `retry_of`: the payment that an interrupted earlier request with the same Idempotency-Key started.
    It is continued instead of starting another: returned as it stands when the gateway knows it, else
    its creation is sent again with the same `given_id` (when the booking can still be paid).
    `on_created`: called with a new payment inside the transaction that records it."""
    method = METHOD_FOR_SOURCE[source["type"]]
    if method not in settings.PAYMENT_METHODS:
        raise PaymentMethodUnavailable()
    card_hold = Booking.objects.filter(pk=booking_id, payment_mode=PaymentMode.CARD_HOLD).exists()
    if card_hold and method not in HOLD_METHODS:  # STC Pay cannot authorize without charging
        raise PaymentMethodUnavailable()
    now = now or timezone.now()
    gateway = get_gateway()
    earlier = Payment.objects.filter(pk=retry_of, booking_id=booking_id, customer=user).first() if retry_of else None
    if earlier is not None and earlier.status != PaymentStatus.INITIATED:
        return earlier

    attempts, not_at_gateway = _ask_about_open_attempts(user=user, booking_id=booking_id, now=now)
    known = {attempt.pk: attempt for attempt in attempts if attempt.pk not in not_at_gateway}
    if earlier is not None and earlier.pk in known:
        return known[earlier.pk]  # the gateway has it: the first request's answer, as it now stands
    paid = next((attempt for attempt in attempts if attempt.status in HELD_STATUSES), None)
    if paid is not None:
        return paid

    with transaction.atomic():
        if not Booking.objects.filter(pk=booking_id, customer=user).exists():
            raise BookingNotFound()
        booking = booking_lock(booking_id=booking_id)
        payment = None
        if earlier is not None:
            payment = Payment.objects.select_for_update().get(pk=earlier.pk)
            if payment.status != PaymentStatus.INITIATED:  # the webhook or reconciliation was faster
                return payment
        _check_payable(booking, now)
        _close_open_attempts(booking, continuing=payment, not_at_gateway=not_at_gateway, now=now)
        if payment is not None:
            payment_event_record(payment, source=EventSource.API, kind="create_retried", actor_id=user.pk)
        else:
            payment = Payment.objects.create(
                booking=booking,
                customer=user,
                provider=gateway.name,
                amount=booking.amount_due_online,
                currency=booking.currency,
                vat_amount=vat_included(booking.amount_due_online),
                method=method,
            )
            payment_event_record(
                payment, source=EventSource.API, kind="created", to_status=payment.status, actor_id=user.pk
            )
            if on_created is not None:
                on_created(payment)

    try:
        remote = gateway.create_payment(
            payment_id=payment.id,
            amount=payment.amount,
            currency=payment.currency,
            description=f"Booking {booking.reference}",
            callback_url=payment_callback_url(),
            source=_gateway_source(source, manual=booking.payment_mode == PaymentMode.CARD_HOLD),
            metadata={"booking_id": str(booking.pk), "booking_reference": booking.reference},
        )
    except GatewayRejected as exc:
        payment_mark_failed(payment_id=payment.id, message=exc.message, source=EventSource.API)
        raise PaymentRejected(errors=_field_errors(exc.errors) or None) from exc
    except GatewayUnavailable as exc:
        # Moyasar may have created it: the payment stays initiated, a retry with the same
        # Idempotency-Key sends the same `given_id` again, and reconciliation finds out meanwhile.
        payment_event_record(payment, source=EventSource.API, kind="gateway_unavailable", data={"error": str(exc)})
        raise PaymentGatewayUnavailable() from exc
    except GatewayAuthError as exc:
        logger.error("Moyasar refused our credentials creating payment %s: %s", payment.id, exc)
        payment_mark_failed(payment_id=payment.id, message=exc.message, source=EventSource.API)
        raise PaymentGatewayError() from exc
    except GatewayError as exc:
        payment_event_record(payment, source=EventSource.API, kind="gateway_error", data={"error": str(exc)})
        raise PaymentGatewayError() from exc
    return payment_sync(payment_id=payment.id, remote=remote, source=EventSource.API, now=now)


# --- Refresh ----------------------------------------------------------------------------------------


def payment_refresh(*, user, payment_id: uuid.UUID) -> Payment:
    """Ask the gateway how `user`'s payment stands (after the browser's return) and apply it. A
    failed payment is asked about too: the gateway may report money for one we failed."""
    payment = payment_get_for_user(user=user, payment_id=payment_id)
    if payment.status in FINAL_STATUSES or payment.flagged:
        return payment
    remote = remote_payment_fetch(payment.id)
    if remote is None:  # reconciliation fails it once the grace period is over
        return payment
    return payment_sync(payment_id=payment.id, remote=remote, source=EventSource.REFRESH)
