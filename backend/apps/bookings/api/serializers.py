"""Input validation and output shapes of the bookings API. No business rules here."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core.dates import validate_supported_date
from apps.core.money import vat_included
from apps.core.phone_mask import mask_phone_number
from apps.salons.no_show import booking_no_show_sentence

from ..models import Booking, BookingItem, BookingStatus, CancelledByRole, PaymentMode, Review
from ..selectors import worked_salon_ids
from ..state import (
    RULES,
    Action,
    Actor,
    actors_for,
    allowed_actions,
    change_deadline,
    effective_status,
    shows_customer_phone,
    shows_full_customer_phone,
)
from .fields import AttachedField

MAX_ID = 2**63 - 1
MAX_AVAILABILITY_DAYS = 14


def id_field(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


# --- Input --------------------------------------------------------------------------------------


class AwareDateTimeField(serializers.DateTimeField):
    """An ISO 8601 datetime that must carry its offset: a naive time is ambiguous across salons."""

    default_error_messages = {
        "naive": _("Include the time zone offset, e.g. 2025-05-01T10:00:00+03:00."),
    }

    def to_internal_value(self, value):
        if isinstance(value, str):
            try:
                parsed = parse_datetime(value.strip())
            except ValueError:
                parsed = None
            if parsed is not None and timezone.is_naive(parsed):
                self.fail("naive")
        return super().to_internal_value(value)


@extend_schema_field(OpenApiTypes.STR)
class DateOrDateTimeField(serializers.Field):
    """`YYYY-MM-DD` (a whole day in the platform's zone) or an ISO 8601 datetime with offset."""

    default_error_messages = {"invalid": _("Enter a date (YYYY-MM-DD) or a date and time with offset.")}

    def to_internal_value(self, data) -> date | datetime:
        if not isinstance(data, str) or len(data) > 40:
            self.fail("invalid")
        if len(data.strip()) == 10:
            try:
                parsed = parse_date(data.strip())
            except ValueError:
                parsed = None
            if parsed is None:
                self.fail("invalid")
            validate_supported_date(parsed)
            return parsed
        try:
            parsed = AwareDateTimeField().run_validation(data)
        except serializers.ValidationError:
            self.fail("invalid")
        validate_supported_date(parsed)
        return parsed

    def to_representation(self, value):
        return value.isoformat()


class BookingCancelInputSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default="", help_text=_("Required when the salon cancels.")
    )


class BookingRescheduleInputSerializer(serializers.Serializer):
    start = AwareDateTimeField(
        validators=[validate_supported_date], help_text=_("The new start, one of the offered times, with its offset.")
    )
    staff = id_field(
        required=False,
        allow_null=True,
        help_text=_("The salon only: give the booking to this stylist (at its own time or at the new start)."),
    )


class ReviewInputSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class BookingListQuerySerializer(serializers.Serializer):
    status = serializers.CharField(
        max_length=200, required=False, help_text=_("Comma-separated statuses, e.g. pending,confirmed.")
    )
    to = DateOrDateTimeField(
        required=False, help_text=_("Bookings starting before this datetime, or on or before this date.")
    )
    upcoming = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("true: from now on, soonest first; false: past bookings, latest first."),
    )

    def get_fields(self):
        fields = super().get_fields()
        # `from` is a Python keyword, so it cannot be declared as a class attribute.
        fields["from"] = DateOrDateTimeField(
            required=False, help_text=_("Bookings starting at or after this datetime, or on or after this date.")
        )
        return fields

    def validate_status(self, value: str) -> list[str]:
        statuses = [item.strip() for item in value.split(",") if item.strip()]
        unknown = [item for item in statuses if item not in BookingStatus.values]
        if unknown:
            raise serializers.ValidationError(
                _("Unknown status: %(statuses)s.") % {"statuses": ", ".join(unknown)}, code="invalid_status"
            )
        return statuses


# --- Output -------------------------------------------------------------------------------------


class SalonDateTimeField(serializers.DateTimeField):
    """ISO 8601 in the datetime's own zone (the salon's), not the server's."""

    def to_representation(self, value):
        return value.isoformat()


class BookingSalonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    timezone = serializers.CharField(help_text=_("The salon's time zone; times are shown in it."))


class BookingServiceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    duration_minutes = serializers.IntegerField()


class StaffSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    display_name = serializers.CharField(source="name", help_text=_("In the request's language."))


