"""The fake gateway's payer page (development only): what Moyasar's 3-D Secure or STC Pay OTP page
does, served by our backend. It changes only the fake gateway's record; our payment follows when
the app refreshes it, exactly as with Moyasar."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_http_methods

from ..forms import FakeCheckoutForm
from ..models import PaymentStatus
from ..providers import GatewayNotFound
from ..providers.fake import fake_checkout_complete, fake_checkout_get, fake_return_url

LANGUAGES = ("ar", "en")


@require_http_methods(["GET", "POST"])
def fake_checkout(request, payment_id: uuid.UUID):
    if settings.PAYMENT_PROVIDER != "fake":
        raise Http404
    language = request.GET.get("lang")
    with translation.override(language if language in LANGUAGES else translation.get_language()):
        try:
            fake = fake_checkout_get(payment_id=payment_id)
        except GatewayNotFound:
            raise Http404 from None
        needs_otp = fake.source_type == "stcpay"
        form = FakeCheckoutForm(request.POST or None, needs_otp=needs_otp)
        if request.method == "POST" and form.is_valid():
            approve = form.cleaned_data["action"] == FakeCheckoutForm.PAY
            return HttpResponseRedirect(
                fake_checkout_complete(payment_id=payment_id, approve=approve, otp=form.cleaned_data["otp"])
            )
        context = {
            "fake": fake,
            "form": form,
            "needs_otp": needs_otp,
            "amount": f"{Decimal(fake.amount) / 100:.2f}",
            "return_url": fake_return_url(fake),
            "status_label": PaymentStatus(fake.status).label if fake.status in PaymentStatus.values else fake.status,
            "language": translation.get_language(),
            "other_language": "en" if translation.get_language() == "ar" else "ar",
        }
        return render(request, "payments/fake_checkout.html", context, status=400 if form.is_bound else 200)
