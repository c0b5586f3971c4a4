"""Every write to payments and refunds: create a payment, follow the gateway's state, react to
booking changes, refund, and receive webhooks.

Rules kept here:
- Our state follows the gateway's own report (its answer to our call, or a fresh fetch), never a
  browser's callback parameters or a webhook's body; statuses only move forward (a payment we
  failed ourselves, on an error or a "not found", may still turn out paid: that money is taken).
- A payment that reports money is checked against its booking (amount, currency, metadata); a
  mismatch is flagged for an operator and never counts as paid.
- One attempt at paying a booking at a time: before a new one starts, the booking's initiated
  attempts are fetched, and one that may still take money refuses it; a retry after a gateway
  outage continues its own payment (same `given_id`) instead of starting another.
- Paid → the booking is confirmed in the same transaction; if its time was taken meanwhile, if it
  was cancelled, or if another payment already paid it, the money is refunded automatically.
- Locks are taken in one order, shared with bookings: the booking (`booking_lock`), then payment
  rows, then refund rows. Gateway calls are made outside transactions; what must happen after a
  commit (the refund call) is scheduled with `transaction.on_commit` and retried by reconciliation.
"""

import hmac
import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from apps.bookings.api.serializers import vat_included
from apps.bookings.errors import BookingNotFound, CustomerOverlap, InvalidTransition, SlotUnavailable
from apps.bookings.models import Booking, BookingStatus
from apps.bookings.services import booking_confirm_paid, booking_lock
from apps.bookings.state import Action, Actor, check_action, effective_status
from apps.core.exceptions import AppError

from .errors import (
    BookingHoldExpired,
    BookingNotPayable,
    PaymentGatewayError,
    PaymentGatewayUnavailable,
    PaymentInProgress,
    PaymentMethodUnavailable,
    PaymentNotFound,
    PaymentNotRefundable,
    PaymentRejected,
    RefundAmountInvalid,
    RefundInProgress,
    WebhookInvalid,
    WebhookUnauthorized,
)
from .gateway import (
    ATTEMPTS,
    GatewayAuthError,
    GatewayError,
    GatewayNotFound,
    GatewayRejected,
    GatewayUnavailable,
    RemotePayment,
    get_gateway,
    without_nul,
)
from .models import (
    FINAL_STATUSES,
    HELD_STATUSES,
    EventSource,
    Payment,
    PaymentEvent,
    PaymentMethod,
    PaymentStatus,
    Refund,
    RefundReason,
    RefundStatus,
)
from .selectors import payment_get_for_user

logger = logging.getLogger(__name__)

METHOD_FOR_SOURCE = {
    "token": PaymentMethod.CREDITCARD,
    "applepay": PaymentMethod.APPLEPAY,
    "stcpay": PaymentMethod.STCPAY,
}
# A claimed refund call is not tried again by anyone else before this lease ends.
REFUND_LEASE = timedelta(minutes=5)
MAX_REFUND_ATTEMPTS = 8
REFUND_RETRY_BASE = timedelta(minutes=1)
REFUND_RETRY_CAP = timedelta(hours=6)
# The failure message of a payment whose creation never reached the gateway.
NOT_AT_GATEWAY = "Not found at the gateway."
# The events recording the start of a create call at the gateway.
_CREATE_CALL_EVENTS = ("created", "create_retried")
# A webhook event seen again within this time while its first delivery is still being processed
# is answered as a duplicate; later, it is processed again (the first attempt must have died).
WEBHOOK_CLAIM_TIMEOUT = timedelta(minutes=2)
PAYMENT_WEBHOOK_TYPES = frozenset(
    {
        "payment_paid",
        "payment_failed",
        "payment_faild",  # the spelling in Moyasar's events table
        "payment_refunded",
        "payment_voided",
        "payment_authorized",
        "payment_captured",
        "payment_verified",
        "payment_abandoned",
        "payment_canceled",
        "payment_expired",
    }
)