class BookingPriceSerializer(serializers.Serializer):
    amount = serializers.IntegerField(help_text=_("Halalas, VAT included."))
    currency = serializers.CharField()
    vat_amount = serializers.IntegerField(help_text=_("The 15% VAT included in the amount, in halalas."))


class BookingCustomerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    first_name = serializers.CharField()
    phone_number = serializers.CharField(
        allow_null=True,
        help_text=_(
            "Whole for the customer, and for the salon on the day of the booking (salon's time zone); masked for the "
            "salon on other days (+9665•••••123); null for anyone else."
        ),
    )


class BookingCancellationSerializer(serializers.Serializer):
    cancelled_at = serializers.DateTimeField()
    cancelled_by_role = serializers.ChoiceField(choices=CancelledByRole.choices)
    reason = serializers.CharField()


class BookingItemSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    service = BookingServiceSerializer()
    staff = StaffSummarySerializer()
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    price = BookingPriceSerializer()


class BookingListSerializer(serializers.ListSerializer):
    """Reads the items of the visits of several services among the bookings in one query (none when
    every booking holds one service: its item is the booking itself)."""

    def to_representation(self, data):
        bookings = list(data.all() if hasattr(data, "all") else data)
        visits = {booking.pk: booking for booking in bookings if booking.item_count > 1}
        if visits:
            items = BookingItem.objects.filter(booking_id__in=visits).select_related("service", "staff")
            for booking in visits.values():
                booking.visit_items = []
            for item in items.order_by("booking_id", "position"):
                visits[item.booking_id].visit_items.append(item)
        return super().to_representation(bookings)


def _price(amount: int, currency: str) -> dict:
    return {"amount": amount, "currency": currency, "vat_amount": vat_included(amount)}


