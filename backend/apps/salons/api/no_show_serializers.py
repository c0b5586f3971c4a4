"""The salon's no-show protection as its public page shows it (ADR 0016)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..models import NoShowPolicy


class SalonNoShowPolicySerializer(serializers.Serializer):
    policy = serializers.ChoiceField(choices=NoShowPolicy.choices)
    deposit_percent = serializers.IntegerField(
        allow_null=True, help_text=_("With a deposit: this share of the price (else a fixed amount).")
    )
    deposit_amount = serializers.IntegerField(allow_null=True, help_text=_("With a deposit: a fixed amount, halalas."))
    no_show_fee_percent = serializers.IntegerField(
        help_text=_("What a no-show or a late cancellation costs, as a share of the price (0 without a policy).")
    )
    text = serializers.CharField(help_text=_("The rules in one sentence, translated; empty without a policy."))