# Forward-only moves between our statuses; anything else the gateway reports is recorded, not applied.
# A failed payment may still move on: we fail a payment on a gateway error or when the gateway does
# not know it, and the gateway may report it paid later; that money is handled like any other.
_NEXT_STATUSES: dict[str, frozenset[str]] = {
    PaymentStatus.INITIATED: frozenset(
        {
            PaymentStatus.PAID,
            PaymentStatus.FAILED,
            PaymentStatus.AUTHORIZED,
            PaymentStatus.CAPTURED,
            PaymentStatus.REFUNDED,
            PaymentStatus.VOIDED,
        }
    ),
    PaymentStatus.FAILED: frozenset(
        {
            PaymentStatus.PAID,
            PaymentStatus.AUTHORIZED,
            PaymentStatus.CAPTURED,
            PaymentStatus.REFUNDED,
            PaymentStatus.VOIDED,
        }
    ),
    PaymentStatus.AUTHORIZED: frozenset({PaymentStatus.CAPTURED, PaymentStatus.VOIDED}),
    PaymentStatus.PAID: frozenset({PaymentStatus.REFUNDED, PaymentStatus.VOIDED}),
    PaymentStatus.CAPTURED: frozenset({PaymentStatus.REFUNDED, PaymentStatus.VOIDED}),
    PaymentStatus.DUPLICATE: frozenset({PaymentStatus.REFUNDED, PaymentStatus.VOIDED}),
    PaymentStatus.REFUNDED: frozenset(),
    PaymentStatus.VOIDED: frozenset(),
}
_DIRECT_STATUSES = {"initiated", "paid", "failed", "authorized", "captured", "voided"}


def payment_callback_url() -> str:
    """The SPA's return page; the gateway appends `id`, `status` and `message`."""
    return f"{settings.FRONTEND_URL}/payments/return"


def _event(
    payment: Payment | None,
    *,
    source: str,
    kind: str,
    from_status: str = "",
    to_status: str = "",
    actor_id: int | None = None,
    data: dict | None = None,
) -> PaymentEvent:
    return PaymentEvent.objects.create(
        payment=payment,
        source=source,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        actor_id=actor_id,
        data=data or {},
    )


def _notify(*, booking_id: int, event: str, data: dict) -> None:
    # Imported at call time, as the bookings' events door does: notifications imports bookings.
    from apps.notifications.services import notification_booking_event

    notification_booking_event(booking_id=booking_id, event=event, actor_id=None, data=data)


def _locked(payment_id: uuid.UUID) -> tuple[Booking, Payment]:
    """The payment and its booking, locked in the shared order (booking, then payment, then refunds).
    Call inside `transaction.atomic()`."""
    booking_id = Payment.objects.filter(pk=payment_id).values_list("booking_id", flat=True).first()
    if booking_id is None:
        raise PaymentNotFound()
    booking = booking_lock(booking_id=booking_id)
    return booking, Payment.objects.select_for_update().get(pk=payment_id)


# --- Create -----------------------------------------------------------------------------------------


def _check_payable(booking: Booking, now: datetime) -> None:
    try:
        check_action(booking, Action.PAY, frozenset({Actor.CUSTOMER}), now)
    except AppError:
        if effective_status(booking, now) == BookingStatus.EXPIRED:
            raise BookingHoldExpired() from None
        raise BookingNotPayable() from None
    if booking.price_amount <= 0:
        raise BookingNotPayable()


def _gateway_source(source: dict) -> dict:
    if source["type"] == "stcpay":
        return {"type": "stcpay", "mobile": source["mobile"]}
    return {"type": source["type"], "token": source["token"]}


def _field_errors(errors: dict) -> dict[str, list[str]]:
    """The gateway's `errors` map as ours: field name to a list of messages."""
    return {
        str(name): [str(item) for item in (messages if isinstance(messages, list) else [messages])]
        for name, messages in errors.items()
    }


def _fail(payment: Payment, *, message: str, source: str) -> None:
    """Fail a locked initiated payment that the gateway refused or never created."""
    payment.status = PaymentStatus.FAILED
    payment.failure_message = message[:255]
    payment.save(update_fields=["status", "failure_message", "updated_at"])
    _event(
        payment,
        source=source,
        kind="status_changed",
        from_status=PaymentStatus.INITIATED,
        to_status=PaymentStatus.FAILED,
        data={"message": message},
    )


