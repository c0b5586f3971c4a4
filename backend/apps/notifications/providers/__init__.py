"""Message providers, chosen by `settings.NOTIFICATION_PROVIDER` (independently of `OTP_PROVIDER`)."""

from django.conf import settings

from .authentica import AuthenticaProvider
from .base import MessageProvider, MessageProviderError, SendResult
from .console import ConsoleProvider

_PROVIDERS: dict[str, type[MessageProvider]] = {
    ConsoleProvider.name: ConsoleProvider,
    AuthenticaProvider.name: AuthenticaProvider,
}

__all__ = ["MessageProvider", "MessageProviderError", "SendResult", "get_message_provider"]


def get_message_provider() -> MessageProvider:
    return _PROVIDERS[settings.NOTIFICATION_PROVIDER]()
