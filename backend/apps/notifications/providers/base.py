"""The interface every message provider implements (separate from the sign-in code providers)."""

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass

E164 = re.compile(r"^\+[1-9]\d{1,14}$")


class MessageProviderError(Exception):
    """The provider did not accept the message. The text is safe to store: it never holds secrets."""


@dataclass(frozen=True)
class SendResult:
    provider_message_id: str
    channel_used: str


class MessageProvider(ABC):
    name: str

    @abstractmethod
    def send(self, *, phone: str, body: str, channel: str) -> SendResult:
        """Deliver `body` to an E.164 number on `channel` (`sms` or `whatsapp`), or on SMS where the
        provider cannot use the channel; the result says which channel was used.

        Raises `MessageProviderError` when the message was not accepted for delivery.
        """
