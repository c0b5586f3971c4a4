"""Query and response shapes of the salon's money: balance, statement, payouts, payout details."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from apps.accounts.models import OTPChannel
from apps.accounts.phone import ascii_digits
from apps.core.dates import validate_supported_date

from ..iban import iban_mask
from ..models import EntryKind, PayoutStatus

MAX_DAYS = 400
STATEMENT_KINDS = [
    EntryKind.PAYMENT_CAPTURED,
    EntryKind.COMMISSION,
    EntryKind.COMMISSION_VAT,
    EntryKind.REFUND,
    EntryKind.COMMISSION_REVERSAL,
    EntryKind.COMMISSION_VAT_REVERSAL,
    EntryKind.PAYOUT,
    EntryKind.PAYOUT_RETURNED,
]


class BalanceSerializer(serializers.Serializer):
    currency = serializers.CharField()
    balance = serializers.IntegerField(help_text="Halalas the platform owes the salon now: available + pending.")
    available = serializers.IntegerField(
        help_text="What a payout may take now (negative when refunds after a payout exceed new money)."
    )
    pending = serializers.IntegerField(
        help_text="Money of paid bookings not visited yet, still in the refund window, or with a refund in flight."
    )
    in_transit = serializers.IntegerField(help_text="Payouts created and not yet sent by the bank.")
    paid_out = serializers.IntegerField(help_text="Payouts the bank sent (returned ones excluded).")
    commission_rate_bps = serializers.IntegerField(help_text="The salon's commission rate (1000 = 10%).")
    minimum_payout = serializers.IntegerField(help_text="The smallest payout made, in halalas.")
    payouts_enabled = serializers.BooleanField(help_text="Whether the salon has an IBAN to be paid to.")
    refund_window_hours = serializers.IntegerField(
        help_text="Hours after a visit ends during which its money stays pending (it may still be refunded)."
    )


class StatementQuerySerializer(serializers.Serializer):
    """`from` and `to`: local days of the salon, both included; by default this month to today."""

    to = serializers.DateField(
        required=False, validators=[validate_supported_date], help_text=_("The last local day (inclusive).")
    )

    def get_fields(self):
        fields = super().get_fields()
        # `from` is a Python keyword, so it cannot be declared as a class attribute.
        fields["from"] = serializers.DateField(
            required=False, validators=[validate_supported_date], help_text=_("The first local day (inclusive).")
        )
        return fields

    def validate(self, attrs):
        first, last = attrs.get("from"), attrs.get("to")
        if first and last and first > last:
            raise serializers.ValidationError({"to": [_("The end of the period comes before its start.")]})
        if first and last and (last - first).days + 1 > MAX_DAYS:
            raise serializers.ValidationError({"to": [_("A statement covers at most 400 days.")]})
        return attrs


class StatementEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    occurred_at = serializers.CharField(help_text="ISO 8601 with the salon's offset.")
    kind = serializers.ChoiceField(choices=STATEMENT_KINDS)
    description = serializers.CharField(help_text="In the request's language.")
    booking_reference = serializers.CharField(allow_null=True)
    payout_reference = serializers.CharField(allow_null=True)
    amount = serializers.IntegerField(
        help_text="Halalas from the salon's side: positive is owed to the salon, negative is taken from it."
    )
    balance_after = serializers.IntegerField()


class StatementSerializer(serializers.Serializer):
    currency = serializers.CharField()
    to = serializers.DateField()
    opening_balance = serializers.IntegerField()
    closing_balance = serializers.IntegerField()
    entries = StatementEntrySerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateField()
        return {
            name: fields[name] for name in ("currency", "from", "to", "opening_balance", "closing_balance", "entries")
        }


class PayoutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    amount = serializers.IntegerField()
    currency = serializers.CharField()
    status = serializers.ChoiceField(choices=PayoutStatus.choices)
    iban_masked = serializers.SerializerMethodField()
    bank_reference = serializers.CharField()
    created_at = serializers.DateTimeField()
    sent_at = serializers.DateTimeField(allow_null=True)
    returned_at = serializers.DateTimeField(allow_null=True)

    def get_iban_masked(self, payout) -> str:
        return iban_mask(payout.iban)


class PayoutDetailsSerializer(serializers.Serializer):
    legal_name = serializers.CharField(help_text="The name registered with the Ministry of Commerce.")
    vat_number = serializers.CharField(help_text="Empty when the salon has none.")
    iban_masked = serializers.CharField(help_text="E.g. `SA03 **** **** **** **** 7519`; empty when none is set.")
    iban_set = serializers.BooleanField()
    updated_at = serializers.DateTimeField(allow_null=True, help_text="When the IBAN was last changed.")


class PayoutDetailsUpdateSerializer(serializers.Serializer):
    legal_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    iban = serializers.CharField(
        required=False,
        max_length=64,
        help_text=_("A Saudi IBAN (SA and 22 characters); spaces and lower case are accepted."),
    )
    code = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=12,
        help_text=_("The one-time code sent to your phone; needed to change the IBAN."),
    )

    def validate_code(self, value: str) -> str:
        return ascii_digits(value).strip()


class PayoutCodeRequestSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(choices=OTPChannel.choices, default=OTPChannel.SMS)


class PayoutCodeSentSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(choices=OTPChannel.choices)
    expires_in = serializers.IntegerField(help_text="Seconds the code stays valid.")