def payment_mark_failed(*, payment_id: uuid.UUID, message: str, source: str) -> None:
    """An initiated payment the gateway refused or never created is failed."""
    with transaction.atomic():
        _booking, payment = _locked(payment_id)
        if payment.status == PaymentStatus.INITIATED:
            _fail(payment, message=message, source=source)


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
        remote = _fetch(payment.id)
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
        _fail(other, message=NOT_AT_GATEWAY, source=EventSource.API)


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
            _event(payment, source=EventSource.API, kind="create_retried", actor_id=user.pk)
        else:
            payment = Payment.objects.create(
                booking=booking,
                customer=user,
                provider=gateway.name,
                amount=booking.price_amount,
                currency=booking.currency,
                vat_amount=vat_included(booking.price_amount),
                method=method,
            )
            _event(payment, source=EventSource.API, kind="created", to_status=payment.status, actor_id=user.pk)
            if on_created is not None:
                on_created(payment)

    try:
        remote = gateway.create_payment(
            payment_id=payment.id,
            amount=payment.amount,
            currency=payment.currency,
            description=f"Booking {booking.reference}",
            callback_url=payment_callback_url(),
            source=_gateway_source(source),
            metadata={"booking_id": str(booking.pk), "booking_reference": booking.reference},
        )
    except GatewayRejected as exc:
        payment_mark_failed(payment_id=payment.id, message=exc.message, source=EventSource.API)
        raise PaymentRejected(errors=_field_errors(exc.errors) or None) from exc
    except GatewayUnavailable as exc:
        # Moyasar may have created it: the payment stays initiated, a retry with the same
        # Idempotency-Key sends the same `given_id` again, and reconciliation finds out meanwhile.
        _event(payment, source=EventSource.API, kind="gateway_unavailable", data={"error": str(exc)})
        raise PaymentGatewayUnavailable() from exc
    except GatewayAuthError as exc:
        logger.error("Moyasar refused our credentials creating payment %s: %s", payment.id, exc)
        payment_mark_failed(payment_id=payment.id, message=exc.message, source=EventSource.API)
        raise PaymentGatewayError() from exc
    except GatewayError as exc:
        _event(payment, source=EventSource.API, kind="gateway_error", data={"error": str(exc)})
        raise PaymentGatewayError() from exc
    return payment_sync(payment_id=payment.id, remote=remote, source=EventSource.API, now=now)


# --- Follow the gateway ---------------------------------------------------------------------------------


def _target_status(payment: Payment, remote: RemotePayment) -> str | None:
    """Our status for the gateway's report; a partial refund leaves the money held (Moyasar says
    `refunded` after a partial refund too, so the amounts decide). None: a status we do not track."""
    if remote.status == "refunded":
        if remote.refunded >= remote.amount:
            return PaymentStatus.REFUNDED
        return payment.status if payment.status in HELD_STATUSES else PaymentStatus.PAID
    if remote.status in _DIRECT_STATUSES:
        return remote.status
    return None


def _mismatch(payment: Payment, booking: Booking, remote: RemotePayment) -> str:
    """Why the gateway's payment is not the one we asked for (empty when it is)."""
    if remote.id.lower() != str(payment.id):
        return f"id {remote.id} instead of {payment.id}"
    if remote.amount != booking.price_amount or remote.amount != payment.amount:
        return f"amount {remote.amount} instead of {payment.amount}"
    if remote.currency != booking.currency or remote.currency != payment.currency:
        return f"currency {remote.currency} instead of {payment.currency}"
    booking_ref = remote.metadata.get("booking_id")
    if booking_ref is not None and str(booking_ref) != str(booking.pk):
        return f"metadata booking_id {booking_ref} instead of {booking.pk}"
    return ""


def _copy_details(payment: Payment, remote: RemotePayment) -> None:
    method = "creditcard" if remote.method == "token" else remote.method
    if method in PaymentMethod.values:
        payment.method = method
    payment.card_brand = remote.card_brand or payment.card_brand
    payment.card_last4 = remote.card_last4 or payment.card_last4
    payment.transaction_url = remote.transaction_url or payment.transaction_url
    if remote.status == "failed" and payment.status in (PaymentStatus.INITIATED, PaymentStatus.FAILED):
        payment.failure_message = remote.message
    payment.refunded_amount = max(payment.refunded_amount, min(remote.refunded, payment.amount))
    payment.provider_payment_id = remote.id
    payment.provider_payload = remote.raw


