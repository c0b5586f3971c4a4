"""The interface every one-time-code provider implements."""

import uuid
from abc import ABC, abstractmethod


class OTPProviderError(Exception):
    """The provider could not send or check a code. The message is safe to store: it never holds secrets."""


class OTPProvider(ABC):
    name: str
    # True when the provider generates and checks codes itself; we then store no hash.
    manages_codes: bool = False

    @abstractmethod
    def send(self, *, phone_number: str, channel: str, code: str | None, request_id: uuid.UUID) -> None:
        """Deliver a code to an E.164 number; `code` is None when the provider generates it.

        Raises `OTPProviderError` when the code was not accepted for delivery.
        """

    def verify(self, *, phone_number: str, code: str) -> bool:
        """Whether `code` is the one the provider sent; only for providers that manage codes.

        Raises `OTPProviderError` when the provider cannot answer.
        """
        raise TypeError(f"The {self.name} provider does not check codes; they are checked locally.")
