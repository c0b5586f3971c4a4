"""Shapes of the back office's e-invoicing endpoint."""

from rest_framework import serializers

from ..models import UnitState


class LegalDetailsSerializer(serializers.Serializer):
    legal_name = serializers.CharField()
    vat_number = serializers.CharField()
    cr_number = serializers.CharField()
    building_number = serializers.CharField()
    street = serializers.CharField()
    district_name = serializers.CharField()
    city_name = serializers.CharField()
    postal_code = serializers.CharField()


class ZatcaUnitSerializer(serializers.Serializer):
    """Expects `selectors.unit_status`. No key, certificate or secret is ever part of it."""

    state = serializers.ChoiceField(choices=UnitState.choices)
    last_message = serializers.CharField(help_text="ZATCA's last answer (e.g. why onboarding failed).")
    certificate_expires_at = serializers.DateTimeField(allow_null=True)
    onboarded_at = serializers.DateTimeField(allow_null=True)
    legal_details = LegalDetailsSerializer(
        help_text="Edited with `PATCH /api/manage/salons/{id}/` (the legal name with the payout details)."
    )
    missing = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="The legal details that stop the unit from being onboarded, with why; empty when none.",
    )
    can_onboard = serializers.BooleanField()
    can_renew = serializers.BooleanField()


class ZatcaOnboardSerializer(serializers.Serializer):
    otp = serializers.RegexField(
        r"^\s*\d{4,8}\s*$",
        help_text="The one-time password from the Fatoora portal (Onboard new solution unit/device).",
    )
