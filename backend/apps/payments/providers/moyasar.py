"""Moyasar's REST client (see providers/base.py for the facts relied on)."""

import logging
import re
import time
import uuid
from datetime import UTC, datetime

import requests
from django.conf import settings

from apps.core.observability.metrics import provider_call

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
# Listing stops after this many pages (Moyasar's pages hold a few dozen payments).
MAX_LIST_PAGES = 1000
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
        return RemotePayment.from_json(self._request_json(method, path, payload))

    def _request_json(self, method: str, path: str, payload: dict | None = None, params: dict | None = None) -> dict:
        with provider_call("moyasar", f"{method} {path}") as call:
            response = self._send(method, path, payload, params)
            if not 200 <= response.status_code < 300:
                call.outcome = f"http_{response.status_code}"
        body = _json_body(response)
        if 200 <= response.status_code < 300:
            return body
        error = _error_for(response.status_code, body)
        logger.warning("Moyasar %s %s answered HTTP %s: %s", method, path, response.status_code, error.message)
        raise error

    def _send(self, method: str, path: str, payload: dict | None, params: dict | None) -> requests.Response:
        try:
            return requests.request(
                method,
                f"{self.base_url}{path}",
                json=payload,
                params=params,
                auth=(self._secret_key, ""),
                headers={"Accept": "application/json"},
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            logger.warning("Moyasar %s %s failed: %s", method, path, type(exc).__name__)
            raise GatewayUnavailable(f"Moyasar {method} {path}: {type(exc).__name__}") from None

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

    def list_payments(self, *, created_from: datetime, created_to: datetime) -> list[RemotePayment]:
        """`GET /payments` filtered by creation time, page after page (section 1.6). Moyasar's bounds
        are exclusive and to the second, so the range is widened by a second and cut here exactly."""
        params = {
            "created[gt]": _moyasar_time(created_from.timestamp() - 1),
            "created[lt]": _moyasar_time(created_to.timestamp() + 1),
        }
        found: list[RemotePayment] = []
        page: int | None = 1
        while page is not None and page <= MAX_LIST_PAGES:
            body = self._retrying(
                lambda page=page: self._request_json("GET", "/payments", params={**params, "page": page})
            )
            for item in body.get("payments") or []:
                created = _parse_time(item.get("created_at")) if isinstance(item, dict) else None
                if created is None or created_from <= created < created_to:
                    found.append(RemotePayment.from_json(item))
            next_page = (body.get("meta") or {}).get("next_page")
            page = next_page if isinstance(next_page, int) and next_page > page else None
        return found


def _moyasar_time(timestamp: float) -> str:
    return datetime.fromtimestamp(int(timestamp), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_time(value) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None
