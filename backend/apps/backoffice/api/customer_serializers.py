"""Shapes of the salon's customer list (its own CRM). Notes, tags and the block are the salon's,
shown to its managers only."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from apps.bookings.api.serializers import BookingSerializer, SalonDateTimeField
from apps.core.phone_mask import mask_phone_number

MAX_TAGS = 20
MAX_TAG_LENGTH = 30
MAX_NOTES_LENGTH = 2000


class ManageCustomerQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default="", help_text=_("A name or phone number.")
    )


class ManageCustomerSerializer(serializers.Serializer):
    user_id = serializers.IntegerField(source="pk")
    first_name = serializers.CharField()
    phone_number = serializers.SerializerMethodField(
        help_text=_(
            "Masked in the list (+9665•••••123); whole on the customer's page, whose every opening is recorded."
        )
    )
    visit_count = serializers.IntegerField(help_text=_("Completed bookings at this salon."))
    last_visit = SalonDateTimeField(allow_null=True, help_text=_("The start of the latest completed booking."))
    next_visit = SalonDateTimeField(allow_null=True, help_text=_("The start of the next booking holding time."))
    total_paid = serializers.IntegerField(
        help_text=_("Halalas the customer's payments for this salon's bookings hold, net of refunds.")
    )
    no_show_count = serializers.IntegerField(
        help_text=_(
            "No-shows at this salon that still count (less those forgiven); from the salon's limit on, "
            "the customer must prepay in full."
        )
    )
    no_shows_forgiven = serializers.IntegerField(help_text=_("No-shows the salon forgave."))
    cancellation_count = serializers.IntegerField(help_text=_("Bookings the customer cancelled."))
    notes = serializers.CharField(help_text=_("The salon's private notes."))
    tags = serializers.ListField(child=serializers.CharField())
    blocked = serializers.BooleanField(help_text=_("The salon refuses this customer's online bookings."))

    def get_phone_number(self, customer) -> str:
        return mask_phone_number(customer.phone_number)


class ManageCustomerDetailSerializer(ManageCustomerSerializer):
    bookings = BookingSerializer(
        many=True, source="salon_bookings", help_text=_("Their bookings at this salon, newest first.")
    )

    def get_phone_number(self, customer) -> str:
        return customer.phone_number


class ManageCustomerUpdateSerializer(serializers.Serializer):
    notes = serializers.CharField(max_length=MAX_NOTES_LENGTH, required=False, allow_blank=True)
    tags = serializers.ListField(
        child=serializers.CharField(max_length=MAX_TAG_LENGTH),
        max_length=MAX_TAGS,
        required=False,
        help_text=_("Short labels, e.g. VIP; repeated ones are kept once."),
    )
    blocked = serializers.BooleanField(
        required=False, help_text=_("Refuse the customer's online bookings (the salon can still book them).")
    )

    def validate_tags(self, tags: list[str]) -> list[str]:
        return list(dict.fromkeys(tag.strip() for tag in tags))
