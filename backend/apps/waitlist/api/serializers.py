from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core.serializers import HourMinuteField

from ..models import EntryStatus, OfferOutcome


class WaitlistJoinSerializer(serializers.Serializer):
    salon = serializers.IntegerField(min_value=1)
    service = serializers.IntegerField(min_value=1)
    staff = serializers.IntegerField(min_value=1, required=False, allow_null=True, help_text=_("Null: any stylist."))
    date_from = serializers.DateField(help_text=_("The first day, in the salon's time zone."))
    date_to = serializers.DateField(help_text=_("The last day, in the salon's time zone."))
    time_from = HourMinuteField(required=False, allow_null=True, help_text=_("Left out: the whole day."))
    time_to = HourMinuteField(required=False, allow_null=True, help_text=_("Starts before this time of day."))

    def validate(self, attrs):
        time_from, time_to = attrs.get("time_from"), attrs.get("time_to")
        if (time_from is None) != (time_to is None):
            raise serializers.ValidationError({"time_to": [_("Give both times of day, or neither.")]})
        if time_from is not None and time_to <= time_from:
            raise serializers.ValidationError({"time_to": [_("The end time must be after the start time.")]})
        return attrs


class WaitlistLeaveQuerySerializer(serializers.Serializer):
    id = serializers.IntegerField(min_value=1, max_value=2**31 - 1)


class NamedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class WaitlistStaffSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    display_name = serializers.CharField(source="name")


class WaitlistOfferSummarySerializer(serializers.Serializer):
    booking = serializers.IntegerField(source="booking_id")
    reference = serializers.CharField(source="booking.reference")
    start = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField(help_text=_("The SPA's page of the offer."))

    def get_url(self, offer) -> str:
        return offer_url(offer.booking_id)


def offer_url(booking_id: int) -> str:
    return f"{settings.FRONTEND_URL}/waitlist/offers/{booking_id}"


class WaitlistEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    salon = NamedSerializer()
    timezone = serializers.CharField(source="salon.timezone", help_text=_("The salon's time zone."))
    service = NamedSerializer()
    staff = WaitlistStaffSerializer(allow_null=True)
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    time_from = HourMinuteField(allow_null=True)
    time_to = HourMinuteField(allow_null=True)
    status = serializers.ChoiceField(choices=EntryStatus.choices)
    position = serializers.SerializerMethodField(
        help_text=_("The place in line among the waiting entries for this salon and service; null when not waiting.")
    )
    created_at = serializers.DateTimeField()
    offer = serializers.SerializerMethodField(help_text=_("The time held for the entry, or taken by it."))

    def get_position(self, entry) -> int | None:
        return getattr(entry, "position", None)

    @extend_schema_field(WaitlistOfferSummarySerializer(allow_null=True))
    def get_offer(self, entry):
        offers = getattr(entry, "current_offers", None) or []
        return WaitlistOfferSummarySerializer(offers[0]).data if offers else None


class WaitlistOfferSerializer(serializers.Serializer):
    booking = serializers.IntegerField(source="booking_id")
    reference = serializers.CharField(source="booking.reference")
    outcome = serializers.ChoiceField(choices=OfferOutcome.choices)
    entry = serializers.IntegerField(source="entry_id")
    salon = NamedSerializer(source="booking.salon")
    timezone = serializers.CharField(source="booking.salon.timezone", help_text=_("The salon's time zone."))
    service = NamedSerializer(source="booking.service")
    staff = WaitlistStaffSerializer(source="booking.staff")
    start = serializers.DateTimeField()
    end = serializers.DateTimeField(source="booking.end")
    expires_at = serializers.DateTimeField()
    price_amount = serializers.IntegerField(source="booking.price_amount", help_text=_("Halalas, VAT included."))
    currency = serializers.CharField(source="booking.currency")
    requires_payment = serializers.BooleanField(
        source="booking.salon.requires_prepayment",
        help_text=_("Taking the offer means paying for the booking online (the payment confirms it)."),
    )
    booking_status = serializers.CharField(source="booking.status")
