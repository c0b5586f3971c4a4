import ipaddress

from django.conf import settings


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
