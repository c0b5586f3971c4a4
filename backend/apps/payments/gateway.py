"""The payment gateway interface, Moyasar's client, and the choice between it and the fake one.

Moyasar facts relied on: HTTP Basic auth with the secret key as user;
a 201 with `status: failed` is a decline, not an error; errors are `{type, message, errors}`;
`given_id` (our payment's UUID) makes creation idempotent and a repeat answers 400 "Payment is
already created", resolved by fetching; refund, capture and void have no idempotency key, so they
are never retried blindly here (the refund service compares `refunded` before trying again).
"""

import logging
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Protocol

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

# Moyasar calls that may be repeated (creation with its `given_id`, fetches) are tried this many times.
ATTEMPTS = 3
# The webhook must answer fast: its fetch is one attempt with at most this timeout.
QUICK_TIMEOUT_SECONDS = 5.0


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


# --- Moyasar ----------------------------------------------------------------------------------------

_ALREADY_CREATED = re.compile(r"already\s+created", re.IGNORECASE)


def _json_body(response: requests.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _error_for(status_code: int, body: dict) -> GatewayError:
    message = str(body.get("message") or f"HTTP {status_code}")[:300]
    kwargs = {"http_status": status_code, "type": str(body.get("type") or ""), "errors": body.get("errors")}
    if status_code == 400:
        return GatewayRejected(message, **kwargs)
    if status_code in (401, 403, 405):
        return GatewayAuthError(message, **kwargs)
    if status_code == 404:
        return GatewayNotFound(message, **kwargs)
    if status_code == 429 or status_code >= 500:
        return GatewayUnavailable(message, **kwargs)
    return GatewayError(message, **kwargs)


class MoyasarGateway:
    name = "moyasar"

    def __init__(
        self,
        *,
        base_url: str | None = None,
        secret_key: str | None = None,
        timeout: float | None = None,
        attempts: int = ATTEMPTS,
        retry_backoff_seconds: float = 0.5,
    ):
        self.base_url = (base_url or settings.MOYASAR_BASE_URL).rstrip("/")
        self._secret_key = secret_key or settings.MOYASAR_SECRET_KEY
        self.timeout = timeout or settings.MOYASAR_TIMEOUT_SECONDS
        self.attempts = attempts
        self.retry_backoff_seconds = retry_backoff_seconds

    def _request(self, method: str, path: str, payload: dict | None = None) -> RemotePayment:
        try:
            response = requests.request(
                method,
                f"{self.base_url}{path}",
                json=payload,
                auth=(self._secret_key, ""),
                headers={"Accept": "application/json"},
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            logger.warning("Moyasar %s %s failed: %s", method, path, type(exc).__name__)
            raise GatewayUnavailable(f"Moyasar {method} {path}: {type(exc).__name__}") from None
        body = _json_body(response)
        if 200 <= response.status_code < 300:
            return RemotePayment.from_json(body)
        error = _error_for(response.status_code, body)
        logger.warning("Moyasar %s %s answered HTTP %s: %s", method, path, response.status_code, error.message)
        raise error

    def _retrying(self, call):
        """Run `call` again after network errors, timeouts and 5xx, a bounded number of times."""
        attempt = 1
        while True:
            try:
                return call()
            except GatewayUnavailable:
                if attempt >= self.attempts:
                    raise
                time.sleep(self.retry_backoff_seconds * 2 ** (attempt - 1))
                attempt += 1

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
        payload = {
            "given_id": str(payment_id),
            "amount": amount,
            "currency": currency,
            "description": description,
            "callback_url": callback_url,
            "source": source,
            "metadata": metadata,
        }

        def attempt() -> RemotePayment:
            try:
                return self._request("POST", "/payments", payload)
            except GatewayRejected as exc:
                # An earlier attempt (whose answer we lost) created it: learn its state instead.
                if _ALREADY_CREATED.search(exc.message) or _ALREADY_CREATED.search(str(exc.errors)):
                    return self._request("GET", f"/payments/{payment_id}")
                raise

        return self._retrying(attempt)

    def fetch_payment(self, payment_id: uuid.UUID | str) -> RemotePayment:
        return self._retrying(lambda: self._request("GET", f"/payments/{payment_id}"))

    def refund(self, payment_id: uuid.UUID | str, *, amount: int | None = None) -> RemotePayment:
        return self._request("POST", f"/payments/{payment_id}/refund", {} if amount is None else {"amount": amount})

    def capture(self, payment_id: uuid.UUID | str, *, amount: int | None = None) -> RemotePayment:
        return self._request("POST", f"/payments/{payment_id}/capture", {} if amount is None else {"amount": amount})

    def void(self, payment_id: uuid.UUID | str) -> RemotePayment:
        return self._request("POST", f"/payments/{payment_id}/void")


def get_gateway(*, quick: bool = False) -> Gateway:
    """The gateway chosen by `settings.PAYMENT_PROVIDER` (the fake one only exists with DEBUG or in tests).
    `quick`: one attempt with a short timeout, for a caller that must answer fast (the webhook)."""
    if settings.PAYMENT_PROVIDER == "fake":
        from .fake_gateway import FakeGateway  # the fake's module imports this one

        return FakeGateway()
    if quick:
        return MoyasarGateway(timeout=min(QUICK_TIMEOUT_SECONDS, settings.MOYASAR_TIMEOUT_SECONDS), attempts=1)
    return MoyasarGateway()
