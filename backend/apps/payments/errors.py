"""The payments app's errors. Clients branch on `code` (stable snake_case), never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, Conflict, NotFound


class ErrorCode(StrEnum):
    PAYMENT_NOT_FOUND = "payment_not_found"
    BOOKING_NOT_PAYABLE = "booking_not_payable"
    BOOKING_HOLD_EXPIRED = "booking_hold_expired"
    PAYMENT_IN_PROGRESS = "payment_in_progress"
    PAYMENT_METHOD_UNAVAILABLE = "payment_method_unavailable"
    PAYMENT_REJECTED = "payment_rejected"
    PAYMENT_GATEWAY_UNAVAILABLE = "payment_gateway_unavailable"
    PAYMENT_GATEWAY_ERROR = "payment_gateway_error"
    IDEMPOTENCY_KEY_REQUIRED = "idempotency_key_required"
    IDEMPOTENCY_KEY_INVALID = "idempotency_key_invalid"
    IDEMPOTENCY_IN_PROGRESS = "idempotency_in_progress"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    WEBHOOK_UNAUTHORIZED = "webhook_unauthorized"
    WEBHOOK_INVALID = "webhook_invalid"
    PAYMENT_NOT_REFUNDABLE = "payment_not_refundable"
    REFUND_AMOUNT_INVALID = "refund_amount_invalid"
    REFUND_IN_PROGRESS = "refund_in_progress"


class PaymentNotFound(NotFound):
    code = ErrorCode.PAYMENT_NOT_FOUND
    message = _("Payment not found.")


class BookingNotPayable(Conflict):
    code = ErrorCode.BOOKING_NOT_PAYABLE
    message = _("This booking cannot be paid online now.")


class BookingHoldExpired(Conflict):
    code = ErrorCode.BOOKING_HOLD_EXPIRED
    message = _("The time held for this booking has run out. Please book again.")


class PaymentInProgress(Conflict):
    """Another attempt at paying the booking may still take the customer's money; the body's `payment`
    is its id, for the client to send the payer back to it."""

    code = ErrorCode.PAYMENT_IN_PROGRESS
    message = _(
        "An earlier payment for this booking is not finished yet. Complete it on its payment page, "
        "or try again in a moment."
    )

    def __init__(self, *, payment_id):
        super().__init__(extra={"payment": str(payment_id)})


class PaymentMethodUnavailable(AppError):
    code = ErrorCode.PAYMENT_METHOD_UNAVAILABLE
    message = _("This payment method is not available.")


class PaymentRejected(AppError):
    code = ErrorCode.PAYMENT_REJECTED
    message = _("The payment details were not accepted. Check them and try again.")


class PaymentGatewayUnavailable(AppError):
    code = ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE
    status_code = status.HTTP_502_BAD_GATEWAY
    message = _("The payment service is not answering right now. Please try again in a moment.")


class PaymentGatewayError(AppError):
    code = ErrorCode.PAYMENT_GATEWAY_ERROR
    status_code = status.HTTP_502_BAD_GATEWAY
    message = _("The payment service could not handle the request. Please try again later.")


class IdempotencyKeyRequired(AppError):
    code = ErrorCode.IDEMPOTENCY_KEY_REQUIRED
    message = _("Send an Idempotency-Key header with this request.")


class IdempotencyKeyInvalid(AppError):
    code = ErrorCode.IDEMPOTENCY_KEY_INVALID
    message = _("The Idempotency-Key header must be 1 to 255 visible ASCII characters.")


class IdempotencyInProgress(Conflict):
    code = ErrorCode.IDEMPOTENCY_IN_PROGRESS
    message = _("A request with this Idempotency-Key is still being processed. Try again shortly.")


class IdempotencyKeyReused(AppError):
    code = ErrorCode.IDEMPOTENCY_KEY_REUSED
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    message = _("This Idempotency-Key was already used for a different request.")


class WebhookUnauthorized(AppError):
    code = ErrorCode.WEBHOOK_UNAUTHORIZED
    status_code = status.HTTP_401_UNAUTHORIZED
    message = _("The webhook secret token is missing or wrong.")


class WebhookInvalid(AppError):
    code = ErrorCode.WEBHOOK_INVALID
    message = _("The webhook event is malformed.")


class PaymentNotRefundable(Conflict):
    code = ErrorCode.PAYMENT_NOT_REFUNDABLE
    message = _("This payment holds no money that can be refunded.")


class RefundAmountInvalid(AppError):
    code = ErrorCode.REFUND_AMOUNT_INVALID
    message = _("The refund amount must be more than zero and at most what is left of the payment.")


class RefundInProgress(Conflict):
    code = ErrorCode.REFUND_IN_PROGRESS
    message = _("Another refund of this payment is in progress. Wait for it to finish.")
