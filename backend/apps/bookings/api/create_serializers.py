"""The input of booking create: one service, or a visit of several (`items`, ADR 0017)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from apps.core.dates import validate_supported_date

from ..models import MAX_VISIT_ITEMS
from .serializers import AwareDateTimeField, id_field


class BookingItemInputSerializer(serializers.Serializer):
    service = id_field()
    staff = id_field(required=False, allow_null=True, help_text=_("Leave out for any free qualified stylist."))


class BookingCreateInputSerializer(serializers.Serializer):
    service = id_field(required=False, help_text=_("The service to book (or `items`)."))
    staff = id_field(
        required=False, allow_null=True, help_text=_("The stylist; leave out to get any free qualified stylist.")
    )
    items = BookingItemInputSerializer(
        many=True,
        required=False,
        min_length=1,
        max_length=MAX_VISIT_ITEMS,
        help_text=_("A visit: its services in order, back to back from `start`, instead of `service` and `staff`."),
    )
    start = AwareDateTimeField(
        validators=[validate_supported_date], help_text=_("One of the offered start times, with its offset.")
    )
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    customer_phone = serializers.CharField(
        max_length=32,
        required=False,
        help_text=_("Staff and managers only: book on behalf of the customer with this mobile number."),
    )
    customer_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    package = id_field(
        required=False, allow_null=True, help_text=_("One of your package purchases: a session pays the price.")
    )
    gift_card = serializers.CharField(
        max_length=32, required=False, allow_blank=True, help_text=_("A gift card's code: its balance pays the price.")
    )

    def validate(self, attrs):
        if ("items" in attrs) == ("service" in attrs):
            raise serializers.ValidationError({"service": [_("Give either a service or items.")]})
        if "items" in attrs and attrs.get("staff") is not None:
            raise serializers.ValidationError({"staff": [_("Give each item's stylist in the items.")]})
        return attrs
