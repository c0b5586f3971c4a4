"""Development provider: each message is written to the server console instead of being sent."""

import logging
import uuid

from .base import MessageProvider, SendResult

logger = logging.getLogger("apps.notifications")


class ConsoleProvider(MessageProvider):
    name = "console"

    def send(self, *, phone: str, body: str, channel: str) -> SendResult:
        message_id = f"console-{uuid.uuid4().hex[:12]}"
        logger.info("Message to %s via %s: %s", phone, channel, body, extra={"console_provider": True})
        return SendResult(provider_message_id=message_id, channel_used=channel)
