"""Development provider: the code is written to the server console instead of being sent."""

import logging
import uuid

from .base import OTPProvider

logger = logging.getLogger("apps.accounts.otp")


class ConsoleProvider(OTPProvider):
    name = "console"
    manages_codes = False

    def send(self, *, phone_number: str, channel: str, code: str | None, request_id: uuid.UUID) -> None:
        logger.info(
            "OTP for %s via %s: %s (request %s)",
            phone_number,
            channel,
            code,
            request_id,
            extra={"console_provider": True},
        )