def payment_sync(*, payment_id: uuid.UUID, remote: RemotePayment, source: str, now: datetime | None = None) -> Payment:
    """Bring our payment in line with the gateway's report of it, and the booking and refunds with
    the payment. Idempotent: the same report applied twice changes nothing the second time."""
    now = now or timezone.now()
    with transaction.atomic():
        booking, payment = _locked(payment_id)
        mismatch = _mismatch(payment, booking, remote)
        if mismatch:
            _flag(payment, reason=mismatch, source=source, remote=remote)
            return payment
        from_status = payment.status
        target = _target_status(payment, remote)
        _copy_details(payment, remote)
        if target is None or target == from_status or target not in _NEXT_STATUSES[from_status]:
            payment.save()
        elif target in HELD_STATUSES and from_status not in HELD_STATUSES:
            if from_status == PaymentStatus.FAILED:
                logger.warning("Payment %s, failed on our side, is reported %s by the gateway", payment.id, target)
            _take_money(payment, booking, status=target, source=source, now=now)
        else:
            payment.status = target
            payment.save()
            _event(payment, source=source, kind="status_changed", from_status=from_status, to_status=target)
        if payment.status != from_status:  # a new status is due for reconciliation afresh
            payment.next_check_at, payment.check_count = None, 0
            payment.save(update_fields=["next_check_at", "check_count", "updated_at"])
        _settle_pending_refund(payment, source=source, now=now)
    return payment


def _flag(payment: Payment, *, reason: str, source: str, remote: RemotePayment) -> None:
    if payment.flagged:
        return
    payment.flagged = True
    payment.flag_reason = reason[:255]
    payment.provider_payload = remote.raw
    payment.save(update_fields=["flagged", "flag_reason", "provider_payload", "updated_at"])
    _event(
        payment,
        source=source,
        kind="mismatch",
        data={"reason": reason, "status": remote.status, "amount": remote.amount, "currency": remote.currency},
    )
    logger.error("Payment %s flagged: the gateway reports %s", payment.id, reason)


def _take_money(payment: Payment, booking: Booking, *, status: str, source: str, now: datetime) -> None:
    """The payment now holds money: it pays the booking, unless another payment already did."""
    from_status = payment.status
    already_paid = Payment.objects.filter(booking_id=booking.pk, status__in=HELD_STATUSES).exclude(pk=payment.pk)
    if not already_paid.exists():
        payment.status = status
        payment.paid_at = now
        try:
            with transaction.atomic():
                payment.save()
        except IntegrityError:  # `payment_one_held_per_booking`: the database has the last word
            payment.status = from_status
        else:
            _event(payment, source=source, kind="status_changed", from_status=from_status, to_status=status)
            _notify(
                booking_id=booking.pk,
                event="payment_received",
                data={"payment_id": str(payment.id), "amount": payment.amount, "currency": payment.currency},
            )
            _settle_booking(payment, booking, source=source, now=now)
            return
    payment.status = PaymentStatus.DUPLICATE
    payment.paid_at = now
    payment.save()
    _event(payment, source=source, kind="status_changed", from_status=from_status, to_status=payment.status)
    _refund_remaining(payment, reason=RefundReason.DUPLICATE_PAYMENT, source=source)


def _settle_booking(payment: Payment, booking: Booking, *, source: str, now: datetime) -> None:
    """Confirm the booking this payment paid for, or give the money back when that is impossible."""
    if booking.status == BookingStatus.CANCELLED:
        _refund_remaining(payment, reason=RefundReason.BOOKING_CANCELLED, source=source)
    elif booking.status in (BookingStatus.PENDING, BookingStatus.EXPIRED):
        try:
            booking_confirm_paid(booking_id=booking.pk, now=now)
        except (SlotUnavailable, CustomerOverlap, InvalidTransition) as exc:
            _event(payment, source=source, kind="booking_not_confirmed", data={"code": str(exc.code)})
            _refund_remaining(payment, reason=RefundReason.SLOT_TAKEN, source=source)


def _settle_pending_refund(payment: Payment, *, source: str, now: datetime) -> None:
    """Mark the payment's refund in flight done once the gateway's refunded amount covers it."""
    refund = Refund.objects.select_for_update().filter(payment=payment, status=RefundStatus.PENDING).first()
    if refund is None or payment.refunded_amount < refund.refunded_before + refund.amount:
        return
    refund.status = RefundStatus.SUCCEEDED
    refund.succeeded_at = now
    refund.next_attempt_at = None
    refund.save(update_fields=["status", "succeeded_at", "next_attempt_at", "updated_at"])
    _event(payment, source=source, kind="refund_succeeded", data={"refund_id": str(refund.id), "amount": refund.amount})
    _notify(
        booking_id=payment.booking_id,
        event="refund_issued",
        data={
            "refund_id": str(refund.id),
            "payment_id": str(payment.id),
            "amount": refund.amount,
            "currency": payment.currency,
            "reason": refund.reason,
        },
    )


