"""Throttle and lock-out for the admin's password sign-in (`/admin/login/`).

Each failed attempt is counted per account (the normalised phone number typed) and per client address
in the shared cache (`CACHES["default"]`: Redis or the database, so every process sees the same
counts). An account with ADMIN_LOGIN_ACCOUNT_MAX_FAILURES failures within ADMIN_LOGIN_WINDOW_MINUTES is
locked for ADMIN_LOGIN_LOCKOUT_MINUTES, even for the right password; an address with
ADMIN_LOGIN_IP_MAX_FAILURES failures is refused the same way. A refused attempt is answered 429 before
any password is hashed. Every attempt is logged with the masked number and the address, never the
password. An operator unlocks an account with `manage.py admin_login_unlock <phone>`.
"""

import contextlib
import logging
from time import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import ngettext

from apps.core.net import client_ip
from apps.core.phone_mask import mask_phone_number

from .phone import normalize_phone_number

logger = logging.getLogger(__name__)
PREFIX = "admin-login"


def _account(raw: str) -> str:
    with contextlib.suppress(ValidationError):
        return normalize_phone_number(raw)
    return raw.strip().lower()[:64]


def _keys(kind: str, value: str) -> tuple[str, str]:
    return f"{PREFIX}:failures:{kind}:{value}", f"{PREFIX}:locked:{kind}:{value}"


def _locked_seconds(kind: str, value: str) -> int:
    """Seconds left of a lock-out, 0 when not locked."""
    _failures, locked = _keys(kind, value)
    until = cache.get(locked)
    if until is None:
        return 0
    return max(1, int(until - time()))


def _count_failure(kind: str, value: str, limit: int) -> None:
    failures, locked = _keys(kind, value)
    window = settings.ADMIN_LOGIN_WINDOW_MINUTES * 60
    cache.add(failures, 0, timeout=window)
    try:
        count = cache.incr(failures)
    except ValueError:  # expired between add and incr
        cache.set(failures, 1, timeout=window)
        count = 1
    if count >= limit:
        lockout = settings.ADMIN_LOGIN_LOCKOUT_MINUTES * 60
        cache.set(locked, time() + lockout, timeout=lockout)
        cache.delete(failures)


def admin_login_unlock(*, phone_number: str) -> None:
    """Lift an account's lock-out and forget its failures."""
    for key in _keys("account", _account(phone_number)):
        cache.delete(key)


def _refused(seconds: int) -> HttpResponse:
    minutes = max(1, (seconds + 59) // 60)
    message = ngettext(
        "Too many failed sign-in attempts. Try again in %(minutes)d minute.",
        "Too many failed sign-in attempts. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
    response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(seconds)
    return response


class AdminLoginGuardMiddleware:
    """Counts the admin login's failures and refuses locked accounts and addresses (see module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.path != reverse("admin:login"):
            return self.get_response(request)
        account, address = _account(request.POST.get("username", "")), client_ip(request)
        shown = mask_phone_number(account) if account.startswith("+") else "(not a phone number)"
        locked = max(_locked_seconds("account", account), _locked_seconds("ip", address))
        if locked:
            logger.warning("Admin sign-in refused (locked out) for %s from %s", shown, address)
            return _refused(locked)
        response = self.get_response(request)
        if response.status_code == 302 and request.user.is_authenticated:
            logger.info("Admin sign-in succeeded for %s from %s", shown, address)
            admin_login_unlock(phone_number=account)
        elif response.status_code == 200:  # the form again, with its error
            logger.warning("Admin sign-in failed for %s from %s", shown, address)
            _count_failure("account", account, settings.ADMIN_LOGIN_ACCOUNT_MAX_FAILURES)
            _count_failure("ip", address, settings.ADMIN_LOGIN_IP_MAX_FAILURES)
        return response
