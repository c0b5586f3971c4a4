"""What the log lines of one request share: its id, set by RequestObservabilityMiddleware."""

import re
import uuid
from contextvars import ContextVar

request_id_var: ContextVar[str] = ContextVar("request_id", default="")

# A caller's id is kept only when it is short and plain (it is echoed and logged).
_ACCEPTABLE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def request_id_from(header_value: str | None) -> str:
    """The caller's `X-Request-ID` when acceptable, else a new random one."""
    if header_value and _ACCEPTABLE_ID.match(header_value):
        return header_value
    return uuid.uuid4().hex


def current_request_id() -> str:
    return request_id_var.get()
