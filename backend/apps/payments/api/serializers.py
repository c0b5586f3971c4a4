"""Input validation and output shapes of the payments API. No business rules here."""

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.accounts.phone import local_format, normalize_phone_number

from ..models import Payment, PaymentMethod, PaymentStatus

MAX_ID = 2**63 - 1
MAX_CARD_TOKEN_LENGTH = 200
MAX_APPLE_PAY_TOKEN_LENGTH = 20000
SOURCE_TYPES = ["token", "applepay", "stcpay"]
WEBHOOK_OUTCOMES = ["processed", "duplicate", "ignored", "verification"]
PROVIDERS = ["fake", "moyasar"]


# --- Input --------------------------------------------------------------------------------------


class PaymentSourceSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=SOURCE_TYPES,
        help_text=_("token: a card tokenized in the browser; applepay: an Apple Pay token; stcpay: a mobile number."),
    )
    token = serializers.CharField(
        max_length=MAX_APPLE_PAY_TOKEN_LENGTH,
        required=False,
        help_text=_("For token: the `token_…` id. For applepay: the payment token as a JSON string."),
    )
    mobile = serializers.CharField(
        max_length=32, required=False, help_text=_("For stcpay: the customer's STC Pay mobile number, e.g. 05XXXXXXXX.")
    )

    default_error_messages = {
        "token_required": _("Give the token of this payment source."),
        "token_too_long": _("This card token is too long."),
        "mobile_required": _("Give the STC Pay mobile number."),
    }

    def validate(self, attrs: dict) -> dict:
        if attrs["type"] == "stcpay":
            if not attrs.get("mobile"):
                raise serializers.ValidationError({"mobile": self.error_messages["mobile_required"]})
            try:
                mobile = local_format(normalize_phone_number(attrs["mobile"]))
            except DjangoValidationError as exc:
                raise serializers.ValidationError({"mobile": exc.messages}) from None
            return {"type": "stcpay", "mobile": mobile}
        token = attrs.get("token")
        if not token:
            raise serializers.ValidationError({"token": self.error_messages["token_required"]})
        if attrs["type"] == "token" and len(token) > MAX_CARD_TOKEN_LENGTH:
            raise serializers.ValidationError({"token": self.error_messages["token_too_long"]})
        return {"type": attrs["type"], "token": token}


class PaymentCreateInputSerializer(serializers.Serializer):
    booking = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text=_("The pending booking to pay."))
    source = PaymentSourceSerializer()


# --- Output ---------------------------------------------------------------------------------------
# The status and method choice sets appear in several components: each use carries its own enum id so
# that drf-spectacular names them after their component instead of colliding with the bookings' `status`.


def _enum(values: list[str], enum_id: str) -> dict:
    return {"type": "string", "enum": values, "x-spec-enum-id": enum_id}


# What the customer is told about a failed payment: the gateway's text (English, terse, sometimes ours
# such as "Not found at the gateway.") stays in the admin; a known reason gets its own message.
_FAILURE_REASONS = [
    (
        re.compile(r"INSUFFICIENT", re.I),
        _("There are not enough funds for this payment. Use another card or payment method."),
    ),
    (re.compile(r"EXPIRED.CARD|CARD.EXPIRED", re.I), _("The card has expired. Use another card.")),
    (re.compile(r"LIMIT", re.I), _("The payment is over your spending limit. Use another card or payment method.")),
    (
        re.compile(r"3-?D.?SECURE|3DS|\bOTP\b|AUTHENTICATION.FAILED", re.I),
        _("The verification step was not completed. Try again, or use another card or payment method."),
    ),
]
GENERIC_FAILURE = _("The payment was declined or could not be completed. Try again or use another card.")


def failure_message_for(payment: Payment) -> str:
    """The translated reason shown to the customer for a failed payment; empty for any other status."""
    if payment.status != PaymentStatus.FAILED:
        return ""
    for pattern, message in _FAILURE_REASONS:
        if pattern.search(payment.failure_message):
            return str(message)
    return str(GENERIC_FAILURE)


@extend_schema_field(_enum(PaymentStatus.values, "payment-status"))
class PaymentStatusField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=PaymentStatus.choices, **kwargs)


@extend_schema_field(_enum(PaymentStatus.values, "booking-payment-status"))
class BookingPaymentStatusField(PaymentStatusField):
    pass


@extend_schema_field(_enum(PaymentMethod.values, "payment-method"))
class PaymentMethodField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=PaymentMethod.choices, **kwargs)


@extend_schema_field(_enum(PaymentMethod.values, "payment-config-methods"))
class ConfigMethodField(PaymentMethodField):
    pass


class PaymentSummarySerializer(serializers.ModelSerializer):
    """A payment at a glance, as shown on its booking."""

    status = BookingPaymentStatusField()
    method = PaymentMethodField()
    amount = serializers.IntegerField(help_text=_("Halalas, VAT included."))
    vat_amount = serializers.IntegerField(help_text=_("The 15% VAT included in the amount, in halalas."))
    refunded_amount = serializers.IntegerField(
        help_text=_("Halalas given back so far; the payment is fully refunded when it equals the amount.")
    )

    class Meta:
        model = Payment
        fields = [
            "id",
            "status",
            "amount",
            "currency",
            "vat_amount",
            "refunded_amount",
            "method",
            "card_brand",
            "card_last4",
        ]
        read_only_fields = fields


class PaymentSerializer(PaymentSummarySerializer):
    booking = serializers.IntegerField(source="booking_id")
    status = PaymentStatusField()
    transaction_url = serializers.SerializerMethodField()
    failure_message = serializers.SerializerMethodField()

    class Meta(PaymentSummarySerializer.Meta):
        fields = [
            "id",
            "booking",
            "status",
            "amount",
            "currency",
            "vat_amount",
            "refunded_amount",
            "method",
            "card_brand",
            "card_last4",
            "transaction_url",
            "failure_message",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(
        serializers.URLField(
            allow_null=True, help_text=_("While initiated: the page where the payer completes 3-D Secure or the OTP.")
        )
    )
    def get_transaction_url(self, payment: Payment) -> str | None:
        if payment.status != PaymentStatus.INITIATED or not payment.transaction_url:
            return None
        return payment.transaction_url

    @extend_schema_field(
        serializers.CharField(
            help_text=_("When failed: why, in the customer's language (empty otherwise). Not the gateway's own text.")
        )
    )
    def get_failure_message(self, payment: Payment) -> str:
        return failure_message_for(payment)


class PaymentConfigSerializer(serializers.Serializer):
    provider = serializers.ChoiceField(choices=PROVIDERS)
    fake = serializers.BooleanField(help_text=_("True when the offline stand-in is active (development)."))
    publishable_key = serializers.CharField(help_text=_("Moyasar's publishable key, to tokenize cards in the browser."))
    methods = serializers.ListField(child=ConfigMethodField())
    currency = serializers.CharField()
    supported_networks = serializers.ListField(child=serializers.CharField())


class WebhookEventSerializer(serializers.Serializer):
    """Moyasar's webhook envelope (documentation only: the service checks it)."""

    id = serializers.CharField()
    type = serializers.CharField(help_text=_("e.g. payment_paid, payment_failed, webhook_verification."))
    created_at = serializers.DateTimeField()
    secret_token = serializers.CharField()
    account_name = serializers.CharField(required=False)
    live = serializers.BooleanField(required=False)
    data = serializers.DictField(help_text=_("The payment object (or the verification details)."))


class WebhookResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=WEBHOOK_OUTCOMES)