# --- Refunds ---------------------------------------------------------------------------------------------


def _open_refund(
    payment: Payment, *, amount: int, reason: str, source: str, actor_id: int | None = None, note: str = ""
) -> Refund:
    """Record a refund to make (the payment is locked by the caller) and make it after commit."""
    try:
        with transaction.atomic():
            refund = Refund.objects.create(
                payment=payment,
                amount=amount,
                reason=reason,
                note=note,
                refunded_before=payment.refunded_amount,
                requested_by_id=actor_id,
            )
    except IntegrityError as exc:  # `refund_one_pending_per_payment`
        raise RefundInProgress() from exc
    _event(
        payment,
        source=source,
        kind="refund_requested",
        actor_id=actor_id,
        data={"refund_id": str(refund.id), "amount": amount, "reason": reason},
    )
    transaction.on_commit(lambda: refund_execute(refund_id=refund.id), robust=True)
    return refund


def _refund_remaining(payment: Payment, *, reason: str, source: str, actor_id: int | None = None) -> None:
    """Give back what is left of the payment, unless a refund of it is already in flight (the
    reconciliation then refunds what that one leaves)."""
    if payment.status == PaymentStatus.AUTHORIZED:
        # Authorize-only payments are voided, not refunded; our flow never creates them.
        payment.flagged = True
        payment.flag_reason = "authorized payment to void by hand"
        payment.save(update_fields=["flagged", "flag_reason", "updated_at"])
        _event(payment, source=source, kind="void_needed", data={"reason": reason})
        return
    if payment.refundable_amount <= 0 or payment.refunds.filter(status=RefundStatus.PENDING).exists():
        return
    _open_refund(payment, amount=payment.refundable_amount, reason=reason, source=source, actor_id=actor_id)


def _refund_backoff(attempts: int) -> timedelta:
    return min(REFUND_RETRY_BASE * 2 ** max(attempts - 1, 0), REFUND_RETRY_CAP)


