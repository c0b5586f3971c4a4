"""Error tracking with Sentry when SENTRY_DSN is set (off by default).

No personal data leaves: `data_collection` keeps user identity, bodies and local variables out,
and `scrub_event` masks phone numbers in what is left (messages, exception values, breadcrumbs) and
drops the headers that carry credentials.
"""

from typing import Any

from .logging import mask_phones

_SECRET_HEADERS = {"authorization", "cookie", "x-auth-cookie", "x-authorization", "idempotency-key"}


def _mask(value: Any) -> Any:
    if isinstance(value, str):
        return mask_phones(value)
    if isinstance(value, dict):
        return {key: _mask(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_mask(item) for item in value]
    return value


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    request = event.get("request") or {}
    headers = request.get("headers")
    if isinstance(headers, dict):
        request["headers"] = {key: value for key, value in headers.items() if key.lower() not in _SECRET_HEADERS}
    request.pop("cookies", None)
    request.pop("data", None)
    request.pop("query_string", None)
    for key in ("message", "logentry", "exception", "breadcrumbs", "extra", "request"):
        if key in event:
            event[key] = _mask(event[key])
    return event


def init_sentry(*, dsn: str, environment: str, release: str, traces_sample_rate: float) -> None:
    import sentry_sdk

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        traces_sample_rate=traces_sample_rate,
        # No user identity, request bodies, local variables or query parameters of SQL.
        data_collection={
            "user_info": False,
            "http_bodies": [],
            "stack_frame_variables": False,
            "database_query_data": False,
        },
        before_send=scrub_event,
    )
