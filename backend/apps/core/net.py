import ipaddress
from contextvars import ContextVar

from django.conf import settings

# The address of the request being served (empty outside a request), for records written deep in a
# service that has no request at hand (the audit log).
_request_ip: ContextVar[str] = ContextVar("request_ip", default="")


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _is_trusted_proxy(address: ipaddress.IPv4Address | ipaddress.IPv6Address | None) -> bool:
    if address is None:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in ipaddress.ip_network(network, strict=False) for network in settings.TRUSTED_PROXY_NETWORKS)


def client_ip(request) -> str:
    """The client's address, trusting `X-Forwarded-For` only behind TRUSTED_PROXY_COUNT proxies.

    Read the hops from the right of `[X-Forwarded-For entries..., REMOTE_ADDR]`: REMOTE_ADDR is hop 0
    (the nearest proxy), and each trusted proxy appended the address it received the request from,
    so the client is hop TRUSTED_PROXY_COUNT; anything left of it was written by the client and is
    ignored. The hops the answer relies on (REMOTE_ADDR and every hop between it and the client) must
    be proxies: addresses inside TRUSTED_PROXY_NETWORKS (by default loopback and private ranges). So
    a client that reaches the app directly (a public REMOTE_ADDR) never chooses its address with a
    header it wrote, whatever the count says. Fewer entries than trusted proxies, a malformed entry or
    a hop that is not a proxy: REMOTE_ADDR.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "") or "unknown"
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote_addr
    hops = [*forwarded, remote_addr]
    if not all(_is_trusted_proxy(_address(hop)) for hop in hops[-proxies:]):
        return remote_addr
    candidate = _address(hops[-proxies - 1])
    return str(candidate) if candidate is not None else remote_addr


def ip_limit_key(address: str) -> str:
    """What per-address limits count: an IPv4 address itself, an IPv6 address by its /64 network
    (one subscriber's allocation: any of its 2^64 addresses is the same client), an IPv4-mapped IPv6
    address as its IPv4. Anything unparseable as given."""
    parsed = _address(address)
    if parsed is None:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


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
