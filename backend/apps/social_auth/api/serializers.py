from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from apps.accounts.api.serializers import UserSerializer

from ..models import SocialIdentity, SocialProvider

_TOKEN_MAX_LENGTH = 8192


class SocialProviderSerializer(serializers.Serializer):
    name = serializers.ChoiceField(choices=SocialProvider.choices)
    client_id = serializers.CharField(help_text=_("The client id the provider's button is initialised with."))
    development = serializers.BooleanField(help_text=_("The development stand-in (no real provider)."))


class SocialProviderListSerializer(serializers.Serializer):
    providers = SocialProviderSerializer(many=True)


class SocialNonceSerializer(serializers.Serializer):
    nonce = serializers.CharField(source="value")
    expires_at = serializers.DateTimeField()


class AppleNameSerializer(serializers.Serializer):
    firstName = serializers.CharField(max_length=150, required=False, allow_blank=True)  # noqa: N815 (Apple's shape)
    lastName = serializers.CharField(max_length=150, required=False, allow_blank=True)  # noqa: N815


class AppleUserSerializer(serializers.Serializer):
    name = AppleNameSerializer(required=False)
    email = serializers.CharField(max_length=254, required=False, allow_blank=True)


class SocialSignInRequestSerializer(serializers.Serializer):
    id_token = serializers.CharField(max_length=_TOKEN_MAX_LENGTH, help_text=_("The provider's ID token (a JWT)."))
    nonce = serializers.CharField(max_length=64, help_text=_("The nonce from POST /api/auth/social/nonce/."))
    user = AppleUserSerializer(
        required=False, help_text=_("Apple only: the `user` object of Apple's JS response (first sign-in only).")
    )


class SocialSignedInSerializer(serializers.Serializer):
    access = serializers.CharField(source="tokens.access")
    refresh = serializers.CharField(source="tokens.refresh")
    user = UserSerializer()
    created = serializers.BooleanField(help_text=_("Whether this sign-in created the account."))


class PhoneRequiredSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=["phone_required"])
    detail = serializers.CharField()
    link_token = serializers.CharField(help_text=_("Pass it to POST /api/auth/social/link/ with the phone's code."))
    link_token_expires_in = serializers.IntegerField(help_text=_("Seconds."))
    provider = serializers.ChoiceField(choices=SocialProvider.choices)
    email = serializers.CharField(help_text=_("The provider's verified email, for display (may be empty)."))


class SocialLinkSerializer(serializers.Serializer):
    link_token = serializers.CharField(max_length=4096)
    request_id = serializers.CharField(max_length=64, help_text=_("The id answered by POST /api/auth/phone/request/."))
    code = serializers.CharField(max_length=16, help_text=_("The code sent to the phone."))


class SocialIdentitySerializer(serializers.ModelSerializer):
    class Meta:
        model = SocialIdentity
        fields = ["id", "provider", "email", "is_private_relay", "created_at", "last_used_at"]
        read_only_fields = fields


class DevelopmentTokenRequestSerializer(serializers.Serializer):
    nonce = serializers.CharField(max_length=64)
    subject = serializers.CharField(max_length=255, required=False, default="development-user")
    email = serializers.EmailField(required=False, default="dev@example.com")


class DevelopmentTokenSerializer(serializers.Serializer):
    id_token = serializers.CharField()
