"""Payment gateways: Moyasar, and an offline fake with its own checkout page for development and
browser tests. `get_gateway` picks one by `settings.PAYMENT_PROVIDER`."""

from django.conf import settings

from .base import (
    Gateway,
    GatewayAuthError,
    GatewayBadResponse,
    GatewayError,
    GatewayNotFound,
    GatewayRejected,
    GatewayUnavailable,
    RemotePayment,
    without_nul,
)
from .fake import FakeGateway
from .moyasar import ATTEMPTS, QUICK_TIMEOUT_SECONDS, MoyasarGateway

__all__ = [
    "ATTEMPTS",
    "FakeGateway",
    "Gateway",
    "GatewayAuthError",
    "GatewayBadResponse",
    "GatewayError",
    "GatewayNotFound",
    "GatewayRejected",
    "GatewayUnavailable",
    "MoyasarGateway",
    "RemotePayment",
    "get_gateway",
    "without_nul",
]


def get_gateway(*, quick: bool = False) -> Gateway:
    """The gateway chosen by `settings.PAYMENT_PROVIDER` (the fake one only exists with DEBUG or in tests).
    `quick`: one attempt with a short timeout, for a caller that must answer fast (the webhook)."""
    if settings.PAYMENT_PROVIDER == "fake":
        return FakeGateway()
    if quick:
        return MoyasarGateway(timeout=min(QUICK_TIMEOUT_SECONDS, settings.MOYASAR_TIMEOUT_SECONDS), attempts=1)
    return MoyasarGateway()
