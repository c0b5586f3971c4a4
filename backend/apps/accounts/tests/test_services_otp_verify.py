from datetime import UTC, datetime, timedelta

import pytest
import requests
import responses
from responses import matchers
from rest_framework_simplejwt.tokens import AccessToken

from apps.accounts.errors import (
    AccountDisabled,
    OTPAttemptsExceeded,
    OTPCheckUnavailable,
    OTPExpired,
    OTPInvalid,
    OTPSuperseded,
    OTPUsed,
)
from apps.accounts.models import OTPRequest, OTPStatus, User
from apps.accounts.services import otp_request, otp_verify

PHONE = "+966501234567"
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
AUTHENTICA = "https://api.authentica.sa"
SENT = {"success": True, "data": None, "message": "OTP send successfully"}


@pytest.fixture(autouse=True)
def otp_settings(settings):
    settings.OTP_PROVIDER = "console"
    settings.OTP_EXPIRY_MINUTES = 5
    settings.OTP_RESEND_COOLDOWN_SECONDS = 60
    settings.OTP_MAX_ATTEMPTS = 3


@pytest.fixture
def sent(otp_outbox):
    """A code sent at T0; returns (otp, code)."""

    def send(phone=PHONE, at=T0):
        otp = otp_request(phone_number=phone, channel="sms", ip_address="203.0.113.7", now=at)
        return otp, otp_outbox.code_for(otp.id)

    return send


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


@pytest.mark.django_db
def test_the_right_code_creates_the_account_and_signs_it_in(sent):
    otp, code = sent()

    result = otp_verify(request_id=str(otp.id), code=code, first_name="Sara", last_name="Alharbi", now=T0)

    otp.refresh_from_db()
    user = User.objects.get()
    assert result.created is True
    assert result.user == user
    assert (user.phone_number, user.first_name, user.last_name) == (PHONE, "Sara", "Alharbi")
    assert user.is_phone_verified is True
    assert user.has_usable_password() is False
    assert user.last_login == T0
    assert otp.status == OTPStatus.USED
    assert otp.used_at == T0
    assert AccessToken(result.tokens.access)["user_id"] == str(user.id)


@pytest.mark.django_db
def test_an_existing_account_signs_in_and_keeps_its_names(sent, make_user):
    existing = make_user(PHONE, first_name="Nora", last_name="")
    otp, code = sent()

    result = otp_verify(request_id=str(otp.id), code=code, first_name="Other", last_name="Alqahtani", now=T0)

    existing.refresh_from_db()
    assert result.created is False
    assert result.user.pk == existing.pk
    assert (existing.first_name, existing.last_name) == ("Nora", "Alqahtani")  # only the missing name is filled in
    assert existing.is_phone_verified is True
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_code_is_single_use(sent):
    otp, code = sent()
    otp_verify(request_id=str(otp.id), code=code, now=T0)

    with pytest.raises(OTPUsed):
        otp_verify(request_id=str(otp.id), code=code, now=T0)


@pytest.mark.django_db
def test_a_superseded_code_is_refused_even_when_right(sent):
    old, old_code = sent()
    sent(at=T0 + timedelta(seconds=61))

    with pytest.raises(OTPSuperseded):
        otp_verify(request_id=str(old.id), code=old_code, now=T0 + timedelta(seconds=62))

    assert User.objects.count() == 0


@pytest.mark.django_db
def test_an_expired_code_is_refused_and_no_attempt_is_counted(sent):
    otp, code = sent()

    with pytest.raises(OTPExpired):
        otp_verify(request_id=str(otp.id), code=code, now=T0 + timedelta(minutes=5))

    otp.refresh_from_db()
    assert otp.status == OTPStatus.ACTIVE
    assert otp.attempts == 0
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_the_code_still_works_just_before_it_expires(sent):
    otp, code = sent()

    result = otp_verify(request_id=str(otp.id), code=code, now=T0 + timedelta(minutes=5) - timedelta(seconds=1))

    assert result.created is True


@pytest.mark.django_db
def test_a_wrong_code_is_counted_even_though_the_call_fails(sent):
    otp, code = sent()

    with pytest.raises(OTPInvalid):
        otp_verify(request_id=str(otp.id), code=wrong(code), now=T0)

    otp.refresh_from_db()
    assert otp.attempts == 1
    assert otp.status == OTPStatus.ACTIVE
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_after_max_wrong_attempts_the_code_is_dead_even_for_the_right_value(sent):
    otp, code = sent()
    for _ in range(3):
        with pytest.raises(OTPInvalid):
            otp_verify(request_id=str(otp.id), code=wrong(code), now=T0)

    with pytest.raises(OTPAttemptsExceeded):
        otp_verify(request_id=str(otp.id), code=code, now=T0)

    otp.refresh_from_db()
    assert otp.status == OTPStatus.DEAD
    assert otp.attempts == 3
    assert User.objects.count() == 0


@pytest.mark.parametrize("request_id", ["7d0c0e43-3d3a-4b1e-9a41-4c1f3c3f7b10", "not-a-uuid", "", "1' OR '1'='1"])
@pytest.mark.django_db
def test_an_unknown_or_malformed_request_is_just_an_invalid_code(request_id):
    with pytest.raises(OTPInvalid):
        otp_verify(request_id=request_id, code="123456", now=T0)


