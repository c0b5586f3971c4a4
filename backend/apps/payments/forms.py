"""Forms of the fake gateway's page and of the admin's refund page."""

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.accounts.phone import ascii_digits


class FakeCheckoutForm(forms.Form):
    PAY = "pay"
    DECLINE = "decline"

    action = forms.ChoiceField(choices=[(PAY, _("Pay")), (DECLINE, _("Decline"))])
    otp = forms.CharField(label=_("One-time code"), max_length=12, required=False)

    def __init__(self, *args, needs_otp: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_otp = needs_otp

    def clean_otp(self) -> str:
        return ascii_digits(self.cleaned_data["otp"]).strip()

    def clean(self) -> dict:
        cleaned = super().clean()
        otp = cleaned.get("otp", "")
        if cleaned.get("action") == self.PAY and self.needs_otp and not (len(otp) == 6 and otp.isdigit()):
            self.add_error("otp", _("Enter the 6-digit code."))
        return cleaned


class RefundForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (SAR)"),
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        help_text=_("At most what is left of the payment."),
    )
    note = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))

    def amount_in_halalas(self) -> int:
        return int((self.cleaned_data["amount"] * 100).to_integral_value(ROUND_HALF_UP))
