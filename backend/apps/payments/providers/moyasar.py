"""Moyasar's REST client (see providers/base.py for the facts relied on)."""

import logging
import re
import time
import uuid

import requests
from django.conf import settings

from .base import (
    GatewayAuthError,
    GatewayError,
    GatewayNotFound,
    GatewayRejected,
    GatewayUnavailable,
    RemotePayment,
)

logger = logging.getLogger(__name__)

# Moyasar calls that may be repeated (creation with its `given_id`, fetches) are tried this many times.
ATTEMPTS = 3
# The webhook must answer fast: its fetch is one attempt with at most this timeout.
QUICK_TIMEOUT_SECONDS = 5.0

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