@extend_schema_field(
    BookingItemSerializer(
        many=True, help_text=_("A visit of several services only: each service's stylist, time and price, in order.")
    )
)
class VisitItemsField(serializers.Field):
    """The visit's services in order; left out of a booking of one service (ADR 0017)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", required=False, **kwargs)

    def to_representation(self, booking: Booking) -> list[dict]:
        if booking.item_count == 1:
            return []  # left out by the booking's representation
        items = getattr(booking, "visit_items", None)
        if items is None:
            items = list(booking.items.select_related("service", "staff").order_by("position"))
        return [
            {
                "position": item.position,
                "service": {
                    "id": item.service.pk,
                    "name": item.service.name,
                    "duration_minutes": item.service.duration_minutes,
                },
                "staff": {"id": item.staff.pk, "display_name": item.staff.name},
                "start": serializers.DateTimeField().to_representation(item.start),
                "end": serializers.DateTimeField().to_representation(item.end),
                "price": _price(item.price_amount, booking.currency),
            }
            for item in items
        ]


# How a booking is paid online (ADR 0016); named in the API docs by ENUM_NAME_OVERRIDES.
BOOKING_PAYMENT_POLICIES = ["none", "full", "deposit", "card_hold"]


class BookingNoShowPolicySerializer(serializers.Serializer):
    policy = serializers.ChoiceField(
        choices=BOOKING_PAYMENT_POLICIES,
        help_text=_(
            "How the booking is paid online (ADR 0016): `full` for a customer past the salon's no-show limit, "
            "`deposit`, `card_hold` (authorized, charged only for a no-show or a late cancellation), or `none` "
            "(as the salon's `requires_prepayment` says)."
        ),
    )
    online_amount = serializers.IntegerField(help_text=_("Halalas paid or authorized online at booking (0: none)."))
    pay_at_salon = serializers.IntegerField(help_text=_("Halalas left to pay at the salon after a deposit."))
    fee_amount = serializers.IntegerField(help_text=_("Halalas a no-show or a late cancellation costs (0: none)."))
    text = serializers.CharField(help_text=_("The rules in one sentence, translated; empty when none apply."))


class BookingSerializer(serializers.ModelSerializer):
    """A booking as one caller sees it. The context carries `user`, `managed_salon_ids` and `now`;
    datetimes are given in the salon's time zone."""

    status = serializers.SerializerMethodField()
    salon = BookingSalonSerializer()
    service = BookingServiceSerializer()
    staff = StaffSummarySerializer()
    price = serializers.SerializerMethodField()
    customer = serializers.SerializerMethodField()
    cancellation = serializers.SerializerMethodField()
    cancellation_deadline = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()
    payment = AttachedField()  # the booking's payment at a glance, attached by the payments app
    items = VisitItemsField()
    no_show_policy = serializers.SerializerMethodField()

    class Meta:
        model = Booking
        list_serializer_class = BookingListSerializer
        fields = [
            "id",
            "reference",
            "status",
            "salon",
            "service",
            "staff",
            "start",
            "end",
            "price",
            "hold_expires_at",
            "note",
            "customer",
            "cancellation",
            "cancellation_deadline",
            "created_at",
            "allowed_actions",
            "payment",
            "items",
            "no_show_policy",
        ]
        read_only_fields = fields

    def to_representation(self, instance: Booking):
        with timezone.override(instance.salon.tz):
            data = super().to_representation(instance)
        if instance.item_count == 1:  # a booking of one service is its own one item: shown as before
            del data["items"]
        return data

    def _actors(self, booking: Booking):
        return actors_for(booking, self.context["user"], managed_salon_ids=self.context["managed_salon_ids"])

    @extend_schema_field(serializers.ChoiceField(choices=BookingStatus.choices))
    def get_status(self, booking: Booking) -> str:
        return effective_status(booking, self.context["now"])

    @extend_schema_field(BookingPriceSerializer)
    def get_price(self, booking: Booking) -> dict:
        return _price(booking.price_amount, booking.currency)

    @extend_schema_field(BookingNoShowPolicySerializer)
    def get_no_show_policy(self, booking: Booking) -> dict:
        policy = booking.payment_mode or "none"
        online = booking.amount_due_online if policy != "none" or booking.hold_expires_at is not None else 0
        fee = booking.no_show_fee or 0
        return {
            "policy": policy,
            "online_amount": online,
            "pay_at_salon": booking.price_amount - online if policy == PaymentMode.DEPOSIT else 0,
            "fee_amount": fee,
            "text": booking_no_show_sentence(
                policy=policy,
                window_hours=booking.salon.cancellation_window_hours,
                online_amount=online,
                fee=fee,
            ),
        }

    @extend_schema_field(BookingCustomerSerializer)
    def get_customer(self, booking: Booking) -> dict:
        customer = booking.customer
        actors = self._actors(booking)
        phone_number = None
        if shows_customer_phone(actors):
            phone_number = customer.phone_number
            if not shows_full_customer_phone(booking, actors, self.context["now"]):
                phone_number = mask_phone_number(phone_number)
        return {"id": customer.pk, "first_name": customer.first_name, "phone_number": phone_number}

    @extend_schema_field(BookingCancellationSerializer(allow_null=True))
    def get_cancellation(self, booking: Booking) -> dict | None:
        if booking.status != BookingStatus.CANCELLED:
            return None
        return {
            "cancelled_at": serializers.DateTimeField().to_representation(booking.cancelled_at),
            "cancelled_by_role": booking.cancelled_by_role,
            "reason": booking.cancellation_reason,
        }

    @extend_schema_field(
        serializers.DateTimeField(help_text=_("Until when the customer may cancel or reschedule online."))
    )
    def get_cancellation_deadline(self, booking: Booking) -> str:
        return serializers.DateTimeField().to_representation(change_deadline(booking))

    @extend_schema_field(
        serializers.ListField(
            child=serializers.ChoiceField(
                choices=[action.value for action in Action if RULES[action].actors != {Actor.SYSTEM}]
            )
        )
    )
    def get_allowed_actions(self, booking: Booking) -> list[str]:
        return allowed_actions(
            booking, self._actors(booking), self.context["now"], works_at_salon=self._works_at(booking)
        )

    def _works_at(self, booking: Booking) -> bool:
        """Whether the caller works at the booking's salon (read once per request, and only when it
        matters: the caller's own completed booking, which they could otherwise review)."""
        if booking.customer_id != self.context["user"].pk or booking.status != BookingStatus.COMPLETED:
            return False
        if "worked_salon_ids" not in self.context:
            self.context["worked_salon_ids"] = worked_salon_ids(self.context["user"])
        return booking.salon_id in self.context["worked_salon_ids"]


class ReviewSerializer(serializers.ModelSerializer):
    customer_first_name = serializers.SerializerMethodField(
        help_text=_('The author\'s first name; "Former customer" once their account is deleted.')
    )
    service_name = serializers.CharField(source="booking.service.name")

    class Meta:
        model = Review
        fields = ["id", "rating", "comment", "customer_first_name", "service_name", "created_at"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_customer_first_name(self, review: Review) -> str:
        # A deleted (anonymised, inactive) account's reviews stay, without a name.
        if not review.customer.is_active:
            return str(_("Former customer"))
        return review.customer.first_name