def _claim_refund(refund_id: uuid.UUID, now: datetime) -> bool:
    """Take the refund for one call; one conditional UPDATE, so only one process wins."""
    claimed = (
        Refund.objects.filter(pk=refund_id, status=RefundStatus.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(attempts=F("attempts") + 1, next_attempt_at=now + REFUND_LEASE, updated_at=now)
    )
    return claimed == 1


def _refund_attempt_failed(refund_id: uuid.UUID, *, error: str, give_up: bool, now: datetime) -> Refund:
    payment_id = Refund.objects.filter(pk=refund_id).values_list("payment_id", flat=True).get()
    with transaction.atomic():
        _booking, payment = _locked(payment_id)
        refund = Refund.objects.select_for_update().get(pk=refund_id)
        if refund.status != RefundStatus.PENDING:
            return refund
        refund.last_error = error[:500]
        if give_up or refund.attempts >= MAX_REFUND_ATTEMPTS:
            refund.status = RefundStatus.FAILED
            refund.next_attempt_at = None
            logger.error("Refund %s of payment %s failed for good: %s", refund.id, refund.payment_id, error)
        else:
            refund.next_attempt_at = now + _refund_backoff(refund.attempts)
            logger.warning("Refund %s attempt %s failed: %s", refund.id, refund.attempts, error)
        refund.save(update_fields=["status", "last_error", "next_attempt_at", "updated_at"])
        _event(
            payment,
            source=EventSource.REFUND,
            kind="refund_failed" if refund.status == RefundStatus.FAILED else "refund_attempt_failed",
            data={"refund_id": str(refund.id), "attempt": refund.attempts, "error": error[:500]},
        )
    return refund


def refund_execute(*, refund_id: uuid.UUID, now: datetime | None = None) -> Refund | None:
    """Ask the gateway for a pending refund, once per claim. Moyasar's refund is not idempotent, so a
    refund tried before is first compared with the payment's `refunded` amount and only asked again
    when that shows it did not happen. Returns None when someone else holds the refund or it is done."""
    now = now or timezone.now()
    if not _claim_refund(refund_id, now):
        return None
    refund = Refund.objects.get(pk=refund_id)
    gateway = get_gateway()
    try:
        if refund.attempts > 1:
            remote = gateway.fetch_payment(refund.payment_id)
            payment_sync(payment_id=refund.payment_id, remote=remote, source=EventSource.REFUND, now=now)
            refund.refresh_from_db()
            if refund.status != RefundStatus.PENDING:
                return refund
        remote = gateway.refund(refund.payment_id, amount=refund.amount)
    except GatewayError as exc:
        return _refund_attempt_failed(refund_id, error=str(exc), give_up=isinstance(exc, GatewayRejected), now=now)
    payment_sync(payment_id=refund.payment_id, remote=remote, source=EventSource.REFUND, now=now)
    refund.refresh_from_db()
    if refund.status == RefundStatus.PENDING:
        return _refund_attempt_failed(
            refund_id, error="The gateway's refunded amount does not cover this refund.", give_up=False, now=now
        )
    return refund


def refund_create(*, payment_id: uuid.UUID, amount: int, actor, note: str = "") -> Refund:
    """An administrator refunds all or part of what is left of a payment; the call is made after commit."""
    with transaction.atomic():
        _booking, payment = _locked(payment_id)
        refundable = (PaymentStatus.PAID, PaymentStatus.CAPTURED, PaymentStatus.DUPLICATE)
        if payment.flagged or payment.status not in refundable:
            raise PaymentNotRefundable()
        if not 0 < amount <= payment.refundable_amount:
            raise RefundAmountInvalid()
        return _open_refund(
            payment, amount=amount, reason=RefundReason.ADMIN, source=EventSource.ADMIN, actor_id=actor.pk, note=note
        )


def refund_retry(*, refund_id: uuid.UUID, actor) -> Refund:
    """Put a refund that failed for good back in line (after an operator fixed the cause). Its
    attempt count restarts at one, so the next try first checks whether an earlier one went through."""
    with transaction.atomic():
        payment_id = Refund.objects.filter(pk=refund_id).values_list("payment_id", flat=True).first()
        if payment_id is None:
            raise PaymentNotFound()
        _booking, payment = _locked(payment_id)
        refund = Refund.objects.select_for_update().get(pk=refund_id)
        if refund.status != RefundStatus.FAILED:
            return refund
        refund.status = RefundStatus.PENDING
        refund.attempts = 1
        refund.next_attempt_at = None
        try:
            with transaction.atomic():
                refund.save(update_fields=["status", "attempts", "next_attempt_at", "updated_at"])
        except IntegrityError as exc:
            raise RefundInProgress() from exc
        _event(
            payment,
            source=EventSource.ADMIN,
            kind="refund_retried",
            actor_id=actor.pk,
            data={"refund_id": str(refund.id)},
        )
        transaction.on_commit(lambda: refund_execute(refund_id=refund.id), robust=True)
    return refund


# --- Bookings -------------------------------------------------------------------------------------------


def payment_booking_event(*, booking_id: int, event: str, actor_id: int | None) -> None:
    """Called by bookings inside the transaction that changed the booking (its row is locked).
    A cancelled booking's money is refunded in full; an initiated payment that is paid later is
    refunded when it arrives. An expired hold changes nothing: its payment may still succeed."""
    if event != "cancelled":
        return
    payments = Payment.objects.select_for_update().filter(booking_id=booking_id, status__in=HELD_STATUSES)
    for payment in payments.order_by("pk"):
        _refund_remaining(payment, reason=RefundReason.BOOKING_CANCELLED, source=EventSource.BOOKING, actor_id=actor_id)


def payment_settle_booking(
    *, payment_id: uuid.UUID, source: str = EventSource.RECONCILE, now: datetime | None = None
) -> Payment:
    """For a payment holding money whose booking is not confirmed (a crash, an admin edit): confirm
    the booking or refund, as when the payment was first seen paid. Idempotent."""
    now = now or timezone.now()
    with transaction.atomic():
        booking, payment = _locked(payment_id)
        if payment.status in HELD_STATUSES and not payment.flagged:
            _settle_booking(payment, booking, source=source, now=now)
    return payment


# --- Refresh and webhooks -----------------------------------------------------------------------------


def _fetch(payment_id: uuid.UUID, *, quick: bool = False) -> RemotePayment | None:
    """The gateway's report of the payment; None when it has none (its creation never reached it).
    `quick`: one attempt with a short timeout (see `get_gateway`)."""
    try:
        return get_gateway(quick=quick).fetch_payment(payment_id)
    except GatewayNotFound:
        return None
    except GatewayUnavailable as exc:
        raise PaymentGatewayUnavailable() from exc
    except GatewayError as exc:
        raise PaymentGatewayError() from exc


def payment_refresh(*, user, payment_id: uuid.UUID) -> Payment:
    """Ask the gateway how `user`'s payment stands (after the browser's return) and apply it. A
    failed payment is asked about too: the gateway may report money for one we failed."""
    payment = payment_get_for_user(user=user, payment_id=payment_id)
    if payment.status in FINAL_STATUSES or payment.flagged:
        return payment
    remote = _fetch(payment.id)
    if remote is None:  # reconciliation fails it once the grace period is over
        return payment
    return payment_sync(payment_id=payment.id, remote=remote, source=EventSource.REFRESH)


def _check_webhook_token(token: object) -> None:
    expected = settings.MOYASAR_WEBHOOK_SECRET
    if not expected or not isinstance(token, str) or not hmac.compare_digest(token.encode(), expected.encode()):
        raise WebhookUnauthorized()


def _claim_webhook_event(
    *, event_id: str, kind: str, payment: Payment | None, data: dict, now: datetime
) -> PaymentEvent | None:
    """Record the delivery; None when this event was processed already or is being processed now."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                return PaymentEvent.objects.create(
                    payment=payment,
                    source=EventSource.WEBHOOK,
                    kind=kind,
                    provider_event_id=event_id,
                    data=data,
                    claimed_at=now,
                )
        except IntegrityError:
            event = PaymentEvent.objects.select_for_update().get(provider_event_id=event_id)
        if event.processed_at is not None or (event.claimed_at and event.claimed_at > now - WEBHOOK_CLAIM_TIMEOUT):
            return None
        event.claimed_at = now
        event.save(update_fields=["claimed_at"])
        return event


def _is_event_text(value: object) -> bool:
    """A webhook event's `id` or `type`: a short string without NUL (which PostgreSQL cannot store)."""
    return isinstance(value, str) and 0 < len(value) <= 100 and "\x00" not in value


def _parse_uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def webhook_receive(*, payload: dict, now: datetime | None = None) -> str:
    """Handle one Moyasar webhook delivery; returns what was done: `processed`, `duplicate`,
    `ignored` or `verification`. The payment is fetched from Moyasar before anything changes."""
    now = now or timezone.now()
    _check_webhook_token(payload.get("secret_token"))
    event_id, kind, data = payload.get("id"), payload.get("type"), payload.get("data")
    if not (_is_event_text(event_id) and _is_event_text(kind)):
        raise WebhookInvalid()
    if not isinstance(data, dict):
        raise WebhookInvalid()
    logged = without_nul({key: value for key, value in payload.items() if key != "secret_token"})

    if kind == "webhook_verification":
        # Sent once, never retried: the operator confirms the code in Moyasar (see the runbook).
        logger.warning(
            "Moyasar webhook %s verification code: %s", data.get("webhook_id"), data.get("verification_code")
        )
        event = _claim_webhook_event(event_id=event_id, kind=kind, payment=None, data=logged, now=now)
        if event is not None:
            PaymentEvent.objects.filter(pk=event.pk).update(processed_at=now)
        return "verification"

    payment_id = _parse_uuid(data.get("id")) if kind in PAYMENT_WEBHOOK_TYPES else None
    payment = Payment.objects.filter(pk=payment_id).first() if payment_id else None
    event = _claim_webhook_event(event_id=event_id, kind=kind, payment=payment, data=logged, now=now)
    if event is None:
        return "duplicate"
    if payment is None:
        PaymentEvent.objects.filter(pk=event.pk).update(processed_at=now)
        return "ignored"
    try:
        # One quick attempt: Moyasar expects a fast answer, and a failure makes it deliver again.
        remote = _fetch(payment.id, quick=True)
        if remote is not None:
            payment_sync(payment_id=payment.id, remote=remote, source=EventSource.WEBHOOK, now=now)
    except BaseException:
        # The error answer (a 502 when Moyasar cannot be asked) makes Moyasar deliver the event
        # again; releasing the claim lets that delivery process it.
        PaymentEvent.objects.filter(pk=event.pk).update(claimed_at=None)
        raise
    PaymentEvent.objects.filter(pk=event.pk).update(processed_at=now)
    return "processed"
