"""An offline stand-in for Moyasar, for development and tests (`PAYMENT_PROVIDER=fake`).

It answers like Moyasar (the same payment object, the same errors) and keeps its state in the
database, so any app server can serve its pages. A card or STC Pay payment starts `initiated` with a
`transaction_url` pointing at our own "Pay / Decline" page; the page then sends the browser to the
callback URL with `id`, `status` and `message`, as Moyasar does after 3-D Secure. Apple Pay payments
are paid at once, as with Moyasar.
"""

import uuid
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from ..models import FakeGatewayPayment
from .base import GatewayNotFound, GatewayRejected, RemotePayment

MINIMUM_AMOUNT = 100
# The STC Pay one-time code the fake page treats as a decline (Moyasar's sandbox: insufficient funds).
DECLINED_OTP = "111111"
APPROVED = "APPROVED"
DECLINED = "DECLINED"
INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS"


def _iso(value) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def _payment_object(fake: FakeGatewayPayment) -> dict:
    """The fake payment in Moyasar's shape (section 1.5)."""
    source = {"type": fake.source_type, "message": fake.message}
    if fake.source_type == "stcpay":
        source["mobile"] = fake.number
    else:
        source.update({"company": fake.company, "name": None, "number": fake.number})
    if fake.status == "initiated":
        source["transaction_url"] = fake_checkout_url(fake.id)
    return {
        "id": str(fake.id),
        "status": fake.status,
        "amount": fake.amount,
        "fee": 0,
        "currency": fake.currency,
        "refunded": fake.refunded,
        "captured": fake.captured,
        "description": fake.description,
        "callback_url": fake.callback_url,
        "created_at": _iso(fake.created_at),
        "updated_at": _iso(fake.updated_at),
        "metadata": fake.metadata,
        "source": source,
    }


def _remote(fake: FakeGatewayPayment) -> RemotePayment:
    return RemotePayment.from_json(_payment_object(fake))


def fake_checkout_url(payment_id: uuid.UUID) -> str:
    return f"{settings.FRONTEND_URL}{reverse('payments:fake-checkout', args=[payment_id])}"


def _locked(payment_id) -> FakeGatewayPayment:
    fake = FakeGatewayPayment.objects.select_for_update().filter(pk=str(payment_id)).first()
    if fake is None:
        raise GatewayNotFound("Object not found", http_status=404, type="api_error")
    return fake


def _cannot(action: str) -> GatewayRejected:
    return GatewayRejected(f"Payment can't be {action}", http_status=400, type="invalid_request_error")


