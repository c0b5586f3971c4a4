"""One-time-code providers, chosen by `settings.OTP_PROVIDER`."""

from django.conf import settings

from .authentica import AuthenticaProvider
from .base import OTPProvider, OTPProviderError
from .console import ConsoleProvider

_PROVIDERS: dict[str, type[OTPProvider]] = {
    ConsoleProvider.name: ConsoleProvider,
    AuthenticaProvider.name: AuthenticaProvider,
}

__all__ = ["OTPProvider", "OTPProviderError", "get_otp_provider"]


def get_otp_provider(name: str | None = None) -> OTPProvider:
    """The configured provider, or the named one (the provider that sent a given code)."""
    return _PROVIDERS[name or settings.OTP_PROVIDER]()
