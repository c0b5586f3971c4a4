"""Reads behind the one-time-code abuse limits. Each answers how long until its limit frees
(zero when it is free); call them inside the transaction that holds the number's lock."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet

from .models import OTPRequest, OTPStatus

_DAY = timedelta(hours=24)


def _codes_sent_to(phone_number: str) -> QuerySet[OTPRequest]:
    """Codes that count against a number: everything but failed sends."""
    return OTPRequest.objects.filter(phone_number=phone_number).exclude(status=OTPStatus.FAILED)


def _time_until_below_limit(codes: QuerySet[OTPRequest], *, limit: int, window: timedelta, now: datetime) -> timedelta:
    """Time until fewer than `limit` of `codes` were created within the `window` before now."""
    recent = list(
        codes.filter(created_at__gt=now - window).order_by("-created_at").values_list("created_at", flat=True)[:limit]
    )
    if len(recent) < limit:
        return timedelta(0)
    # The limit frees when the limit-th newest code leaves the window.
    return recent[-1] + window - now


def otp_phone_cooldown_remaining(*, phone_number: str, now: datetime) -> timedelta:
    cooldown = timedelta(seconds=settings.OTP_RESEND_COOLDOWN_SECONDS)
    return _time_until_below_limit(_codes_sent_to(phone_number), limit=1, window=cooldown, now=now)


def otp_phone_window_remaining(*, phone_number: str, now: datetime) -> timedelta:
    return _time_until_below_limit(
        _codes_sent_to(phone_number),
        limit=settings.OTP_MAX_PER_WINDOW,
        window=timedelta(minutes=settings.OTP_WINDOW_MINUTES),
        now=now,
    )


def otp_phone_day_remaining(*, phone_number: str, now: datetime) -> timedelta:
    return _time_until_below_limit(
        _codes_sent_to(phone_number), limit=settings.OTP_MAX_SENDS_PER_DAY, window=_DAY, now=now
    )


def otp_ip_window_remaining(*, ip_network: str, now: datetime) -> timedelta:
    """Counted per `apps.core.net.ip_limit_key` (an IPv6 /64 is one client). Failed sends count here
    too: pumping attempts cost us even when the provider refuses."""
    return _time_until_below_limit(
        OTPRequest.objects.filter(ip_network=ip_network),
        limit=settings.OTP_IP_MAX_PER_HOUR,
        window=timedelta(hours=1),
        now=now,
    )


def otp_verify_wait(*, phone_number: str, now: datetime) -> timedelta:
    """How long the number must wait before its next code check (NIST SP 800-63B throttling).

    Wrong codes count across the number's codes for 24 hours (a code's attempts until its latest wrong
    one is a day old). Once OTP_MAX_FAILURES_PER_DAY are spent, nothing is checked until enough of them
    age out; before that, from the OTP_FAILURES_BEFORE_DELAY-th on, the next check waits
    OTP_FAILURE_DELAY_SECONDS after the latest wrong code, doubled for every wrong code past it."""
    rows = list(
        OTPRequest.objects.filter(phone_number=phone_number, attempts__gt=0, last_failed_at__gt=now - _DAY)
        .order_by("-last_failed_at")
        .values_list("attempts", "last_failed_at")
    )
    failures = 0
    for attempts, failed_at in rows:
        failures += attempts
        if failures >= settings.OTP_MAX_FAILURES_PER_DAY:
            return failed_at + _DAY - now  # this code's failures must leave the day for the count to drop
    if not rows or failures < settings.OTP_FAILURES_BEFORE_DELAY:
        return timedelta(0)
    delay = timedelta(seconds=settings.OTP_FAILURE_DELAY_SECONDS * 2 ** (failures - settings.OTP_FAILURES_BEFORE_DELAY))
    return max(rows[0][1] + delay - now, timedelta(0))