class FakeGateway:
    name = "fake"

    def create_payment(
        self,
        *,
        payment_id: uuid.UUID,
        amount: int,
        currency: str,
        description: str,
        callback_url: str,
        source: dict,
        metadata: dict,
    ) -> RemotePayment:
        if amount < MINIMUM_AMOUNT:
            raise GatewayRejected(
                "Validation Failed",
                http_status=400,
                type="invalid_request_error",
                errors={"amount": [f"must be greater than or equal to {MINIMUM_AMOUNT}"]},
            )
        existing = FakeGatewayPayment.objects.filter(pk=payment_id).first()
        if existing is not None:  # Moyasar: "already created"; the client then fetches it
            return _remote(existing)
        fields = {"status": "initiated", "source_type": source["type"], "message": ""}
        if source["type"] == "stcpay":
            fields["number"] = source["mobile"]
        elif source["type"] == "applepay":
            status = "authorized" if source.get("manual") else "paid"
            fields.update(status=status, company="visa", number="XXXX-XXXX-XXXX-4242", message=APPROVED)
        else:
            fields.update(source_type="creditcard", company="mada", number="XXXX-XXXX-XXXX-1010")
        try:
            with transaction.atomic():
                fake = FakeGatewayPayment.objects.create(
                    id=payment_id,
                    amount=amount,
                    currency=currency,
                    manual=bool(source.get("manual")),
                    description=description,
                    callback_url=callback_url,
                    metadata=metadata,
                    captured=amount if fields["status"] == "paid" else 0,
                    **fields,
                )
        except IntegrityError:
            fake = FakeGatewayPayment.objects.get(pk=payment_id)
        return _remote(fake)

    def fetch_payment(self, payment_id: uuid.UUID | str) -> RemotePayment:
        with transaction.atomic():
            return _remote(_locked(payment_id))

    def refund(self, payment_id: uuid.UUID | str, *, amount: int | None = None) -> RemotePayment:
        with transaction.atomic():
            fake = _locked(payment_id)
            if fake.status not in ("paid", "captured", "refunded"):
                raise _cannot("refunded")
            left = fake.amount - fake.refunded
            amount = left if amount is None else amount
            if amount <= 0 or amount > left:
                raise GatewayRejected(
                    "Validation Failed",
                    http_status=400,
                    type="invalid_request_error",
                    errors={"amount": ["is more than the refundable amount"]},
                )
            fake.refunded += amount
            fake.status = "refunded"
            fake.save()
            return _remote(fake)

    def capture(self, payment_id: uuid.UUID | str, *, amount: int | None = None) -> RemotePayment:
        with transaction.atomic():
            fake = _locked(payment_id)
            if fake.status != "authorized":
                raise _cannot("captured")
            amount = fake.amount if amount is None else amount
            if amount <= 0 or amount > fake.amount:
                raise GatewayRejected(
                    "Validation Failed",
                    http_status=400,
                    type="invalid_request_error",
                    errors={"amount": ["must be less than or equal to the authorized amount"]},
                )
            fake.captured = amount
            fake.status = "captured"
            fake.save()
            return _remote(fake)

    def void(self, payment_id: uuid.UUID | str) -> RemotePayment:
        with transaction.atomic():
            fake = _locked(payment_id)
            if fake.status not in ("paid", "authorized", "captured"):
                raise _cannot("voided")
            fake.status = "voided"
            fake.save()
            return _remote(fake)

    def list_payments(self, *, created_from: datetime, created_to: datetime) -> list[RemotePayment]:
        fakes = FakeGatewayPayment.objects.filter(created_at__gte=created_from, created_at__lt=created_to)
        return [_remote(fake) for fake in fakes.order_by("created_at", "pk")]


# --- The fake "3-D Secure / OTP" page ---------------------------------------------------------------


def fake_checkout_get(*, payment_id: uuid.UUID) -> FakeGatewayPayment:
    fake = FakeGatewayPayment.objects.filter(pk=payment_id).first()
    if fake is None:
        raise GatewayNotFound("Object not found", http_status=404, type="api_error")
    return fake


def _with_query(url: str, params: dict) -> str:
    """`url` with `params` added to its query string, keeping the parameters it already has."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True) + list(params.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


def fake_return_url(fake: FakeGatewayPayment) -> str:
    """The callback URL with `id`, `status` and `message`, as Moyasar sends the browser back."""
    return _with_query(fake.callback_url, {"id": str(fake.id), "status": fake.status, "message": fake.message})


def fake_checkout_complete(*, payment_id: uuid.UUID, approve: bool, otp: str = "") -> str:
    """Finish the payer's step like Moyasar's page: pay or decline an initiated payment (an STC Pay
    one is declined by the code 111111), then return the callback URL with `id`, `status`, `message`.
    A payment that is no longer initiated is left as it is."""
    with transaction.atomic():
        fake = _locked(payment_id)
        if fake.status == "initiated":
            if not approve:
                fake.status, fake.message = "failed", DECLINED
            elif fake.source_type == "stcpay" and otp == DECLINED_OTP:
                fake.status, fake.message = "failed", INSUFFICIENT_FUNDS
            else:
                fake.status, fake.message = ("authorized" if fake.manual else "paid"), APPROVED
                fake.captured = 0 if fake.manual else fake.amount
            fake.save()
    return fake_return_url(fake)
