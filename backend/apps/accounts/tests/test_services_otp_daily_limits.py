"""The limits per number over a day: sends (OTP_MAX_SENDS_PER_DAY) and wrong codes across all codes
(OTP_MAX_FAILURES_PER_DAY), with a delay that doubles per wrong code after the first few (NIST SP
800-63B throttling)."""

from datetime import UTC, datetime, timedelta

import pytest

from apps.accounts.errors import OTPDailyLimit, OTPInvalid, OTPVerifyThrottled
from apps.accounts.models import OTPRequest, User
from apps.accounts.services import otp_request, otp_verify
from apps.core.exceptions import AppError

PHONE = "+966501234567"
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def otp_limits(settings):
    settings.OTP_PROVIDER = "console"
    settings.OTP_EXPIRY_MINUTES = 5
    settings.OTP_RESEND_COOLDOWN_SECONDS = 60
    settings.OTP_MAX_PER_WINDOW = 5
    settings.OTP_WINDOW_MINUTES = 15
    settings.OTP_IP_MAX_PER_HOUR = 1000
    settings.OTP_MAX_ATTEMPTS = 5
    settings.OTP_MAX_SENDS_PER_DAY = 10
    settings.OTP_MAX_FAILURES_PER_DAY = 10
    settings.OTP_FAILURES_BEFORE_DELAY = 3
    settings.OTP_FAILURE_DELAY_SECONDS = 10


def send(at, phone=PHONE):
    return otp_request(phone_number=phone, channel="sms", ip_address="203.0.113.7", now=at)


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def guess(otp, code, at):
    """The error code of a guess, or "signed_in"."""
    try:
        otp_verify(request_id=str(otp.id), code=code, now=at)
    except AppError as exc:
        return exc.code
    return "signed_in"


@pytest.mark.django_db
def test_a_number_gets_at_most_ten_codes_a_day_even_spread_over_windows(otp_outbox):
    for index in range(10):
        send(T0 + timedelta(hours=index * 2))

    with pytest.raises(OTPDailyLimit) as refused:
        send(T0 + timedelta(hours=20))

    # The oldest code leaves the 24 hours at T0 + 24 h.
    assert refused.value.extra["retry_after"] == 4 * 60 * 60
    assert OTPRequest.objects.count() == 10
    assert send(T0 + timedelta(hours=24, seconds=1)).pk is not None
    assert send(T0 + timedelta(hours=22), phone="+966551234567").pk is not None  # another number is free


@pytest.mark.django_db
def test_after_three_wrong_codes_each_guess_waits_twice_as_long(otp_outbox):
    otp = send(T0)
    code = otp_outbox.code_for(otp.id)
    for second in range(3):
        assert guess(otp, wrong(code), T0 + timedelta(seconds=second)) == "otp_invalid"

    # Third failure at T0+2s: the next guess waits 10 s (even the right code), then 20 s after a fourth.
    with pytest.raises(OTPVerifyThrottled) as throttled:
        otp_verify(request_id=str(otp.id), code=code, now=T0 + timedelta(seconds=5))
    assert throttled.value.extra["retry_after"] == 7
    assert throttled.value.headers == {"Retry-After": "7"}
    assert guess(otp, wrong(code), T0 + timedelta(seconds=12)) == "otp_invalid"
    assert guess(otp, code, T0 + timedelta(seconds=31)) == "otp_verify_throttled"
    assert guess(otp, code, T0 + timedelta(seconds=32)) == "signed_in"
    otp.refresh_from_db()
    assert otp.attempts == 4  # a throttled guess is not a guess


@pytest.mark.django_db
def test_twenty_five_wrong_guesses_then_the_next_windows_right_code_does_not_sign_in(otp_outbox):
    at = T0
    outcomes = []
    for _window in range(5):
        otp = send(at)
        code = otp_outbox.code_for(otp.id)
        for _guess in range(5):
            outcomes.append(guess(otp, wrong(code), at))
            at += timedelta(seconds=50)
        at += timedelta(minutes=15)
    assert len(outcomes) == 25
    assert outcomes.count("otp_invalid") + outcomes.count("otp_attempts_exceeded") <= 10
    assert {"otp_verify_throttled"} <= set(outcomes)
    failures = sum(OTPRequest.objects.values_list("attempts", flat=True))
    assert failures == 10

    next_window = at + timedelta(hours=1)
    otp = send(next_window)
    right = otp_outbox.code_for(otp.id)
    with pytest.raises(OTPVerifyThrottled):
        otp_verify(request_id=str(otp.id), code=right, now=next_window)
    assert not User.objects.exists()

    # The budget frees when the tenth newest failure is 24 hours old.
    later = T0 + timedelta(hours=25)
    otp = send(later)
    assert guess(otp, otp_outbox.code_for(otp.id), later) == "signed_in"


@pytest.mark.django_db
def test_the_failure_budget_is_per_number(otp_outbox):
    otp = send(T0)
    code = otp_outbox.code_for(otp.id)
    for second in range(3):
        with pytest.raises(OTPInvalid):
            otp_verify(request_id=str(otp.id), code=wrong(code), now=T0 + timedelta(seconds=second))

    other = send(T0, phone="+966551234567")
    assert guess(other, otp_outbox.code_for(other.id), T0 + timedelta(seconds=3)) == "signed_in"
