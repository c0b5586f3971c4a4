"""Codes have a purpose: a sign-in code confirms nothing else and a code sent to confirm a change (the
salon's payout details) signs nobody in; each purpose has its own active code, and the send limits
count every code sent to the number."""

from datetime import UTC, datetime, timedelta

import pytest
import responses
from responses import matchers

from apps.accounts.errors import OTPAttemptsExceeded, OTPCooldown, OTPExpired, OTPInvalid, OTPUsed
from apps.accounts.models import OTPPurpose, OTPRequest, OTPStatus, User
from apps.accounts.services import otp_confirm, otp_request, otp_verify

PHONE = "+966501234567"
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
PAYOUT = OTPPurpose.PAYOUT_DETAILS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def otp_settings(settings):
    settings.OTP_PROVIDER = "console"
    settings.OTP_EXPIRY_MINUTES = 5
    settings.OTP_RESEND_COOLDOWN_SECONDS = 60
    settings.OTP_MAX_ATTEMPTS = 3


@pytest.fixture
def send(otp_outbox):
    def _send(purpose=PAYOUT, at=T0):
        otp = otp_request(phone_number=PHONE, channel="sms", ip_address="203.0.113.7", purpose=purpose, now=at)
        return otp, otp_outbox.code_for(otp.id)

    return _send


def test_a_payout_code_is_confirmed_once_and_signs_nobody_in(send):
    otp, code = send()

    otp_confirm(phone_number=PHONE, purpose=PAYOUT, code=code, now=T0)

    otp.refresh_from_db()
    assert (otp.purpose, otp.status, otp.used_at) == (PAYOUT, OTPStatus.USED, T0)
    assert User.objects.count() == 0
    with pytest.raises(OTPUsed):
        otp_confirm(phone_number=PHONE, purpose=PAYOUT, code=code, now=T0)


def test_a_payout_code_cannot_sign_in(send):
    otp, code = send()

    with pytest.raises(OTPInvalid):
        otp_verify(request_id=str(otp.id), code=code, now=T0)

    otp.refresh_from_db()
    assert (otp.status, otp.attempts) == (OTPStatus.ACTIVE, 0)


def test_a_sign_in_code_cannot_confirm_a_payout_change(send):
    otp, code = send(purpose=OTPPurpose.SIGN_IN)

    with pytest.raises(OTPInvalid):
        otp_confirm(phone_number=PHONE, purpose=PAYOUT, code=code, now=T0)

    otp.refresh_from_db()
    assert otp.status == OTPStatus.ACTIVE


def test_each_purpose_keeps_its_own_active_code(send):
    sign_in, sign_in_code = send(purpose=OTPPurpose.SIGN_IN)
    payout, payout_code = send(at=T0 + timedelta(seconds=61))

    sign_in.refresh_from_db()
    assert sign_in.status == OTPStatus.ACTIVE
    otp_confirm(phone_number=PHONE, purpose=PAYOUT, code=payout_code, now=T0 + timedelta(seconds=62))
    assert otp_verify(request_id=str(sign_in.id), code=sign_in_code, now=T0 + timedelta(seconds=62)).created


def test_the_send_limits_count_every_purpose(send):
    send(purpose=OTPPurpose.SIGN_IN)

    with pytest.raises(OTPCooldown):
        send(at=T0 + timedelta(seconds=30))


def test_wrong_payout_codes_are_counted_and_kill_the_code(send):
    otp, code = send()
    for _ in range(3):
        with pytest.raises(OTPInvalid):
            otp_confirm(phone_number=PHONE, purpose=PAYOUT, code="000000" if code != "000000" else "111111", now=T0)

    with pytest.raises(OTPAttemptsExceeded):
        otp_confirm(phone_number=PHONE, purpose=PAYOUT, code=code, now=T0)
    otp.refresh_from_db()
    assert otp.status == OTPStatus.DEAD


def test_an_expired_payout_code_is_refused(send):
    _otp, code = send()

    with pytest.raises(OTPExpired):
        otp_confirm(phone_number=PHONE, purpose=PAYOUT, code=code, now=T0 + timedelta(minutes=5))


def test_without_a_code_sent_for_the_purpose_any_code_is_invalid():
    with pytest.raises(OTPInvalid):
        otp_confirm(phone_number=PHONE, purpose=PAYOUT, code="123456", now=T0)


def test_sign_in_codes_are_not_confirmed_here():
    with pytest.raises(ValueError):
        otp_confirm(phone_number=PHONE, purpose=OTPPurpose.SIGN_IN, code="123456", now=T0)


def test_a_provider_managed_payout_code_is_checked_by_the_provider(settings):
    settings.OTP_PROVIDER = "authentica"
    with responses.RequestsMock() as http:
        http.post("https://api.authentica.sa/api/v2/send-otp", json={"success": True, "data": None, "message": "ok"})
        http.post(
            "https://api.authentica.sa/api/v2/verify-otp",
            match=[matchers.json_params_matcher({"phone": PHONE, "otp": "4821"})],
            json={"status": True, "message": "OTP verified successfully"},
        )
        otp = otp_request(phone_number=PHONE, channel="sms", ip_address="203.0.113.7", purpose=PAYOUT, now=T0)

        otp_confirm(phone_number=PHONE, purpose=PAYOUT, code="4821", now=T0)

    otp.refresh_from_db()
    assert (otp.status, otp.attempts) == (OTPStatus.USED, 0)
    assert OTPRequest.objects.filter(purpose=OTPPurpose.SIGN_IN).count() == 0
