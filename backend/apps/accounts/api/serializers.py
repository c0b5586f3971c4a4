import re

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..models import Language, OTPChannel, OTPPurpose, User
from ..phone import ascii_digits, normalize_phone_number

_CODE_PATTERN = re.compile(r"^\d{4,10}$")
# Signed JWTs are a few hundred characters; anything far longer is not one of ours.
_TOKEN_MAX_LENGTH = 2000


class PhoneCodeRequestSerializer(serializers.Serializer):
    phone_number = serializers.CharField(max_length=32, help_text=_("A Saudi mobile number, e.g. 0501234567."))
    channel = serializers.ChoiceField(choices=OTPChannel.choices, default=OTPChannel.SMS)
    purpose = serializers.ChoiceField(
        choices=[(p.value, p.label) for p in (OTPPurpose.SIGN_IN, OTPPurpose.DELETE_ACCOUNT, OTPPurpose.CHANGE_PHONE)],
        default=OTPPurpose.SIGN_IN,
        help_text=_(
            "`delete_account`: a signed-in person asks for a code to their own number to delete the account. "
            "`change_phone`: a signed-in person asks for a code to the new number they want on their account."
        ),
    )

    def validate_phone_number(self, value: str) -> str:
        return normalize_phone_number(value)


class PhoneCodeSentSerializer(serializers.Serializer):
    request_id = serializers.UUIDField(source="id")
    expires_at = serializers.DateTimeField()
    resend_available_at = serializers.DateTimeField()


class PhoneCodeVerifySerializer(serializers.Serializer):
    request_id = serializers.CharField(max_length=64)
    code = serializers.CharField(max_length=16, help_text=_("The code received by SMS or WhatsApp."))
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")

    def validate_code(self, value: str) -> str:
        code = ascii_digits(value).strip()
        if not _CODE_PATTERN.fullmatch(code):
            raise serializers.ValidationError(_("Enter the code you received, digits only."), code="invalid_code")
        return code


class UserSerializer(serializers.ModelSerializer):
    manages_salons = serializers.SerializerMethodField(
        help_text="Whether the user may open the back office: manager of a salon, or a platform admin."
    )

    class Meta:
        model = User
        fields = [
            "id",
            "phone_number",
            "first_name",
            "last_name",
            "email",
            "email_verified",
            "pending_email",
            "preferred_language",
            "role",
            "is_phone_verified",
            "salon_alerts_by_sms",
            "email_undeliverable",
            "booking_emails",
            "daily_agenda_by_email",
            "manages_salons",
        ]
        read_only_fields = fields

    def get_manages_salons(self, user: User) -> bool:
        # The reverse side of the salons' `managers`; accounts does not import the catalog.
        return bool(user.is_superuser or user.managed_salons.exists())


class PhoneSignInSerializer(serializers.Serializer):
    access = serializers.CharField(source="tokens.access")
    refresh = serializers.CharField(source="tokens.refresh")
    user = UserSerializer()
    created = serializers.BooleanField(help_text=_("Whether this sign-in created the account."))


class UserUpdateSerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=150, allow_blank=True, required=False)
    last_name = serializers.CharField(max_length=150, allow_blank=True, required=False)
    email = serializers.EmailField(max_length=254, allow_blank=True, allow_null=True, required=False)
    preferred_language = serializers.ChoiceField(choices=Language.choices, required=False)
    salon_alerts_by_sms = serializers.BooleanField(
        required=False,
        help_text=_(
            "Managers and stylists: also receive the salon's booking alerts by SMS (they are always in the inbox)."
        ),
    )
    booking_emails = serializers.BooleanField(
        required=False, help_text=_("Also receive booking messages at the verified email (off after unsubscribing).")
    )
    daily_agenda_by_email = serializers.BooleanField(
        required=False, help_text=_("Managers: receive tomorrow's bookings by email every evening.")
    )


class EmailVerifySerializer(serializers.Serializer):
    code = serializers.RegexField(r"^\d{6}$", help_text=_("The six-digit code mailed to the pending email."))


class EmailVerifyLinkSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=1000, help_text=_("The token of the link mailed to the pending email."))


class EmailVerifiedSerializer(serializers.Serializer):
    email = serializers.EmailField()


class RefreshTokenSerializer(serializers.Serializer):
    refresh = serializers.CharField(max_length=_TOKEN_MAX_LENGTH)


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()
