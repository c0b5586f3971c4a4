"""Output shapes of the inbox API."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..messages import TEMPLATES
from ..models import Notification


class NotificationBookingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()


class NotificationSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField(help_text=_("A short title for the event, in the reader's language."))
    booking = NotificationBookingSerializer(allow_null=True, read_only=True)
    is_read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "event", "title", "body", "booking", "created_at", "read_at", "is_read"]
        read_only_fields = fields

    def get_title(self, notification: Notification) -> str:
        template = TEMPLATES.get(notification.template)
        return str(template.title if template else notification.get_event_display())

    def get_is_read(self, notification: Notification) -> bool:
        return notification.read_at is not None


class UnreadCountSerializer(serializers.Serializer):
    count = serializers.IntegerField()


class ReadAllSerializer(serializers.Serializer):
    updated = serializers.IntegerField(help_text=_("How many notifications were marked read."))


class InboundMessageSerializer(serializers.Serializer):
    """`{"from", "text", "channel"}`: `from` is a Python keyword, hence the fields built here."""

    def get_fields(self):
        return {
            "from": serializers.CharField(max_length=64, help_text=_("The sender's phone number.")),
            "text": serializers.CharField(max_length=2000, allow_blank=True, trim_whitespace=False),
            "channel": serializers.ChoiceField(choices=[("sms", "SMS"), ("whatsapp", "WhatsApp")], default="sms"),
        }


class InboundResultSerializer(serializers.Serializer):
    received = serializers.BooleanField()


class EmailUnsubscribeSerializer(serializers.Serializer):
    token = serializers.CharField(
        max_length=500, help_text=_("The token of the email's unsubscribe link (or in the query string).")
    )


class EmailUnsubscribeResultSerializer(serializers.Serializer):
    list = serializers.ChoiceField(
        choices=[("booking", "Booking messages"), ("agenda", "Tomorrow's bookings")],
        help_text=_("The emails that stopped."),
    )


class EmailEventSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=[("bounce", "bounce"), ("complaint", "complaint"), ("delivery", "delivery")])
    email = serializers.EmailField(max_length=254)
    permanent = serializers.BooleanField(default=True, help_text=_("Bounces: false for a temporary failure (ignored)."))


class EmailEventsSerializer(serializers.Serializer):
    events = EmailEventSerializer(many=True, allow_empty=False, max_length=100)


class EmailEventsResultSerializer(serializers.Serializer):
    received = serializers.IntegerField()
    marked_undeliverable = serializers.IntegerField()
