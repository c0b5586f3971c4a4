"""The HTTP side of Authentica (authentica.sa), shared by sign-in codes and booking SMS.

Pitfalls handled here: bad input answers a 302 to the home page, so redirects are never followed
(the caller treats any 3xx as a failure); the API key travels only in `X-Authorization` and is
never logged or put in an error message.
"""

import logging
from dataclasses import dataclass

import requests
from django.conf import settings

from apps.core.observability.metrics import provider_call

logger = logging.getLogger(__name__)


class AuthenticaUnreachable(Exception):
    """The call did not get an answer (timeout, connection error); the message names only the cause."""


@dataclass(frozen=True)
class AuthenticaAnswer:
    status_code: int
    body: dict

    @property
    def message(self) -> str:
        """The provider's own explanation (it never echoes the key)."""
        message = self.body.get("message")
        errors = self.body.get("errors")
        if not message and isinstance(errors, list) and errors:
            message = errors[0].get("message") if isinstance(errors[0], dict) else errors[0]
        return str(message or "")[:200]

    def failure(self, path: str) -> str:
        """A description of a refused call for logs and records; logs it too."""
        logger.warning("Authentica %s answered HTTP %s: %s", path, self.status_code, self.message or "(no message)")
        return f"Authentica {path}: HTTP {self.status_code} {self.message}".strip()


def authentica_post(path: str, payload: dict) -> AuthenticaAnswer:
    with provider_call("authentica", f"POST {path}") as call:
        response = _post(path, payload)
        if not 200 <= response.status_code < 300:
            call.outcome = f"http_{response.status_code}"
    try:
        body = response.json()
    except ValueError:
        body = {}
    return AuthenticaAnswer(status_code=response.status_code, body=body if isinstance(body, dict) else {})


def _post(path: str, payload: dict) -> requests.Response:
    try:
        return requests.post(
            f"{settings.AUTHENTICA_BASE_URL}{path}",
            json=payload,
            headers={
                "X-Authorization": settings.AUTHENTICA_API_KEY,
                "Accept": "application/json",
                "Content-Type": "application/json",
            },
            timeout=settings.AUTHENTICA_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
    except requests.RequestException as exc:
        logger.warning("Authentica %s failed: %s", path, type(exc).__name__)
        raise AuthenticaUnreachable(f"Authentica {path}: {type(exc).__name__}") from None
