"""What every payment gateway answers and raises, and the interface they share.

Moyasar facts relied on: HTTP Basic auth with the secret key as user;
a 201 with `status: failed` is a decline, not an error; errors are `{type, message, errors}`;
`given_id` (our payment's UUID) makes creation idempotent and a repeat answers 400 "Payment is
already created", resolved by fetching; refund, capture and void have no idempotency key, so they
are never retried blindly here (the refund service compares `refunded` before trying again).
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


def without_nul(value):
    """`value` (decoded JSON) with NUL characters removed from every string and key: PostgreSQL
    refuses them in text and `jsonb`, and they mean nothing in a payment."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {without_nul(key): without_nul(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_nul(item) for item in value]
    return value


# --- What a gateway answers -----------------------------------------------------------------------


@dataclass(frozen=True)
class RemotePayment:
    """A payment as the gateway reports it (Moyasar's payment object, section 1.5)."""

    id: str
    status: str
    amount: int
    currency: str
    refunded: int = 0
    captured: int = 0
    method: str = ""
    card_brand: str = ""
    card_last4: str = ""
    message: str = ""
    transaction_url: str = ""
    metadata: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)

    @classmethod
    def from_json(cls, body: dict) -> "RemotePayment":
        body = without_nul(body)
        try:
            source = body.get("source") or {}
            if not isinstance(source, dict):
                source = {}
            amount = body["amount"]
            if not isinstance(amount, int) or isinstance(amount, bool):
                raise TypeError("amount")
            digits = re.sub(r"\D", "", str(source.get("number") or ""))
            return cls(
                id=str(body["id"]),
                status=str(body["status"]),
                amount=amount,
                currency=str(body["currency"]).upper(),
                refunded=int(body.get("refunded") or 0),
                captured=int(body.get("captured") or 0),
                method=str(source.get("type") or ""),
                card_brand=str(source.get("company") or "")[:32],
                card_last4=digits[-4:] if len(digits) >= 4 else "",
                message=str(source.get("message") or "")[:255],
                transaction_url=str(source.get("transaction_url") or ""),
                metadata=body.get("metadata") if isinstance(body.get("metadata"), dict) else {},
                raw=body,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise GatewayBadResponse(f"Unexpected payment object ({type(exc).__name__}: {exc})") from None


class GatewayError(Exception):
    """The gateway did not do what was asked. Safe to log and store: it never holds keys."""

    def __init__(self, message: str, *, http_status: int | None = None, type: str = "", errors=None):
        super().__init__(message)
        self.message = message
        self.http_status = http_status
        self.type = type
        self.errors = errors if isinstance(errors, dict) else {}


class GatewayUnavailable(GatewayError):
    """No answer, a timeout, a rate limit or a server error: the request may or may not have been done."""


class GatewayBadResponse(GatewayUnavailable):
    """An answer we cannot read; treated like no answer."""


class GatewayRejected(GatewayError):
    """A 400: invalid input, or an operation the payment's state does not allow."""


class GatewayAuthError(GatewayError):
    """401/403/405: our keys or account are not set up for this."""


class GatewayNotFound(GatewayError):
    """404: the gateway has no such payment."""


class Gateway(Protocol):
    name: str

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
    ) -> RemotePayment: ...

    def fetch_payment(self, payment_id: uuid.UUID | str) -> RemotePayment: ...

    def refund(self, payment_id: uuid.UUID | str, *, amount: int | None = None) -> RemotePayment: ...

    def capture(self, payment_id: uuid.UUID | str, *, amount: int | None = None) -> RemotePayment: ...

    def void(self, payment_id: uuid.UUID | str) -> RemotePayment: ...

    def list_payments(self, *, created_from: datetime, created_to: datetime) -> list[RemotePayment]:
        """Every payment created in [created_from, created_to), whatever its status (for checks of the
        books against the gateway, e.g. `ledger_check --gateway-day`)."""
        ...
