"""The signed-in person's consents: the current choice per purpose and channel, and the history."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..models import ConsentChannel, ConsentPurpose, ConsentSource

UNKNOWN_KEY = _("Unknown field.")


class StrictBooleanField(serializers.BooleanField):
    """Only JSON true or false: "yes", 1 or "true" are refused."""

    default_error_messages = {"invalid": _("Must be true or false.")}

    def to_internal_value(self, data):
        if isinstance(data, bool):
            return data
        self.fail("invalid")


class _RejectUnknownKeys:
    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = set(data) - set(self.fields)
            if unknown:
                raise serializers.ValidationError(dict.fromkeys(sorted(unknown), [UNKNOWN_KEY]))
        return super().to_internal_value(data)


class ConsentChannelsSerializer(_RejectUnknownKeys, serializers.Serializer):
    sms = StrictBooleanField()
    whatsapp = StrictBooleanField()
    email = StrictBooleanField()


class ConsentChannelsPatchSerializer(_RejectUnknownKeys, serializers.Serializer):
    sms = StrictBooleanField(required=False)
    whatsapp = StrictBooleanField(required=False)
    email = StrictBooleanField(required=False)


class ConsentChoiceSerializer(serializers.Serializer):
    purpose = serializers.ChoiceField(choices=ConsentPurpose.choices)
    channel = serializers.ChoiceField(choices=ConsentChannel.choices)
    granted = serializers.BooleanField()
    at = serializers.DateTimeField()
    source = serializers.ChoiceField(choices=ConsentSource.choices)
    wording_version = serializers.CharField()


class ConsentsSerializer(serializers.Serializer):
    reminders = ConsentChannelsSerializer(help_text=_("Reminders before a booking, per channel."))
    marketing = ConsentChannelsSerializer(help_text=_("Offers and news, per channel (off unless turned on)."))
    history = ConsentChoiceSerializer(many=True, help_text=_("Every choice, newest first."))


class ConsentsPatchSerializer(_RejectUnknownKeys, serializers.Serializer):
    reminders = ConsentChannelsPatchSerializer(required=False)
    marketing = ConsentChannelsPatchSerializer(required=False)
