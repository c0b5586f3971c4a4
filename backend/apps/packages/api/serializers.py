"""The packages API's shapes. Money is integer halalas with `currency`; datetimes ISO 8601."""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from apps.accounts.phone import normalize_phone_number
from apps.payments.api.serializers import PaymentSourceSerializer

from ..codes import display_code
from ..models import GiftCard, InstrumentStatus, Package, PackagePurchase, Purchase, PurchaseKind, PurchaseStatus

MAX_ID = 2**31 - 1


class PackageSerializer(serializers.ModelSerializer):
    service = serializers.IntegerField(source="service_id")
    service_name_ar = serializers.CharField(source="service.name_ar")
    service_name_en = serializers.CharField(source="service.name_en")

    class Meta:
        model = Package
        fields = [
            "id",
            "salon",
            "service",
            "service_name_ar",
            "service_name_en",
            "name_ar",
            "name_en",
            "sessions",
            "validity_days",
            "price_amount",
            "currency",
            "is_active",
        ]


class PackageWriteSerializer(serializers.Serializer):
    service = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    name_ar = serializers.CharField(max_length=120)
    name_en = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    sessions = serializers.IntegerField(min_value=1, max_value=100)
    validity_days = serializers.IntegerField(min_value=1, max_value=1095)
    price_amount = serializers.IntegerField(min_value=100, max_value=10_000_000)
    is_active = serializers.BooleanField(required=False, default=True)


class PurchaseSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=PurchaseKind.choices)
    status = serializers.ChoiceField(choices=PurchaseStatus.choices)

    class Meta:
        model = Purchase
        fields = [
            "id",
            "kind",
            "salon",
            "status",
            "amount",
            "currency",
            "transaction_url",
            "failure_message",
            "refunded_amount",
            "paid_at",
            "created_at",
        ]


class PackageBuySerializer(serializers.Serializer):
    package = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    source = PaymentSourceSerializer()


class GiftCardBuySerializer(serializers.Serializer):
    salon = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    amount = serializers.IntegerField(
        help_text=_("Halalas, within GIFT_CARD_MIN_AMOUNT and GIFT_CARD_MAX_AMOUNT (see the config endpoint).")
    )
    recipient_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    recipient_phone = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")
    source = PaymentSourceSerializer()

    def validate_recipient_phone(self, value: str) -> str:
        """A Saudi mobile number, stored E.164 so the card shows in the recipient's profile."""
        if not value.strip():
            return ""
        try:
            return normalize_phone_number(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages, code="invalid_phone") from exc


class MyPackageSerializer(serializers.ModelSerializer):
    package = PackageSerializer()
    salon_name_ar = serializers.CharField(source="package.salon.name_ar")
    salon_name_en = serializers.CharField(source="package.salon.name_en")
    sessions_left = serializers.IntegerField()
    status = serializers.ChoiceField(choices=InstrumentStatus.choices)
    usable = serializers.SerializerMethodField()

    class Meta:
        model = PackagePurchase
        fields = [
            "id",
            "package",
            "salon_name_ar",
            "salon_name_en",
            "sessions_total",
            "sessions_used",
            "sessions_left",
            "price_amount",
            "expires_at",
            "status",
            "usable",
        ]

    def get_usable(self, obj: PackagePurchase) -> bool:
        now = self.context["now"]
        return obj.status == InstrumentStatus.ACTIVE and obj.sessions_left > 0 and obj.expires_at > now


class GiftCardSerializer(serializers.ModelSerializer):
    code = serializers.SerializerMethodField()
    salon_name_ar = serializers.CharField(source="salon.name_ar")
    salon_name_en = serializers.CharField(source="salon.name_en")
    status = serializers.ChoiceField(choices=InstrumentStatus.choices)
    bought_by_me = serializers.SerializerMethodField()

    class Meta:
        model = GiftCard
        fields = [
            "id",
            "code",
            "salon",
            "salon_name_ar",
            "salon_name_en",
            "initial_amount",
            "balance",
            "currency",
            "expires_at",
            "recipient_name",
            "status",
            "bought_by_me",
        ]

    def get_code(self, obj: GiftCard) -> str:
        return display_code(obj.code)

    def get_bought_by_me(self, obj: GiftCard) -> bool:
        return obj.purchaser_id == self.context["user_id"]


class GiftCardCheckSerializer(serializers.ModelSerializer):
    """What a code's holder may know: where, how much is left, until when."""

    salon_name_ar = serializers.CharField(source="salon.name_ar")
    salon_name_en = serializers.CharField(source="salon.name_en")
    status = serializers.ChoiceField(choices=InstrumentStatus.choices)

    class Meta:
        model = GiftCard
        fields = ["salon", "salon_name_ar", "salon_name_en", "balance", "currency", "expires_at", "status"]


class GiftCardConfigSerializer(serializers.Serializer):
    min_amount = serializers.IntegerField()
    max_amount = serializers.IntegerField()
    validity_days = serializers.IntegerField()
    currency = serializers.CharField()

    @staticmethod
    def current() -> dict:
        return {
            "min_amount": settings.GIFT_CARD_MIN_AMOUNT,
            "max_amount": settings.GIFT_CARD_MAX_AMOUNT,
            "validity_days": settings.GIFT_CARD_VALIDITY_DAYS,
            "currency": "SAR",
        }


class SalonPurchaseSerializer(PurchaseSerializer):
    customer_phone = serializers.CharField(source="customer.phone_number")
    customer_name = serializers.CharField(source="customer.get_full_name")
    sessions_left = serializers.SerializerMethodField()
    balance = serializers.SerializerMethodField()

    class Meta(PurchaseSerializer.Meta):
        fields = [*PurchaseSerializer.Meta.fields, "customer_phone", "customer_name", "sessions_left", "balance"]

    def get_sessions_left(self, obj: Purchase) -> int | None:
        bought = getattr(obj, "package_purchase", None) if obj.kind == PurchaseKind.PACKAGE else None
        return bought.sessions_left if bought else None

    def get_balance(self, obj: Purchase) -> int | None:
        card = getattr(obj, "gift_card", None) if obj.kind == PurchaseKind.GIFT_CARD else None
        return card.balance if card else None
