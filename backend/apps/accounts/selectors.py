"""Reads behind the one-time-code abuse limits. Each answers how long until its limit frees
(zero when it is free); call them inside the transaction that holds the number's lock."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet

from .models import OTPRequest, OTPStatus


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


def otp_ip_window_remaining(*, ip_address: str, now: datetime) -> timedelta:
    """Failed sends count here too: pumping attempts cost us even when the provider refuses."""
    return _time_until_below_limit(
        OTPRequest.objects.filter(ip_address=ip_address),
        limit=settings.OTP_IP_MAX_PER_HOUR,
        window=timedelta(hours=1),
        now=now,
    )
