"""The admin's forms: the bank's answer for the payouts selected, and the minimum of a payout run."""

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from apps.core.money import format_sar

SENT, RETURNED = "sent", "returned"


class PayoutAnswerForm(forms.Form):
    """One bank reference per payout (and, for returned payouts, why)."""

    def __init__(self, *args, payouts, answer: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.payouts = list(payouts)
        self.answer = answer
        for payout in self.payouts:
            self.fields[f"reference_{payout.pk}"] = forms.CharField(
                label=f"{payout.reference} · {payout.beneficiary_name} · {format_sar(payout.amount)}",
                max_length=64,
                help_text=_("The bank's reference of the transfer.")
                if answer == SENT
                else _("The bank's reference of the return."),
            )
        if answer == RETURNED:
            self.fields["reason"] = forms.CharField(label=_("Reason"), max_length=255, required=False)

    def references(self) -> dict[int, str]:
        return {payout.pk: self.cleaned_data[f"reference_{payout.pk}"] for payout in self.payouts}


class PayoutRunForm(forms.Form):
    minimum = forms.DecimalField(
        label=_("Minimum payout (SAR)"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        initial=lambda: Decimal(settings.PAYOUT_MINIMUM_HALALAS) / 100,
        help_text=_("Salons whose available balance is below this are left for a later run."),
    )

    def minimum_in_halalas(self) -> int:
        return int((self.cleaned_data["minimum"] * 100).to_integral_value(ROUND_HALF_UP))
