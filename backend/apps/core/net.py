import ipaddress
from contextvars import ContextVar

from django.conf import settings

# The address of the request being served (empty outside a request), for records written deep in a
# service that has no request at hand (the audit log).
_request_ip: ContextVar[str] = ContextVar("request_ip", default="")


def client_ip(request) -> str:
    """The client's address, trusting `X-Forwarded-For` only behind TRUSTED_PROXY_COUNT proxies.

    Each trusted proxy appends the address it received the request from, so the client is the
    N-th entry from the right; anything left of it was written by the client and is ignored.
    A header with fewer entries than trusted proxies, or a malformed entry, is not trusted.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "") or "unknown"
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote_addr
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr


def current_client_ip() -> str:
    """The client address of the request being served, or "" outside a request."""
    return _request_ip.get()


class ClientIPMiddleware:
    """Remembers the request's client address (`client_ip`) for `current_client_ip` while it is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            _request_ip.reset(token)
