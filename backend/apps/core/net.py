from django.conf import settings


def client_ip(request) -> str:
    """The client's address, trusting `X-Forwarded-For` only behind TRUSTED_PROXY_COUNT proxies.

    Each trusted proxy appends the address it received the request from, so the
    client is the N-th entry from the right; anything left of it is client-supplied.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "") or "unknown"
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return remote_addr
    return forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
