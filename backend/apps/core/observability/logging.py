"""Log formatting: one JSON object per line in production, phone numbers masked in every line.

Used from settings.LOGGING: `JsonFormatter` when LOG_FORMAT=json (the default with DEBUG off),
`MaskingFormatter` otherwise. Masking happens in the formatters, so a record reaching several handlers
(tests capture them) is never rewritten.
"""

import json
import logging
import re
from datetime import UTC, datetime

from apps.core.phone_mask import mask_phone_number

from .context import request_id_var

# Saudi mobile numbers as they appear in logs: +9665XXXXXXXX, 9665XXXXXXXX, 05XXXXXXXX.
_PHONE = re.compile(r"(?<!\d)(?:\+?9665\d{8}|05\d{8})(?!\d)")

_STANDARD_ATTRIBUTES = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "console_provider",
}


def mask_phones(text: str) -> str:
    return _PHONE.sub(lambda match: mask_phone_number(_normalise(match.group(0))), text)


def _normalise(number: str) -> str:
    digits = number.lstrip("+")
    if digits.startswith("05"):
        digits = "966" + digits[1:]
    return "+" + digits


def _may_show_personal_data(record: logging.LogRecord) -> bool:
    """The console providers print the number and its code on a developer's machine: that is their whole
    job (they mark their lines; they are refused in production, docs/runbooks/security.md)."""
    return bool(getattr(record, "console_provider", False))


class MaskingFormatter(logging.Formatter):
    """The plain one-line format, with every phone number masked."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return text if _may_show_personal_data(record) else mask_phones(text)


class JsonFormatter(logging.Formatter):
    """time, level, logger, message, request_id, any `extra={...}` fields, and the exception."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if not _may_show_personal_data(record):
            line["message"] = mask_phones(line["message"])
        if request_id := request_id_var.get():
            line["request_id"] = request_id
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRIBUTES and not key.startswith("_"):
                line[key] = value if value is None or isinstance(value, bool | int | float) else mask_phones(str(value))
        if record.exc_info:
            line["exception"] = mask_phones(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)