@pytest.mark.django_db
def test_a_code_that_was_never_sent_is_invalid(sent):
    otp = OTPRequest.objects.create(
        phone_number=PHONE,
        channel="sms",
        provider="console",
        ip_address="203.0.113.7",
        status=OTPStatus.FAILED,
        created_at=T0,
        expires_at=T0 + timedelta(minutes=5),
    )

    with pytest.raises(OTPInvalid):
        otp_verify(request_id=str(otp.id), code="123456", now=T0)


@pytest.mark.parametrize(
    ("status", "attempts", "error"),
    [
        (OTPStatus.USED, 3, OTPUsed),
        (OTPStatus.SUPERSEDED, 3, OTPSuperseded),
        (OTPStatus.ACTIVE, 3, OTPAttemptsExceeded),
    ],
)
@pytest.mark.django_db
def test_states_are_checked_used_then_superseded_then_dead_then_expired(sent, status, attempts, error):
    otp, code = sent()
    OTPRequest.objects.filter(pk=otp.pk).update(status=status, attempts=attempts)

    with pytest.raises(error):
        otp_verify(request_id=str(otp.id), code=code, now=T0 + timedelta(hours=1))


@pytest.mark.django_db
def test_a_disabled_account_cannot_sign_in_and_the_code_is_not_consumed(sent, make_user):
    make_user(PHONE, is_active=False)
    otp, code = sent()

    with pytest.raises(AccountDisabled):
        otp_verify(request_id=str(otp.id), code=code, now=T0)

    otp.refresh_from_db()
    assert otp.status == OTPStatus.ACTIVE


# --- Codes managed by the provider (Authentica) ------------------------------------------------


@pytest.fixture
def authentica(settings):
    settings.OTP_PROVIDER = "authentica"
    with responses.RequestsMock() as http:
        http.post(f"{AUTHENTICA}/api/v2/send-otp", json=SENT)
        yield http


def verify_answers(http, *, code, **response):
    http.post(
        f"{AUTHENTICA}/api/v2/verify-otp",
        match=[matchers.json_params_matcher({"phone": PHONE, "otp": code})],
        **response,
    )


@pytest.mark.django_db
def test_a_provider_managed_code_that_the_provider_accepts_signs_in(authentica):
    otp = otp_request(phone_number=PHONE, channel="sms", ip_address="203.0.113.7", now=T0)
    verify_answers(authentica, code="4821", json={"status": True, "message": "OTP verified successfully"})

    result = otp_verify(request_id=str(otp.id), code="4821", now=T0)

    otp.refresh_from_db()
    assert result.created is True
    assert otp.status == OTPStatus.USED
    assert otp.attempts == 0
    assert otp.code_hash == ""


@pytest.mark.django_db
def test_a_provider_managed_code_that_the_provider_refuses_counts_as_wrong(authentica):
    otp = otp_request(phone_number=PHONE, channel="sms", ip_address="203.0.113.7", now=T0)
    verify_answers(authentica, code="1111", status=422, json={"status": False, "message": "Invalid OTP"})

    with pytest.raises(OTPInvalid):
        otp_verify(request_id=str(otp.id), code="1111", now=T0)

    otp.refresh_from_db()
    assert otp.attempts == 1
    assert otp.status == OTPStatus.ACTIVE
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_an_unreachable_provider_gives_the_attempt_back(authentica):
    otp = otp_request(phone_number=PHONE, channel="sms", ip_address="203.0.113.7", now=T0)
    verify_answers(authentica, code="4821", body=requests.exceptions.ReadTimeout())

    with pytest.raises(OTPCheckUnavailable):
        otp_verify(request_id=str(otp.id), code="4821", now=T0)

    otp.refresh_from_db()
    assert otp.attempts == 0
    assert otp.status == OTPStatus.ACTIVE
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_a_provider_managed_code_dies_after_max_wrong_attempts_without_asking_again(authentica):
    otp = otp_request(phone_number=PHONE, channel="sms", ip_address="203.0.113.7", now=T0)
    verify_answers(authentica, code="1111", status=422, json={"status": False, "message": "Invalid OTP"})
    for _ in range(3):
        with pytest.raises(OTPInvalid):
            otp_verify(request_id=str(otp.id), code="1111", now=T0)

    with pytest.raises(OTPAttemptsExceeded):
        otp_verify(request_id=str(otp.id), code="4821", now=T0)

    otp.refresh_from_db()
    assert otp.status == OTPStatus.DEAD
    assert len([call for call in authentica.calls if call.request.url.endswith("/verify-otp")]) == 3


@pytest.mark.django_db
def test_the_last_allowed_attempt_can_still_be_the_right_one(authentica):
    otp = otp_request(phone_number=PHONE, channel="sms", ip_address="203.0.113.7", now=T0)
    OTPRequest.objects.filter(pk=otp.pk).update(attempts=2)
    verify_answers(authentica, code="4821", json={"status": True, "message": "OTP verified successfully"})

    result = otp_verify(request_id=str(otp.id), code="4821", now=T0)

    otp.refresh_from_db()
    assert result.created is True
    assert (otp.status, otp.attempts) == (OTPStatus.USED, 2)
