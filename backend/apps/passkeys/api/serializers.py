from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..models import Passkey


class CredentialField(serializers.JSONField):
    """The PublicKeyCredential from `navigator.credentials.create()`/`.get()` as JSON (binary fields
    base64url), as WebAuthn Level 3's `toJSON()` gives it."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not isinstance(value, dict):
            raise serializers.ValidationError(_("Expected a credential object."))
        return value


class RegisterVerifySerializer(serializers.Serializer):
    credential = CredentialField()
    name = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class LoginVerifySerializer(serializers.Serializer):
    credential = CredentialField()


class PasskeySerializer(serializers.ModelSerializer):
    class Meta:
        model = Passkey
        fields = ["id", "name", "created_at", "last_used_at", "backed_up"]
        read_only_fields = fields
